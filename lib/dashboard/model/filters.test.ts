import { describe, expect, it } from "vitest";
import { daysOf, filterParams, rangeBounds, resolveRange, weekOf, weeksOf, ZDashboardQuery } from "./filters";

const TODAY = new Date("2026-12-01T15:30:00Z");

describe("dashboard filters", () => {
  it("defaults to the last 30 days up to today, inclusive", () => {
    const range = resolveRange(ZDashboardQuery.parse({}), TODAY);
    expect(range).toEqual({ from: "2026-11-02", to: "2026-12-01", days: 30, preset: 30 });
    expect(rangeBounds(range)).toEqual({ start: new Date("2026-11-02T00:00:00Z"), end: new Date("2026-12-02T00:00:00Z") });
  });

  it("takes a preset or a custom range, and treats empty form fields as unset", () => {
    expect(resolveRange(ZDashboardQuery.parse({ days: "7", from: "" }), TODAY)).toMatchObject({ from: "2026-11-25", to: "2026-12-01", preset: 7 });
    expect(resolveRange(ZDashboardQuery.parse({ from: "2026-10-01", to: "2026-10-31" }), TODAY)).toEqual({ from: "2026-10-01", to: "2026-10-31", days: 31, preset: null });
    expect(resolveRange(ZDashboardQuery.parse({ from: "2026-11-20" }), TODAY)).toMatchObject({ to: "2026-12-01", days: 12, preset: null });
  });

  it("refuses other presets, impossible dates and reversed ranges, saying which field", () => {
    expect(ZDashboardQuery.safeParse({ days: "14" }).error?.issues[0]).toMatchObject({ path: ["days"], message: "Choose 7, 30 or 90 days." });
    expect(ZDashboardQuery.safeParse({ from: "2026-02-30" }).error?.issues[0].path).toEqual(["from"]);
    expect(ZDashboardQuery.safeParse({ from: "2026-12-01", to: "2026-11-01" }).error?.issues[0]).toMatchObject({ path: ["to"], message: "The range ends before it starts." });
    expect(ZDashboardQuery.safeParse({ annotator: "bob" }).error?.issues[0].path).toEqual(["annotator"]);
  });

  it("lists days and Monday-weeks of a range", () => {
    expect(daysOf({ from: "2026-11-29", to: "2026-12-02" })).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(weekOf("2026-12-06")).toBe("2026-11-30"); // a Sunday belongs to the week of the Monday before
    expect(weekOf("2026-11-30")).toBe("2026-11-30");
    expect(weeksOf({ from: "2026-11-25", to: "2026-12-01" })).toEqual(["2026-11-23", "2026-11-30"]);
  });

  it("keeps a preset relative and a custom range absolute in links", () => {
    expect(filterParams(resolveRange({ days: 90 }, TODAY), { source: "s" })).toEqual({ days: "90", source: "s", annotator: undefined });
    expect(filterParams(resolveRange({ from: "2026-10-01", to: "2026-10-31" }, TODAY), {})).toMatchObject({ from: "2026-10-01", to: "2026-10-31" });
  });
});

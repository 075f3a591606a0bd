import { describe, expect, it } from "vitest";
import { formatHours, formatPercent, funnelStages, roundsHistogram, shortReason, throughputSeries, turnaroundSeries } from "./shape";
import type { Funnel } from "./types";

const FUNNEL: Funnel = {
  seeds: { NEW: 40, ASSIGNED: 10, IN_PROGRESS: 20, ADAPTED: 28, ARCHIVED: 2 },
  items: { DRAFT: 10, SUBMITTED: 15, CHANGES_REQUESTED: 5, APPROVED: 25, REJECTED: 5 },
};

describe("funnel stages", () => {
  it("counts what reached each stage and converts stage to stage, items apart from seeds", () => {
    const stages = Object.fromEntries(funnelStages(FUNNEL).map((s) => [s.key, s]));
    expect(stages["seeds-new"]).toMatchObject({ now: 40, reached: 100, conversion: null });
    expect(stages["seeds-claimed"]).toMatchObject({ now: 30, reached: 58, conversion: 0.58 });
    expect(stages["items-draft"]).toMatchObject({ now: 10, reached: 60, conversion: null });
    expect(stages["items-submitted"]).toMatchObject({ now: 15, reached: 50, conversion: 50 / 60 });
    expect(stages["items-approved"]).toMatchObject({ now: 25, reached: 25, conversion: 0.5 });
    expect(stages["items-rejected"]).toMatchObject({ now: 5, conversion: 0.1, aside: true });
    expect(stages["items-changes-requested"]).toMatchObject({ now: 5, conversion: 0.1, aside: true });
  });

  it("has no conversion where nothing came before", () => {
    const empty = funnelStages({ seeds: { NEW: 0, ASSIGNED: 0, IN_PROGRESS: 0, ADAPTED: 0, ARCHIVED: 0 }, items: { DRAFT: 0, SUBMITTED: 0, CHANGES_REQUESTED: 0, APPROVED: 0, REJECTED: 0 } });
    expect(empty.every((s) => s.conversion === null && s.reached === 0)).toBe(true);
  });
});

describe("throughput series", () => {
  const range = { from: "2026-11-28", to: "2026-11-30" };
  const approved = [
    { day: "2026-11-28", annotatorId: "u1", annotator: "Emmy", count: 2 },
    { day: "2026-11-30", annotatorId: "u1", annotator: "Emmy", count: 1 },
    { day: "2026-11-30", annotatorId: "u2", annotator: "Paul", count: 4 },
    { day: "2026-11-29", annotatorId: "u3", annotator: "Ada", count: 1 },
  ];

  it("gives every day of the range a row, approvals stacked by annotator (most approvals first) and submissions", () => {
    const { rows, series } = throughputSeries(approved, [{ day: "2026-11-29", count: 3 }], range);
    expect(series).toEqual([{ key: "a0", name: "Paul" }, { key: "a1", name: "Emmy" }, { key: "a2", name: "Ada" }]);
    expect(rows).toEqual([
      { day: "2026-11-28", submitted: 0, approved: 2, a0: 0, a1: 2, a2: 0 },
      { day: "2026-11-29", submitted: 3, approved: 1, a0: 0, a1: 0, a2: 1 },
      { day: "2026-11-30", submitted: 0, approved: 5, a0: 4, a1: 1, a2: 0 },
    ]);
  });

  it("folds annotators past the limit into one 'others' series", () => {
    const { rows, series } = throughputSeries(approved, [], range, 2);
    expect(series).toEqual([{ key: "a0", name: "Paul" }, { key: "others", name: "2 others" }]);
    expect(rows.map((r) => r.others)).toEqual([2, 1, 1]);
    expect(rows.map((r) => r.approved)).toEqual([2, 1, 5]);
  });
});

describe("histograms and weeks", () => {
  it("buckets rounds 0, 1, 2 and 3+ with zeros where none", () => {
    expect(roundsHistogram([{ rounds: 0, count: 7 }, { rounds: 2, count: 1 }, { rounds: 3, count: 2 }, { rounds: 6, count: 1 }])).toEqual([
      { label: "0", rounds: 0, count: 7 }, { label: "1", rounds: 1, count: 0 }, { label: "2", rounds: 2, count: 1 }, { label: "3+", rounds: 3, count: 3 },
    ]);
  });

  it("gives every week of the range a row, empty where nothing was decided", () => {
    const weeks = turnaroundSeries([{ week: "2026-11-23", decisions: 4, p50Hours: 5, p90Hours: 20 }], { from: "2026-11-20", to: "2026-12-01" });
    expect(weeks).toEqual([
      { week: "2026-11-16", decisions: 0, p50Hours: null, p90Hours: null },
      { week: "2026-11-23", decisions: 4, p50Hours: 5, p90Hours: 20 },
      { week: "2026-11-30", decisions: 0, p50Hours: null, p90Hours: null },
    ]);
  });
});

describe("formats", () => {
  it("reads hours, percentages and long reasons as people do", () => {
    expect([formatHours(2.25), formatHours(36), formatHours(108), formatHours(null)]).toEqual(["2.3 h", "36 h", "4.5 days", "—"]);
    expect([formatPercent(0.5), formatPercent(0.046), formatPercent(null)]).toEqual(["50 %", "4.6 %", "—"]);
    expect(shortReason("Duplicate of an approved item that covers the same beta function", 20)).toBe("Duplicate of an app…");
    expect(shortReason("  ")).toBe("(no reason given)");
  });
});

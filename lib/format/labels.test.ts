import { describe, expect, it } from "vitest";
import { enumLabel, formatAge, formatDateTime, formatDateTimeRange } from "./labels";

describe("labels", () => {
  it("shows enum values as words", () => {
    expect(enumLabel("ADVANCED_UNDERGRADUATE")).toBe("Advanced undergraduate");
    expect(enumLabel("CHANGES_REQUESTED")).toBe("Changes requested");
    expect(enumLabel("TEST")).toBe("Test");
  });

  it("shows dates in one format, and a span on one day with the day once", () => {
    const at = new Date(2026, 11, 3, 14, 5);
    expect(formatDateTime(at)).toBe("3 Dec 2026, 14:05");
    expect(formatDateTimeRange(at, new Date(2026, 11, 3, 14, 9))).toBe("3 Dec 2026, 14:05–14:09");
    expect(formatDateTimeRange(at, new Date(2026, 11, 3, 14, 5, 40))).toBe("3 Dec 2026, 14:05");
  });
});

describe("formatAge", () => {
  it("says how long ago in words", () => {
    const now = new Date("2026-12-10T00:00:00Z");
    expect(formatAge("2026-12-09T23:59:30Z", now)).toBe("just now");
    expect(formatAge("2026-12-09T23:15:00Z", now)).toBe("45 min");
    expect(formatAge("2026-12-09T10:00:00Z", now)).toBe("14 h");
    expect(formatAge("2026-12-01T00:00:00Z", now)).toBe("9 days");
  });
});

import { describe, expect, it } from "vitest";
import { enumLabel, formatDateTime, formatDateTimeRange } from "./labels";

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

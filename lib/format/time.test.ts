import { describe, expect, it } from "vitest";
import { enumWords, formatAge, formatDateTime } from "./time";

describe("formatting", () => {
  it("writes dates in one format and ages in words", () => {
    expect(formatDateTime("2026-12-01T14:05:09.123Z")).toBe("2026-12-01 14:05 UTC");
    const now = new Date("2026-12-10T00:00:00Z");
    expect(formatAge("2026-12-09T23:59:30Z", now)).toBe("just now");
    expect(formatAge("2026-12-09T23:15:00Z", now)).toBe("45 min");
    expect(formatAge("2026-12-09T10:00:00Z", now)).toBe("14 h");
    expect(formatAge("2026-12-01T00:00:00Z", now)).toBe("9 days");
  });

  it("turns enum values into words", () => {
    expect(enumWords("ADVANCED_UNDERGRADUATE")).toBe("Advanced undergraduate");
    expect(enumWords("CHANGES_REQUESTED")).toBe("Changes requested");
    expect(enumWords(null)).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    "/\\evil.com",
    "//evil.com",
    "/%5Cevil.com",
    "/%09/evil.com",
    "/%2F%2Fevil.com",
    "/%252F%252Fevil.com",
    "https://evil.com",
    "javascript:alert(1)",
    "\t/evil.com",
    "/\n/evil.com",
    "evil.com",
    "/login",
    "/login?callbackUrl=/items",
    "/%E0%A4%A",
    "",
  ])("sends %j home", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it.each(["/items?status=DRAFT", "/", "/seeds/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed", "/seeds?q=a%20b", "/items#top"])("keeps the same-origin path %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe(raw);
  });

  it("refuses what is missing or absurdly long", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(5000)}`)).toBe("/");
  });
});

import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("cursor", () => {
  it("round-trips the position of a row", () => {
    const row = { createdAt: new Date("2026-05-01T12:00:00.123Z"), id: "3f0c8a38-52b4-4a8e-9a57-3c1f3e1b2a10" };
    expect(decodeCursor(encodeCursor(row.createdAt, row.id))).toEqual({ at: row.createdAt, id: row.id });
  });

  it("rejects tampered tokens", () => {
    expect(() => decodeCursor(Buffer.from("yesterday|1").toString("base64url"))).toThrow();
    expect(decodeCursor(undefined)).toBeUndefined();
  });
});

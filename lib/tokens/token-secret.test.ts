import { describe, expect, it } from "vitest";
import { base62, hashToken, looksLikeToken, newToken } from "./token-secret";
import { TokenRateLimiter } from "./rate-limit";

describe("token secrets", () => {
  it("are fw_ + 43 base62 characters, different every time, stored as a SHA-256 with a display prefix", () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).toMatch(/^fw_[0-9A-Za-z]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.prefix).toBe(a.token.slice(0, 11));
    expect(looksLikeToken(a.token)).toBe(true);
    expect(looksLikeToken(`${a.token}x`)).toBe(false);
    expect(looksLikeToken("fw_short")).toBe(false);
  });

  it("encode every 32-byte value in 43 digits", () => {
    expect(base62(new Uint8Array(32).fill(255), 43)).toHaveLength(43);
    expect(base62(new Uint8Array(32), 43)).toBe("0".repeat(43));
    expect(base62(Uint8Array.from([1, 0]), 3)).toBe("048"); // 256 = 4·62 + 8
  });
});

describe("TokenRateLimiter", () => {
  it("allows a minute's worth at once, then the steady rate, and says when to retry", () => {
    let now = 0;
    const limiter = new TokenRateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take("t").ok)).toEqual([true, true, true]);
    const refused = limiter.take("t");
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.take("other").ok).toBe(true);
    now += 20_000;
    expect(limiter.take("t").ok).toBe(true);
    expect(limiter.take("t").ok).toBe(false);
  });
});

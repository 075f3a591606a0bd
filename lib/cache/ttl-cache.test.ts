import { describe, expect, it, vi } from "vitest";
import { ttlCache } from "./ttl-cache";

describe("ttlCache", () => {
  it("computes once within the time to live, again after it, and forgets failures", async () => {
    vi.useFakeTimers();
    try {
      const cache = ttlCache<number>(1000);
      let calls = 0;
      const compute = async () => ++calls;
      expect(await Promise.all([cache("k", compute), cache("k", compute)])).toEqual([1, 1]);
      vi.advanceTimersByTime(999);
      expect(await cache("k", compute)).toBe(1);
      vi.advanceTimersByTime(2);
      expect(await cache("k", compute)).toBe(2);
      expect(await cache("other", compute)).toBe(3);
      await expect(cache("bad", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
      expect(await cache("bad", compute)).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});

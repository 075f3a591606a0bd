import { describe, expect, it } from "vitest";
import { clientAddress } from "./request-guard.mjs";

describe("clientAddress", () => {
  it("uses the socket address and ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(clientAddress("::ffff:127.0.0.1", "203.0.113.9", 0)).toBe("127.0.0.1");
    expect(clientAddress("10.0.0.5", undefined, 0)).toBe("10.0.0.5");
    expect(clientAddress(undefined, "203.0.113.9", 0)).toBe("unknown");
  });

  it("behind N trusted proxies takes the entry N hops from the right, never what the client wrote", () => {
    // client forged "1.1.1.1"; the one trusted proxy appended the real peer 198.51.100.7.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    // two proxies: the outer appended the client, the inner appended the outer proxy.
    expect(clientAddress("10.0.0.3", "1.1.1.1, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    // fewer entries than hops: the leftmost is the best there is.
    expect(clientAddress("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("drops entries that are not addresses", () => {
    expect(clientAddress("10.0.0.2", "<script>, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "evil\r\nheader", 1)).toBe("10.0.0.2");
  });
});

import { describe, expect, it } from "vitest";
import { crossSiteReason, isStateChanging } from "./same-origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("crossSiteReason", () => {
  it("accepts the app's own origin, by Host or by APP_URL", () => {
    expect(crossSiteReason(h({ origin: "http://localhost:3000", host: "localhost:3000" }), undefined)).toBeNull();
    expect(crossSiteReason(h({ origin: "https://fw.example.org", host: "10.0.0.5:3000" }), "https://fw.example.org/")).toBeNull();
    expect(crossSiteReason(h({ "sec-fetch-site": "same-origin", host: "localhost:3000" }), undefined)).toBeNull();
  });

  it("refuses another port of the same host (same site, other origin), other hosts and opaque origins", () => {
    expect(crossSiteReason(h({ origin: "http://localhost:8080", host: "localhost:3000" }), undefined)).toMatch(/localhost:8080/);
    expect(crossSiteReason(h({ origin: "http://evil.example", host: "localhost:3000" }), undefined)).not.toBeNull();
    expect(crossSiteReason(h({ origin: "null", host: "localhost:3000" }), undefined)).toMatch(/opaque/);
    expect(crossSiteReason(h({ origin: "http://localhost:3000", host: "localhost:3000" }), "https://fw.example.org")).not.toBeNull();
    expect(crossSiteReason(h({ "sec-fetch-site": "same-site", host: "localhost:3000" }), undefined)).toMatch(/same-site/);
    expect(crossSiteReason(h({ "sec-fetch-site": "cross-site", host: "localhost:3000" }), undefined)).toMatch(/cross-site/);
  });

  it("lets scripts without browser headers through (they carry no ambient cookies to forge)", () => {
    expect(crossSiteReason(h({ host: "localhost:3000" }), undefined)).toBeNull();
  });

  it("knows which methods change state", () => {
    expect(["POST", "put", "PATCH", "DELETE"].every(isStateChanging)).toBe(true);
    expect(["GET", "HEAD", "OPTIONS"].some(isStateChanging)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";

const scriptSrc = (csp: string) => csp.split("; ").find((d) => d.startsWith("script-src ")) ?? "";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce, never inline without one", () => {
    const csp = contentSecurityPolicy("abc123==", false);
    expect(scriptSrc(csp)).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(scriptSrc(csp)).not.toContain("unsafe-inline");
    expect(scriptSrc(csp)).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("makes a fresh, long nonce every time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

// The checker's availability: three outcomes (equal, not equal, cannot decide) and never a throw, whatever the
// input — random LaTeX fragments, 9,000 nested braces, 2,000-element sets, work past the time budget.
import { describe, expect, it } from "vitest";
import { checkEquivalence, evaluateAt, wellFormed } from "./index";

/** A small seeded generator, so a failing fragment can be reproduced. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  "x", "y", "e", "i", "\\pi", "2", "0.5", "-", "+", "=", "\\approx", ",", ";", "^", "_", "{", "}", "(", ")", "[", "]", "\\{", "\\}",
  "\\left(", "\\right)", "\\left[", "\\right]", "\\frac", "\\sqrt", "\\int", "\\sum", "\\prod", "_0^1", "dx", "\\,", "\\to", "|",
  "\\mathcal{M}", "\\mathrm{Tr}", "\\mathrm{diag}", "\\mathbb{1}", "\\sigma_x", "\\sigma_y", "\\alpha_s", "(\\mu)", "\\gamma^\\mu",
  "p_\\mu", "g^{\\mu\\nu}", "\\epsilon^{\\mu\\nu\\rho\\sigma}", "\\begin{pmatrix}", "\\end{pmatrix}", "&", "\\\\", "\\mathrm{GeV}",
  "\\text{ and }", "\\pm", "\\le", "<", "\\infty", "\\ln", "\\sin", "\\partial", "\\Box", "\\hbar", "\\%", "^\\circ", "\\boxed{",
  "$", "\\(", "\\)", "\\wibble", "\\overline", "\\slashed{p}", "x_\\pm", "\\cdots", "+ O(", "\\big|_{", "\\langle", "\\rangle", "!", "'",
];

function fragment(next: () => number): string {
  const n = 1 + Math.floor(next() * 12);
  return Array.from({ length: n }, () => FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]).join(next() < 0.5 ? "" : " ");
}

describe("robustness", () => {
  it("never throws on random LaTeX fragments: every verdict is true, false or null with a reason", () => {
    const next = random(17);
    for (let k = 0; k < 400; k++) {
      const gold = fragment(next);
      const pred = next() < 0.3 ? gold : fragment(next);
      const verdict = checkEquivalence(gold, pred, { budgetMs: 500 });
      expect([true, false, null], `${gold} | ${pred}`).toContain(verdict.equivalent);
      expect(verdict.reason, `${gold} | ${pred}`).toEqual(expect.any(String));
      expect(() => wellFormed(gold), gold).not.toThrow();
      expect(() => evaluateAt(gold, { x: 1, y: 2 }), gold).not.toThrow();
    }
  });

  it("reads a command whose argument went missing as malformed, not as a crash", () => {
    expect(wellFormed("\\overline{\\rm MS}")).toMatchObject({ ok: true });
    const v = wellFormed("\\overline");
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).not.toMatch(/Cannot read properties/);
  });

  it("refuses 9,000 nested braces cleanly", () => {
    const deep = `${"{".repeat(9000)}x${"}".repeat(9000)}`;
    expect(checkEquivalence(deep, "x")).toMatchObject({ equivalent: null, reason: expect.stringMatching(/^cannot decide: .*nested too deeply/) });
    expect(checkEquivalence("x", deep)).toMatchObject({ equivalent: null });
    expect(wellFormed(deep)).toMatchObject({ ok: false, reason: expect.stringMatching(/nested too deeply/) });
    expect(checkEquivalence(`${"\\sqrt".repeat(3000)}{x}`, "x").equivalent).not.toBe(true);
  });

  it("caps lists and matrices, and matches large sets without comparing every pair", () => {
    const set = (n: number, f: (i: number) => string) => `\\{${Array.from({ length: n }, (_, i) => f(i)).join(", ")}\\}`;
    expect(checkEquivalence(set(2000, String), set(2000, (i) => String(i + 1)))).toMatchObject({ equivalent: null, reason: expect.stringMatching(/too large/) });
    expect(checkEquivalence(set(200, (i) => `\\frac{x}{${i + 1}}`), set(200, (i) => `x/${200 - i}`)).equivalent).toBe(true);
    expect(checkEquivalence(set(200, (i) => `\\frac{x}{${i + 1}}`), set(200, (i) => `x/${i + 2}`)).equivalent).toBe(false);
    const matrix = `\\begin{pmatrix}${Array.from({ length: 20 }, () => Array(20).fill("1").join("&")).join("\\\\")}\\end{pmatrix}`;
    expect(checkEquivalence(matrix, matrix.replace("1", "2"))).toMatchObject({ equivalent: null, reason: expect.stringMatching(/too large/) });
  });

  it("stops at its time budget and says so", () => {
    const v = checkEquivalence("\\sum_{a=1}^{9000}\\sum_{b=1}^{9000} ab", "1", { budgetMs: 50 });
    expect(v).toMatchObject({ equivalent: null, reason: expect.stringMatching(/too large or too slow/) });
  });
});

describe("cannot decide", () => {
  it("is distinct from not equal, and never counts as equal", () => {
    // A reference the checker cannot read: no verdict on the answer.
    expect(checkEquivalence("\\lim_{x\\to 0}\\frac{\\sin x}{x}", "1")).toMatchObject({ equivalent: null, reason: expect.stringMatching(/^cannot decide: the reference/) });
    // An answer that is malformed is wrong; one that uses what the checker does not evaluate is undecided.
    expect(checkEquivalence("\\frac12", "\\frac{1}{")).toMatchObject({ equivalent: false, reason: expect.stringMatching(/^the answer cannot be read/) });
    expect(checkEquivalence("x", "\\wibble{x}")).toMatchObject({ equivalent: null, reason: expect.stringMatching(/unknown command \\wibble/) });
    expect(checkEquivalence("\\mathrm{Tr}[\\gamma^\\mu\\gamma^\\nu]", "4g^{\\mu\\nu}")).toMatchObject({ equivalent: null, reason: expect.stringMatching(/trace/) });
  });
});

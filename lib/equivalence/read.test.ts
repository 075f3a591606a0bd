// Reading answers: well-formedness with a reason, evaluation at given values, the answer found in text,
// special functions. Fixtures written for this project.
import Complex from "complex.js";
import { describe, expect, it } from "vitest";
import { checkEquivalence, evaluateAt, wellFormed } from "./index";
import { extractAnswer } from "./extract";
import { gamma, polylog, zeta } from "./special";
import { parseUnit } from "./units";

describe("wellFormed", () => {
  it("accepts physics answers and shows the reading", () => {
    for (const latex of ["\\frac{\\alpha}{4\\pi}\\ln\\frac{Q^2}{\\mu^2}", "\\Gamma_Z = 2.5\\,\\mathrm{GeV}", "\\frac{i(\\slashed{k}+M)}{k^2-M^2}", "\\{0, \\pm 1\\}", "x \\in (0, 1]"]) {
      const r = wellFormed(latex);
      expect(r, latex).toMatchObject({ ok: true, readAs: expect.any(String) });
    }
    expect(wellFormed("e^{i\\theta}")).toEqual({ ok: true, readAs: "\\mathrm{e}^{\\mathrm{i}\\,\\theta}" });
  });

  it("rejects what cannot be checked, saying why", () => {
    const cases: [string, RegExp][] = [
      ["", /empty/],
      ["\\frac{a}{b", /unbalanced|missing/],
      ["\\sqrt{}", /missing/],
      ["a + ", /nothing on one side|missing/],
      ["\\left[\\frac12", /\\left/],
      ["\\text{it follows from the Ward identity}", /text/],
      ["\\mathcal{Q}\\wibble{x}", /unknown command \\wibble/],
      ["y = ", /missing/],
      ["\\int f(x)\\,dx", /integral without numeric bounds/],
    ];
    for (const [latex, why] of cases) {
      const r = wellFormed(latex);
      expect(r.ok, latex).toBe(false);
      if (!r.ok) expect(r.reason, latex).toMatch(why);
    }
  });
});

describe("evaluateAt", () => {
  it("evaluates a formula in the argument names, with a naming left side", () => {
    expect(evaluateAt("E_n = \\hbar\\omega(n + \\tfrac12)", { hbar: 1, omega: 2, n: 3 })).toEqual({ ok: true, value: 7 });
    expect(evaluateAt("\\frac{m_\\pi^2}{f_\\pi}", { m_pi: 3, f_pi: 2 })).toEqual({ ok: true, value: 4.5 });
    const c = evaluateAt("e^{i\\theta}", { theta: Math.PI / 2 });
    expect(c.ok && typeof c.value === "object" && !Array.isArray(c.value) && Math.abs(c.value.im - 1) < 1e-12).toBe(true);
    expect(evaluateAt("(a + b, a - b)", { a: 3, b: 1 })).toEqual({ ok: true, value: [4, 2] });
  });

  it("says which symbol has no value, and refuses ± and unreadable answers", () => {
    expect(evaluateAt("g^2 \\kappa", { g: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/\\kappa has no value/) });
    expect(evaluateAt("\\pm x", { x: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/±/) });
    expect(evaluateAt("\\frac{1}{", {})).toMatchObject({ ok: false });
  });

  it("uses declarations: an argument named e is a charge, not Euler's number", () => {
    expect(evaluateAt("e^2", { e: 3 }, { symbols: ["e"] })).toEqual({ ok: true, value: 9 });
    expect(evaluateAt("e^2", {})).toMatchObject({ ok: true, value: expect.closeTo(Math.E ** 2, 12) });
  });
});

describe("extractAnswer", () => {
  it("prefers boxes, then a stated answer, then the last math, then the last number", () => {
    expect(extractAnswer("first $a$ then \\boxed{b} and \\boxed{c}")).toEqual({ latex: "b, c", how: "boxed", lastBox: "c" });
    // "The final answer is" after a box wins; formulas joined by "and" are one answer.
    expect(extractAnswer("so \\boxed{3} … Final Answer: The final answer is $4$ and $5$. I hope")).toMatchObject({ latex: "4, 5", how: "stated" });
    expect(extractAnswer("We get $d = 3n$, so there are 12 such sequences.")).toMatchObject({ latex: "12", how: "number" });
    expect(extractAnswer("so \\boxed{x} … restated: \\boxed{x}")).toEqual({ latex: "x", how: "boxed" });
    expect(extractAnswer("We find $y$. The final answer is $2\\pi$. I hope it is correct.")).toMatchObject({ latex: "2\\pi", how: "stated" });
    expect(extractAnswer("Thus $q = 4$ and then $q^2 = 16$ holds.")).toMatchObject({ latex: "q^2 = 16", how: "math" });
    expect(extractAnswer("it costs $12.50 in total")).toMatchObject({ latex: "12.50", how: "number" });
    expect(extractAnswer("\\frac{g^2}{4\\pi}")).toMatchObject({ latex: "\\frac{g^2}{4\\pi}", how: "whole" });
  });

  it("reads a formula with two-letter runs of math (differentials, products, units) as math, never as prose's last number", () => {
    // Three differentials made the whole formula "prose", and its last number (a bound: 1) the answer.
    for (const latex of ["\\int_0^1\\int_0^1\\int_0^1 x y z\\,dx\\,dy\\,dz", "\\int_0^1 dx \\int_0^1 dy \\int_0^2 dz\\, xyz", "ab + cd + ef - 2"]) {
      expect(extractAnswer(latex)).toMatchObject({ how: "whole" });
    }
    expect(checkEquivalence("\\int_0^1\\int_0^1\\int_0^1 x y z\\,dx\\,dy\\,dz", "1").equivalent).toBe(false);
    expect(checkEquivalence("\\int_0^1\\int_0^1\\int_0^1 x y z\\,dx\\,dy\\,dz", "\\frac18").equivalent).toBe(true);
    expect(checkEquivalence("\\int_0^1\\int_0^1\\int_0^1 (x+y+z)\\,dx\\,dy\\,dz", "\\frac32").equivalent).toBe(true);
    // Prose is still prose.
    expect(extractAnswer("so it is 12 in all")).toMatchObject({ latex: "12", how: "number" });
  });
});

describe("special functions and units", () => {
  it("match known values", () => {
    expect(gamma(new Complex(5, 0)).re).toBeCloseTo(24, 10);
    expect(gamma(new Complex(0.5, 0)).re).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(zeta(new Complex(3, 0)).re).toBeCloseTo(1.2020569031595942, 12);
    expect(zeta(new Complex(-1, 0)).re).toBeCloseTo(-1 / 12, 12);
    expect(polylog(new Complex(2, 0), new Complex(0.5, 0)).re).toBeCloseTo(Math.PI ** 2 / 12 - Math.log(2) ** 2 / 2, 12);
  });

  it("reads units with prefixes and powers", () => {
    expect(parseUnit("GeV")?.factor).toBeCloseTo(1.602176634e-10, 20);
    expect(parseUnit("fb^{-1}")?.dims).toEqual([0, -2, 0, 0, 0, 0, 0]);
    expect(parseUnit("m/s^2")?.dims).toEqual([0, 1, -2, 0, 0, 0, 0]);
    expect(parseUnit("and")).toBeNull();
  });
});

// The rules for QFT answers of issue 17, one block per rule, each tried where it must say "equal" and where
// it must not (both directions where the rule is symmetric). Pairs written for this project.
import { describe, expect, it } from "vitest";
import { checkEquivalence, conventionsFor, type EquivalenceOptions } from "./index";

type Case = [gold: string, pred: string];
const same = (cases: Case[], options?: EquivalenceOptions, both = true) => {
  for (const [g, p] of cases) {
    expect(checkEquivalence(g, p, options), `${g} ≡ ${p}`).toMatchObject({ equivalent: true });
    if (both) expect(checkEquivalence(p, g, options), `${p} ≡ ${g}`).toMatchObject({ equivalent: true });
  }
};
const differ = (cases: Case[], options?: EquivalenceOptions, both = true) => {
  for (const [g, p] of cases) {
    expect(checkEquivalence(g, p, options), `${g} ≢ ${p}`).toMatchObject({ equivalent: false });
    if (both) expect(checkEquivalence(p, g, options), `${p} ≢ ${g}`).toMatchObject({ equivalent: false });
  }
};

describe("left sides that only label the answer", () => {
  it("drops a process, a decay, a trace, a ± root or an operator on the left", () => {
    same([
      ["\\sigma(e^+e^-\\to\\tau^+\\tau^-) = \\frac{4\\pi\\alpha^2}{3s}", "\\frac{4\\pi\\alpha^2}{3s}"],
      ["\\Gamma(Z\\to\\nu\\bar\\nu) = \\frac{G_F m_Z^3}{12\\sqrt2\\pi}", "\\frac{\\sqrt2 G_F m_Z^3}{24\\pi}"],
      ["\\mathcal{B}(B_s\\to\\mu^+\\mu^-)\\approx 3.0\\times10^{-9}", "3.0\\times10^{-9}"],
      ["|\\mathcal{M}|^2 = 2e^4\\frac{s^2+u^2}{t^2}", "\\frac{2e^4(u^2+s^2)}{t^2}"],
      ["\\mathrm{Tr}[\\slashed{a}\\slashed{b}] = 4\\,a\\cdot b", "4 b\\cdot a"],
      ["x_\\pm = 2\\pm\\sqrt3", "\\{2+\\sqrt3, 2-\\sqrt3\\}"],
      ["\\partial_\\mu\\partial^\\mu\\phi = -m^2\\phi - \\frac{g}{2}\\phi^2", "-m^2\\phi-\\frac{g\\phi^2}{2}"],
      ["\\frac14\\sum_{\\text{spins}}|\\mathcal{M}|^2 = 8e^4", "8e^4"],
    ], undefined, false);
    differ([
      ["\\sigma(e^+e^-\\to\\tau^+\\tau^-) = \\frac{4\\pi\\alpha^2}{3s}", "\\frac{4\\pi\\alpha^2}{9s}"],
      ["x_\\pm = 2\\pm\\sqrt3", "2+\\sqrt3"],
      ["\\mathrm{Tr}[\\slashed{a}\\slashed{b}] = 4\\,a\\cdot b", "-4 a\\cdot b"],
    ]);
  });

  it("reads Euler's letter alone on the left as the charge it names", () => {
    same([["e = \\sqrt{4\\pi\\alpha}", "\\sqrt{4\\pi\\alpha}"]], undefined, false);
  });

  it("keeps genuine equations and says the label was dropped in the reading", () => {
    expect(checkEquivalence("(\\Box + m^2)\\phi = 0", "\\Box\\phi = -m^2\\phi").equivalent).toBe(true);
    expect(checkEquivalence("(\\Box + m^2)\\phi = 0", "\\Box\\phi = m^2\\phi").equivalent).toBe(false);
    expect(checkEquivalence("\\Gamma(H\\to gg) = x", "x").readAs.gold).toBe("\\Gamma = x");
    expect(checkEquivalence("\\mathrm{Tr}[\\gamma^\\mu\\gamma^\\nu] = x", "x").readAs.gold).toBe("\\ldots = x");
  });
});

describe("square brackets", () => {
  it("group a value, alone, after a factor or under a power", () => {
    same([["\\left[a+b\\right]c", "ac+bc"], ["[1-x]^2", "1-2x+x^2"], ["m^2\\left[1+\\ln\\frac{\\mu^2}{m^2}\\right]", "m^2 + 2m^2\\ln\\frac{\\mu}{m}"], ["\\Big[(p\\cdot k)(q\\cdot l)\\Big]", "(k\\cdot p)(l\\cdot q)"]]);
    differ([["[1-x]^2", "(1-x)^3"], ["m^2\\left[1+\\ln x\\right]", "m^2\\left[1-\\ln x\\right]"]]);
  });

  it("still make intervals when they hold two values", () => {
    differ([["x \\in [0, 1]", "0 < x < 1"]]);
    same([["x \\in [0, 1]", "0 \\le x \\le 1"]]);
  });
});

describe("a symbolic answer and its value", () => {
  it("compares a closed number with the value at the value's significant digits", () => {
    same([["\\frac{\\alpha}{\\pi}\\approx 0.00232", "0.002323"], ["a_\\mu = \\frac{\\alpha}{2\\pi} \\approx 1.16\\times10^{-3}", "\\frac{\\alpha}{2\\pi}"], ["m_t \\approx 173\\,\\mathrm{GeV}", "172.8\\,\\mathrm{GeV}"], ["\\frac{\\alpha}{2\\pi} = 0.00116", "0.0011614"]], undefined, false);
    differ([["\\frac{\\alpha}{\\pi}\\approx 0.00232", "0.00116"], ["\\frac{\\alpha}{\\pi}\\approx 0.00232", "\\frac{\\alpha}{2\\pi}"], ["m_t \\approx 173\\,\\mathrm{GeV}", "171\\,\\mathrm{GeV}"]], undefined, false);
  });

  it("lets an exact closed form decide over the rounded value", () => {
    expect(checkEquivalence("\\frac{\\pi^2}{6}\\approx 1.645", "1.6449").equivalent).toBe(true);
    expect(checkEquivalence("\\frac{\\pi^2}{6}\\approx 1.645", "1.65").equivalent).toBe(false);
  });
});

describe("definite integrals", () => {
  it("are integrated numerically, with dx before or after the integrand and bounds to infinity", () => {
    same([
      ["\\int_0^1 dx\\, x^2(1-x)", "\\frac1{12}"],
      ["\\int_0^1 \\frac{dx}{(1+x)^2}", "\\frac12"],
      ["\\int_0^\\infty dk\\, e^{-ak}", "\\frac1a"],
      ["\\int_0^1 dx\\,\\frac{1}{[xa+(1-x)b]^2}", "\\frac{1}{ab}"],
      ["\\frac{g^2}{16\\pi^2}\\int_0^1 dx\\,\\ln\\frac{\\Delta}{\\mu^2}", "\\frac{g^2}{16\\pi^2}\\ln\\frac{\\Delta}{\\mu^2}"],
      ["\\int_0^1 dx\\,\\ln x\\ln(1-x)", "2-\\frac{\\pi^2}{6}"],
      ["\\int_0^\\infty \\frac{dk\\,k^2}{(k^2+m^2)^2}", "\\frac{\\pi}{4m}"],
    ]);
    differ([["\\int_0^1 dx\\, x^2", "\\frac12"], ["\\int_0^\\infty dk\\, e^{-ak}", "\\frac{1}{a^2}"]]);
  });

  it("cannot decide an integral without bounds", () => {
    const v = checkEquivalence("\\int x\\,dx", "\\frac{x^2}{2}");
    expect(v.equivalent).toBeNull();
    expect(v.reason).toMatch(/^cannot decide: .*integral without numeric bounds/);
  });
});

describe("matrices", () => {
  it("reads diag, the identity, the Pauli matrices and block matrices, with products that do not commute", () => {
    same([
      ["\\mathrm{diag}(a, b)", "\\begin{pmatrix}a&0\\\\0&b\\end{pmatrix}"],
      ["\\sigma_y\\sigma_z", "i\\sigma_x"],
      ["\\sigma_2^2", "\\mathbb{1}"],
      ["I_2", "\\operatorname{diag}(1,1)"],
      ["\\begin{pmatrix}0&\\mathbb{1}_2\\\\ \\mathbb{1}_2&0\\end{pmatrix}", "\\begin{pmatrix}0&0&1&0\\\\0&0&0&1\\\\1&0&0&0\\\\0&1&0&0\\end{pmatrix}"],
      ["\\begin{pmatrix}\\sigma_z&0\\\\0&\\sigma_z\\end{pmatrix}", "\\mathrm{diag}(1,-1,1,-1)"],
      ["\\mathbb{1} - \\sigma_z", "\\begin{pmatrix}0&0\\\\0&2\\end{pmatrix}"],
    ]);
    differ([
      ["\\sigma_z\\sigma_y", "i\\sigma_x"],
      ["\\sigma_x\\sigma_z", "\\sigma_z\\sigma_x"],
      ["\\mathrm{diag}(a, b)", "\\mathrm{diag}(b, a)"],
      ["I_2", "\\mathrm{diag}(1,-1)"],
    ]);
  });

  it("reads brackets of two matrices as a commutator and braces as an anticommutator; a number is that multiple of 𝟙", () => {
    same([["[\\sigma_x, \\sigma_y]", "2i\\sigma_z"], ["\\{\\sigma_x, \\sigma_y\\}", "0"], ["\\sigma_z^2", "1"]]);
    differ([["[\\sigma_x, \\sigma_y]", "-2i\\sigma_z"], ["\\{\\sigma_x, \\sigma_x\\}", "0"], ["\\sigma_z^2", "2"]]);
  });

  it("leaves σ_x a plain symbol when nothing in the pair is a matrix", () => {
    same([["2\\sigma_x", "\\sigma_x+\\sigma_x"]]);
    differ([["\\sigma_x", "\\sigma_y"]]);
  });
});

describe("running quantities", () => {
  it("reads a symbol at a scale as the symbol where the other side writes it bare", () => {
    same([["\\frac{\\alpha_s(\\mu)}{\\pi}", "\\frac{\\alpha_s}{\\pi}"], ["g^2(\\mu)", "g(\\mu)^2"], ["\\lambda(\\mu)\\ln\\frac{\\mu}{m}", "\\lambda\\ln\\frac{\\mu}{m}"], ["\\alpha_s(M_Z^2)C_F", "C_F\\alpha_s"]]);
    differ([["\\alpha_s(\\mu)", "\\alpha_s(\\mu_0)"], ["\\frac{\\alpha_s(\\mu)}{\\pi}", "\\frac{\\alpha_s}{2\\pi}"], ["\\alpha_s(\\mu)^2", "\\alpha_s"]]);
  });

  it("keeps a product a product when the other side multiplies the two, or the parenthesis is no scale", () => {
    same([["m(\\mu)", "m\\mu"], ["x(y)", "xy"], ["g(\\mu)", "g"]]);
    differ([["x(y)", "x"], ["g(\\mu)", "g\\mu_0"]], undefined, false);
  });
});

describe("unit conventions", () => {
  const hl: EquivalenceOptions = { conventions: ["natural-HL"] };
  it("applies e² = 4πα and ħ = c = 1 only when asked, and names the convention", () => {
    same([["\\frac{e^2}{4\\pi r}", "\\frac{\\alpha}{r}"], ["\\frac{\\hbar c}{\\lambda}", "\\frac{1}{\\lambda}"], ["\\frac{e^2}{4\\pi}e^{-mr}", "\\alpha e^{-mr}"]], hl);
    differ([["\\frac{e^2}{r}", "\\frac{\\alpha}{r}"]], hl);
    differ([["\\frac{e^2}{4\\pi r}", "\\frac{\\alpha}{r}"], ["\\hbar\\omega", "\\omega"]]);
    expect(checkEquivalence("\\frac{e^2}{4\\pi}", "\\alpha", hl).conventions).toEqual([expect.stringMatching(/^natural-HL: .*e² = 4πα/)]);
    expect(checkEquivalence("x", "x", hl).conventions).toBeUndefined();
  });

  it("offers Gaussian units and the Fermi constant as other named conventions", () => {
    same([["e^2", "\\alpha"]], { conventions: ["natural-gaussian"] });
    same([["\\frac{G_F}{\\sqrt2}", "\\frac{g^2}{8 m_W^2}"]], { conventions: ["fermi"] });
    differ([["\\frac{G_F}{\\sqrt2}", "\\frac{g^2}{8 m_W^2}"]]);
  });

  it("reads natural units from an item's statement", () => {
    expect(conventionsFor("Work in natural units. Conventions: metric (+,-,-,-).")).toEqual(["natural-HL"]);
    expect(conventionsFor("Conventions: $\\hbar = c = 1$, Gaussian units.")).toEqual(["natural-gaussian"]);
    expect(conventionsFor("Conventions: SI units throughout.")).toEqual([]);
  });
});

describe("units on one side", () => {
  it("are strict by default: a bare number is not a quantity with a dimension", () => {
    const v = checkEquivalence("m_Z = 91.19\\,\\mathrm{GeV}", "91.19");
    expect(v).toMatchObject({ equivalent: false, reason: expect.stringMatching(/the unit .*GeV.* is missing/) });
    expect(checkEquivalence("91.19", "91.19\\,\\mathrm{GeV}").equivalent).toBe(false);
    expect(checkEquivalence("m_Z = 91.19\\,\\mathrm{GeV}", "91.19", { units: "optional" }).equivalent).toBe(true);
  });

  it("let a unit the answer spells out as a word be prose, and a dimensionless unit go", () => {
    expect(checkEquivalence("\\frac13", "\\frac13\\text{ meters}").equivalent).toBe(true);
    expect(checkEquivalence("2.2\\text{ seconds}", "2.2")).toMatchObject({ equivalent: false, reason: "the unit seconds is missing" });
    expect(checkEquivalence("\\frac{\\pi}{2}", "\\frac{\\pi}{2}\\,\\mathrm{rad}").equivalent).toBe(true);
  });
});

describe("indices", () => {
  it("knows the symmetric metric and delta, the antisymmetric Levi-Civita symbol and field strength", () => {
    same([["g^{\\mu\\nu}", "g^{\\nu\\mu}"], ["\\epsilon^{\\mu\\nu\\rho\\sigma}", "-\\epsilon^{\\nu\\mu\\rho\\sigma}"], ["\\epsilon^{\\mu\\mu\\rho\\sigma}", "0"], ["F_{\\mu\\nu}", "-F_{\\nu\\mu}"], ["\\delta^{ab}", "\\delta^{ba}"], ["f^{abc}", "-f^{bac}"]]);
    differ([["F^{\\mu\\nu}", "F^{\\nu\\mu}"], ["\\epsilon^{\\mu\\nu\\rho\\sigma}", "\\epsilon^{\\nu\\mu\\rho\\sigma}"]]);
  });

  it("renames dummy indices", () => {
    same([["F_{\\mu\\nu}F^{\\mu\\nu}", "F^{\\alpha\\beta}F_{\\alpha\\beta}"], ["f^{acd}f^{bcd}", "f^{aef}f^{bef}"], ["p_\\mu F^{\\mu\\nu}", "p_\\alpha F^{\\alpha\\nu}"]]);
    differ([["F_{\\mu\\nu}F^{\\nu\\mu}", "F_{\\alpha\\beta}F^{\\alpha\\beta}"], ["p_\\mu F^{\\mu\\nu}", "p_\\alpha F^{\\alpha\\beta}"]]);
  });

  it("reads a contraction as a dot product", () => {
    same([["p^\\mu q_\\mu", "p\\cdot q"], ["\\gamma^\\mu k_\\mu", "\\slashed{k}"], ["p_\\mu p^\\mu", "p^2"]]);
    differ([["p^\\mu q_\\mu", "p\\cdot k"]]);
  });
});

describe("sums with a symbolic upper limit and physical domains", () => {
  it("evaluates a sum at integer values of its limit", () => {
    same([["\\sum_{k=1}^{N}(2k-1)", "N^2"], ["\\sum_{j=0}^{n-1} 2^j", "2^n - 1"]]);
    differ([["\\sum_{k=1}^{N}(2k-1)", "N^2+1"]]);
  });

  it("compares where every root and logarithm is real (masses positive, velocities below 1)", () => {
    same([["\\sqrt{1-x}\\sqrt{1-y}", "\\sqrt{(1-x)(1-y)}"], ["\\ln\\frac{1-v}{1+v}", "\\ln(1-v)-\\ln(1+v)"], ["\\frac{1}{\\sqrt{1-\\beta^2}}", "\\sqrt{\\frac{1}{1-\\beta^2}}"]]);
    differ([["\\sqrt{(x-y)^2}", "x-y"], ["\\sqrt{1-x}\\sqrt{1-y}", "\\sqrt{(1-x)(1+y)}"]]);
  });
});

// Decisions of the answer checker, one block per rule, each pair tried in both directions where the rule
// is symmetric. Pairs written for this project (not from the benchmark data).
import { describe, expect, it } from "vitest";
import { checkEquivalence, type EquivalenceOptions } from "./index";

type Case = [gold: string, pred: string];
const same = (cases: Case[], options?: EquivalenceOptions, both = true) => {
  for (const [g, p] of cases) {
    expect(checkEquivalence(g, p, options), `${g} ≡ ${p}`).toMatchObject({ equivalent: true });
    if (both) expect(checkEquivalence(p, g, options), `${p} ≡ ${g}`).toMatchObject({ equivalent: true });
  }
};
const differ = (cases: Case[], options?: EquivalenceOptions) => {
  for (const [g, p] of cases) {
    expect(checkEquivalence(g, p, options), `${g} ≢ ${p}`).toMatchObject({ equivalent: false });
    expect(checkEquivalence(p, g, options), `${p} ≢ ${g}`).toMatchObject({ equivalent: false });
  }
};

describe("answer equivalence", () => {
  it("normalises notation: \\dfrac, \\left/\\right, spacing, \\rm subscripts, slashes, primes", () => {
    same([
      ["\\dfrac{m^2}{8\\pi^2}", "\\frac{m^{2}}{(2\\sqrt{2}\\pi)^2}"],
      ["\\left(\\frac{a}{b}\\right)^2", "a^2/b^2"],
      ["k_{\\rm B} T", "k_B\\,T"],
      ["x_{\\mathrm{eff}}^2", "x_{eff}x_{eff}"],
      ["\\frac{M_{\\text{Pl}}}{2}", "M_{Pl}/2"],
      ["\\frac{q'}{q}", "q^\\prime/q"],
      ["\\varepsilon^{-1}", "\\frac{1}{\\epsilon}"],
    ]);
  });

  it("reads the traps the way a physicist means them", () => {
    same([
      ["m_\\pi^2", "m_{\\pi}^{2}"], // one symbol, however braced
      ["\\hbar\\omega(n+\\frac12)", "\\hbar\\omega n+\\frac{\\hbar\\omega}{2}"], // a product, not a call
      ["\\log(x y)", "\\ln x + \\ln y"], // log is natural
      ["e^{i\\pi/3}", "\\frac12+\\frac{\\sqrt3}{2}i"], // e is Euler's number
      ["\\gamma^\\mu p_\\mu", "p_\\mu\\gamma^\\mu"], // γ^μ is an indexed symbol, not a power
      ["\\bar{\\psi}\\psi", "\\psi\\bar\\psi"],
      ["\\frac{\\slashed{p}+m}{p^2-m^2}", "(\\slashed p + m)/(p^2-m^2)"],
      ["G_{\\mu\\nu}G^{\\mu\\nu}", "G^{\\mu\\nu}G_{\\mu\\nu}"],
      ["\\gamma_E", "0.5772156649"],
    ]);
    differ([
      ["\\gamma^\\mu p_\\mu", "\\gamma^\\nu p_\\mu"],
      ["\\bar{v}", "v"],
      ["\\log 10", "1"],
    ]);
  });

  it("compares scalars numerically with complex arithmetic", () => {
    same([
      ["\\frac{-i g^2}{q^2 - M^2}", "\\frac{i g^2}{M^2 - q^2}"],
      ["\\frac{1}{i}", "-i"],
      ["\\sinh^2 x", "\\cosh^2 x - 1"],
      ["\\sqrt{s}\\sqrt{1-\\frac{4M^2}{s}}", "\\sqrt{s-4M^2}"],
      ["\\Gamma(\\tfrac12)^2", "\\pi"],
      ["\\zeta(2)", "\\frac{\\pi^2}{6}"],
      ["\\binom{5}{2}", "10"],
      ["4!", "24"],
    ]);
    differ([
      ["\\frac{i}{q^2-M^2}", "\\frac{-i}{q^2-M^2}"],
      ["\\frac{g^2}{8\\pi^2}", "\\frac{g^2}{16\\pi^2}"],
      ["\\cos^2\\theta", "\\cos\\theta^2"],
      ["\\sqrt{s-4M^2}", "\\sqrt{s-2M^2}"],
      ["\\zeta(3)", "\\zeta(5)"],
    ]);
  });

  it("drops a left side that only names the quantity; genuine equations compare up to a factor", () => {
    same([
      ["\\Gamma_{\\rm tot} = \\frac{G_F^2 m^5}{192\\pi^3}", "\\frac{G_F^2m^5}{192\\pi^3}"],
      ["f(T) = T^4", "f(T)=T\\cdot T^3"],
      ["\\mu\\frac{d\\lambda}{d\\mu} = \\frac{3\\lambda^2}{16\\pi^2}", "\\frac{3\\lambda^2}{16\\pi^2}"],
      ["(a, b) = (1, 2)", "(1,2)"],
    ], undefined, false);
    same([["2x - 6y = 4", "y = \\frac{x}{3} - \\frac{2}{3}"], ["a+b=1", "2a = 2-2b"]]);
    differ([
      ["\\Gamma = \\frac{m^5}{192\\pi^3}", "\\Gamma = \\frac{m^5}{96\\pi^3}"],
      ["x^2 + y^2 = 1", "x^2 + y^2 = 4"],
      ["(a,b) = (1,2)", "(b,a) = (1,2)"],
    ]);
    // A function or power of a named quantity names it too; one quantity named two ways is still one.
    same([["\\tan\\theta_W = \\frac{g'}{g}", "\\frac{g'}{g}"], ["M^2 = s - 4m^2", "s - 4m^2"], ["\\Gamma(\\lambda) = 3\\lambda", "\\Gamma_\\lambda = 3\\lambda"]], undefined, false);
    // A genuine equation is not its right side alone.
    expect(checkEquivalence("3 = a + b", "a + b").equivalent).toBe(false);
    // A chain of working counts by its last member.
    expect(checkEquivalence("12", "n = 3 \\cdot 4 = 12").equivalent).toBe(true);
  });

  it("drops O(…) and \\cdots tails and says so", () => {
    const v = checkEquivalence("1 + \\frac{\\alpha}{\\pi}", "1 + \\frac{\\alpha}{\\pi} + \\mathcal{O}(\\alpha^2)");
    expect(v).toMatchObject({ equivalent: true, reason: expect.stringMatching(/ignoring the .*O.*tail/) });
    expect(checkEquivalence("1 + x", "1 + x + \\cdots").equivalent).toBe(true);
    expect(checkEquivalence("1 + 2x", "1 + x + O(x^2)").equivalent).toBe(false);
  });

  it("treats sets as unordered, tuples as ordered, ± as two values", () => {
    same([
      ["\\{2, -3\\}", "\\{-3, 2\\}"],
      ["x = 2 \\text{ or } x = -3", "x=-3, x=2"],
      ["\\pm\\sqrt{2}", "\\{\\sqrt2, -\\sqrt2\\}"],
      ["1 \\pm i", "1+i, 1-i"],
      ["(1, 2), (3, 4)", "(3,4), (1,2)"],
    ]);
    differ([
      ["(1, 2)", "(2, 1)"],
      ["\\{1, 2\\}", "\\{1, 2, 3\\}"],
      ["\\pm 2", "2"],
      ["(1, 2, 3)", "(1, 2)"],
    ]);
  });

  it("compares intervals, unions and inequalities as sets of numbers", () => {
    same([
      ["x \\in [0, 1)", "0 \\le x < 1"],
      ["(-\\infty, 2] \\cup (5, \\infty)", "x \\le 2 \\text{ or } x > 5"],
      ["2 \\le |t| \\le 3", "t \\in [-3,-2]\\cup[2,3]"],
      ["y > 4", "4 < y"],
    ]);
    differ([["[0, 1)", "(0, 1)"], ["[0, 1]", "[0, 2]"], ["x < 3", "x \\le 3"]]);
    expect(checkEquivalence("x \\in [0,1]", "0 \\le x \\le 1", { setRelation: false }).equivalent).toBe(false);
  });

  it("compares matrices element-wise, including a scalar factor", () => {
    same([
      ["\\begin{pmatrix}1 & 0\\\\ 0 & -1\\end{pmatrix}", "\\begin{bmatrix}1&0\\\\0&-1\\end{bmatrix}"],
      ["\\frac12\\begin{pmatrix}2 & 4\\\\ 6 & 8\\end{pmatrix}", "\\begin{pmatrix}1 & 2\\\\ 3 & 4\\end{pmatrix}"],
    ]);
    differ([
      ["\\begin{pmatrix}0 & 1\\\\ 1 & 0\\end{pmatrix}", "\\begin{pmatrix}1 & 0\\\\ 0 & 1\\end{pmatrix}"],
      ["\\begin{pmatrix}1 \\\\ 2\\end{pmatrix}", "\\begin{pmatrix}1 & 2\\end{pmatrix}"],
    ]);
  });

  it("converts units with SI prefixes, the eV family, barns and natural units, and checks dimensions", () => {
    same([
      ["1.5\\,\\mathrm{TeV}", "1500\\,\\mathrm{GeV}"],
      ["2\\,\\mathrm{mb}", "2000\\,\\mathrm{\\mu b}"],
      ["0.3894\\,\\mathrm{mb}", "1\\,\\mathrm{GeV}^{-2}"], // (ħc)² = 0.3894 mb GeV²
      ["12\\,\\text{cm}", "0.12\\,\\mathrm{m}"],
      ["90^\\circ", "\\frac{\\pi}{2}"],
    ]);
    differ([["1.5\\,\\mathrm{GeV}", "1.5\\,\\mathrm{MeV}"], ["3\\,\\mathrm{m}", "3\\,\\mathrm{kg}"]]);
    // Tiny SI values are not "equal within 1e-14": the absolute tolerance scales with the unit.
    differ([["1\\,\\mathrm{fm}", "10^{-12}\\,\\mathrm{cm}"], ["0", "10^{-12}"]]);
    same([["1\\,\\mathrm{fm}", "10^{-13}\\,\\mathrm{cm}"], ["2.2\\,\\mu\\mathrm{s}", "2.2\\times10^{-6}\\,\\mathrm{s}"]]);
    expect(checkEquivalence("3\\,\\mathrm{m}", "3\\,\\mathrm{kg}").reason).toMatch(/different dimensions/);
    // With ħ = c = 1 a length is a time: 1 m is 3.34 ns.
    expect(checkEquivalence("1\\,\\mathrm{m}", "3.33564\\,\\mathrm{ns}").equivalent).toBe(true);
  });

  it("takes the tolerance from the digits of a decimal, and only with three or more", () => {
    same([["\\frac{1}{3}", "0.3333"], ["\\sqrt{2}", "1.414"], ["\\pi", "3.14159"]]);
    differ([["\\frac{1}{3}", "0.3"], ["\\frac{1}{3}", "0.3334"], ["\\sqrt2", "1.42"]]);
    expect(checkEquivalence("\\frac{2}{7}", "0.29", { floatRounding: 2 }).equivalent).toBe(true);
    expect(checkEquivalence("1", "1 + 10^{-6}", { tolerance: { rel: 1e-5 } }).equivalent).toBe(true);
  });

  it("honours declarations: e as a charge, \\Phi as a function, a real symbol", () => {
    expect(checkEquivalence("e^2", "2.718281828^2").equivalent).toBe(true);
    expect(checkEquivalence("e^2", "2.718281828^2", { declarations: { symbols: ["e"] } }).equivalent).toBe(false);
    expect(checkEquivalence("\\Phi(x+y)", "\\Phi x + \\Phi y").equivalent).toBe(true);
    expect(checkEquivalence("\\Phi(x+y)", "\\Phi(x) + \\Phi(y)", { declarations: { functions: ["\\Phi"] } }).equivalent).toBe(false);
    expect(checkEquivalence("\\sqrt{x^2}", "x").equivalent).toBe(true);
    expect(checkEquivalence("\\sqrt{x^2}", "x", { declarations: { real: ["x"] } }).equivalent).toBe(false);
  });

  it("finds the answer in prose: boxes, 'the final answer is', the last math, the last number", () => {
    expect(checkEquivalence("\\frac{3}{2}", "so we get $x = 1$ first and finally \\boxed{\\frac{3}{2}}.").equivalent).toBe(true);
    expect(checkEquivalence("\\{2, 5\\}", "roots \\boxed{2} and \\boxed{5}").equivalent).toBe(true);
    expect(checkEquivalence("42", "Final answer: the count is 42. I hope it is correct.").equivalent).toBe(true);
    expect(checkEquivalence("7", "We compute $3+4$, so the result is $7$.").equivalent).toBe(true);
    expect(checkEquivalence("12.5", "the price went from 10 to 12.5 dollars").equivalent).toBe(true);
    expect(checkEquivalence("15\\%", "$15$ percent").equivalent).toBe(true);
    expect(checkEquivalence("0.15", "15\\%").equivalent).toBe(true);
  });

  it("reads number formats: thousands, decimal commas in plain text, braced commas, stray dollar signs", () => {
    same([["4250000", "4,250,000"], ["2500", "2\\,500"], ["1.35", "1,35"], ["0.125", "0,125"], ["$12{,}500$", "12500"], ["$2{,}5$", "2.5"], ["0.5", ".5"]], undefined, false);
    expect(checkEquivalence("3.75", "it costs 3,75 $ each").equivalent).toBe(true);
    // In math a comma separates values: \boxed{1,5} is two answers.
    expect(checkEquivalence("1.5", "\\boxed{1,5}").equivalent).toBe(false);
    expect(checkEquivalence("5", "QX5Z").equivalent).toBe(false);
  });

  it("reads ratios, approximations, cyclic name lists, infinities, sums and the last of several boxes", () => {
    same([["V_1 : V_2 = 3:8", "3:8"], ["x \\approx 2.5", "2.5"], ["a = 1, b = 2 \\text{ and } a = 3, b = 4", "(1, 2), (3, 4)"], ["(2, +\\infty)", "(2, \\infty)"]], undefined, false);
    expect(checkEquivalence("(2, \\infty)", "(2, -\\infty)").equivalent).toBe(false);
    expect(checkEquivalence("\\sum_{k=1}^{4} k^2", "30").equivalent).toBe(true);
    expect(checkEquivalence("S_n = \\sum_{k=0}^{n} a_k a_{n-k}", "\\sum_{k=0}^{n} a_{n-k} a_k").equivalent).toBe(true);
    expect(checkEquivalence("7", "first \\boxed{3}, then \\boxed{7}").equivalent).toBe(true);
    expect(checkEquivalence("3", "first \\boxed{3}, then \\boxed{7}").equivalent).toBe(false);
  });

  it("compares text answers as text", () => {
    same([["\\text{diverges}", "\\text{Diverges}"], ["\\text{B}", "B"]]);
    differ([["\\text{B}", "C"], ["\\text{converges}", "\\text{diverges}"]]);
  });

  it("explains every decision and shows both readings", () => {
    const v = checkEquivalence("\\frac{g^2}{16\\pi^2}", "\\frac{g^2}{8\\pi^2}");
    expect(v.equivalent).toBe(false);
    expect(v.reason).toMatch(/differ at g=/);
    expect(v.readAs.gold).toContain("\\frac{g^{2}}{16");
    const e = checkEquivalence("e^{x}", "\\exp(x)");
    expect(e.readAs.gold).toContain("\\mathrm{e}");
    const bad = checkEquivalence("\\frac{1}{2}", "\\frac{1}{");
    expect(bad).toMatchObject({ equivalent: false, reason: expect.stringMatching(/^the answer cannot be read/) });
  });
});

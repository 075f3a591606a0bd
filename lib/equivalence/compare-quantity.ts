// Comparing quantities: numbers and expressions with units (converted through SI, or through natural units
// ħ = c = 1), percentages and degrees; decimals good to their last digit; and approximate values
// (`\frac{\alpha}{2\pi} \approx 0.00116`) compared at their significant digits. Units are strict by default:
// a bare number is not a quantity with a dimension (units: "optional" lets a unit be left out).
import { compareExprs, type CompareOptions, type Tolerance } from "./compare-expr";
import { freeSymbols } from "./walk";
import { dimensionless, sameDims, toNatural } from "./units";
import type { Answer, Expr, Unit } from "./types";

export type Outcome = { equal: boolean; reason: string; undecided?: boolean };
export type QuantityContext = CompareOptions & { units?: "strict" | "optional" };
type Quantity = Extract<Answer, { t: "expr" }>;

const no = (reason: string): Outcome => ({ equal: false, reason });

function literal(e: Expr): { text: string } | null {
  const lit = e.t === "num" ? e : e.t === "neg" && e.arg.t === "num" ? e.arg : null;
  return lit?.text ? { text: lit.text.replace(/^[+-]/, "") } : null;
}

/** Half a unit in the last digit of a decimal with three or more significant digits (else 0: exact). */
export function decimalHalfUlp(e: Expr): number {
  const lit = literal(e);
  const m = lit ? /^([0-9]*)\.([0-9]+)(?:e([+-]?\d+))?$/i.exec(lit.text) : null;
  if (!m || (m[1] + m[2]).replace(/^0+/, "").length < 3) return 0;
  return 0.5 * 10 ** (Number(m[3] ?? 0) - m[2].length) * (1 + 1e-9);
}

/** Half a unit in the last digit written, whatever the number of digits (`2.5` → 0.05, `125` → 0.5). */
export function significantHalfUlp(e: Expr): number {
  const lit = literal(e);
  const m = lit ? /^([0-9]*)(?:\.([0-9]*))?(?:e([+-]?\d+))?$/i.exec(lit.text) : null;
  if (!m) return 0;
  return 0.5 * 10 ** (Number(m[3] ?? 0) - (m[2]?.length ?? 0)) * (1 + 1e-9);
}

const scaled = (e: Expr, factor: number): Expr => (factor === 1 ? e : { t: "mul", args: [{ t: "num", value: factor }, e] });
const isDegree = (u: Unit) => dimensionless(u.dims) && Math.abs(u.factor - Math.PI / 180) < 1e-15;

/** A unit's name for a sentence: `\mathrm{GeV}^{-2}` → `GeV^-2`. */
const unitName = (u: Unit) => u.tex.replace(/\\(?:mathrm|text)\s*\{([^{}]*)\}/g, "$1").replace(/\\,/g, " ").replace(/[{}]/g, "");

/** The factors that put both quantities in one unit, or why they cannot be. */
function unitFactors(g: Unit | undefined, p: Unit | undefined, units: "strict" | "optional"): { g: number; p: number; note: string } | string {
  if (!g || !p) {
    const u = g ?? p;
    if (!u || isDegree(u)) return { g: 1, p: 1, note: "" };
    // The reference's unit must be in the answer; a word the answer adds (`\frac13\textbf{ meters}`) may be prose.
    if (units === "strict" && !dimensionless(u.dims) && (g || !u.spelled)) return g ? `the unit ${unitName(u)} is missing` : `the answer has a unit (${unitName(u)}) and the reference has none`;
    return { g: 1, p: 1, note: ` (the unit ${unitName(u)} is on one side only and was ignored${u.spelled ? ": it is spelled out" : ": units are optional here"})` };
  }
  if (sameDims(g.dims, p.dims)) return { g: g.factor, p: p.factor, note: ` (in SI units)` };
  const ng = toNatural(g.dims);
  const np = toNatural(p.dims);
  if (ng.power === np.power && ng.rest.every((x, i) => x === np.rest[i])) return { g: g.factor * ng.factor, p: p.factor * np.factor, note: " (in natural units, ħ = c = 1)" };
  return `different dimensions: ${unitName(g)} vs ${unitName(p)}`;
}

/** `rounded`: the side whose number is a rounded value (after ≈), good to half its last digit. */
export function compareQuantities(g: Quantity, p: Quantity, ctx: QuantityContext, rounded?: "g" | "p"): Outcome {
  const units = unitFactors(g.unit, p.unit, ctx.units ?? "strict");
  if (typeof units === "string") return no(units);
  const ulp = rounded
    ? (rounded === "g" ? significantHalfUlp(g.e) * units.g + decimalHalfUlp(p.e) * units.p : decimalHalfUlp(g.e) * units.g + significantHalfUlp(p.e) * units.p)
    : Math.max(decimalHalfUlp(g.e) * units.g, decimalHalfUlp(p.e) * units.p);
  // In SI a femtometre is 1e-15: the absolute tolerance scales with the units too.
  const tol: Tolerance = { rel: ctx.tol.rel, abs: Math.max(ctx.tol.abs * Math.min(units.g, units.p), ulp) };
  const attempt = (ge: Expr, pe: Expr) => compareExprs(ge, pe, { ...ctx, tol });
  let result = attempt(scaled(g.e, units.g), scaled(p.e, units.p));
  // 90° may be answered in radians; 28 % as 0.28.
  const deg = (g.unit && isDegree(g.unit) && !p.unit) || (p.unit && isDegree(p.unit) && !g.unit);
  if (!result.equal && deg) result = attempt(scaled(g.e, g.unit ? Math.PI / 180 : 1), scaled(p.e, p.unit ? Math.PI / 180 : 1));
  if (!result.equal && g.percent !== p.percent) result = attempt(scaled(g.e, g.percent ? 0.01 : 1), scaled(p.e, p.percent ? 0.01 : 1));
  return { equal: result.equal, undecided: result.undecided, reason: result.reason + (result.equal ? units.note : "") };
}

/** A number with no free symbols (it has a value to compare with a rounded one). */
function isClosed(a: Answer): a is Quantity {
  return a.t === "expr" && freeSymbols(a.e).size === 0;
}

type Approximate = { exact?: Answer; value?: Quantity };
const parts = (a: Answer): Approximate => (a.t === "approx" ? { exact: a.exact, value: a.value } : { exact: a });

/**
 * An answer with a rounded value (`X \approx v`) against another: the exact forms decide when both sides have
 * one that is not a closed number; a side's rounded value is compared with a closed number on the other side,
 * at the value's significant digits.
 */
export function compareApprox(gold: Answer, pred: Answer, ctx: QuantityContext, compare: (g: Answer, p: Answer) => Outcome): Outcome {
  const g = parts(gold);
  const p = parts(pred);
  let exact: Outcome | null = null;
  if (g.exact && p.exact) {
    exact = compare(g.exact, p.exact);
    if (exact.equal || exact.undecided) return exact;
  }
  // A rounded value stands for an exact form with symbols in it (α/2π ≈ 0.00116), not for a closed number.
  if (g.value && p.exact && isClosed(p.exact) && !(g.exact && isClosed(g.exact))) {
    const r = compareQuantities(g.value, p.exact, ctx, "g");
    return { ...r, reason: `${r.reason} (against the reference's value ${g.value.e.t === "num" ? g.value.e.text : "written"}, to its digits)` };
  }
  if (p.value && g.exact && isClosed(g.exact) && !(p.exact && isClosed(p.exact))) {
    const r = compareQuantities(g.exact, p.value, ctx, "p");
    return { ...r, reason: `${r.reason} (against the answer's rounded value, to its digits)` };
  }
  if (exact) return exact;
  if (g.value && p.value) return compareQuantities(g.value, p.value, ctx, "g");
  return no("one answer is only a rounded value and the other has no value to compare it with");
}

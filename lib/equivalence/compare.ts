// Deciding whether two readings are the same answer: text, equations (a naming left side is dropped,
// genuine equations compare up to a constant factor), lists (compare-lists.ts), sets of numbers, quantities
// with units, percentages and rounded values (compare-quantity.ts), and scalar or matrix expressions
// numerically (compare-expr.ts). `undecided` outcomes ("cannot decide") pass up unchanged.
import { compareEquations } from "./compare-expr";
import { compareLists } from "./compare-lists";
import { compareApprox, compareQuantities, type Outcome, type QuantityContext } from "./compare-quantity";
import { comparePredicates, toPredicate } from "./compare-region";
import { hasPlusMinus, rewriteExpr } from "./walk";
import type { Answer, Expr } from "./types";

export type CompareContext = QuantityContext & { setRelation: boolean };
export type { Outcome };

const no = (reason: string): Outcome => ({ equal: false, reason });

/** The expression with ± read as `sign` (and ∓ as its opposite). */
const substitutePm = (e: Expr, sign: 1 | -1): Expr => rewriteExpr(e, (x) => (x.t === "pm" ? { t: "num", value: x.minus ? -sign : sign } : undefined));

/** The value sets made from ± (flattened into an enclosing set: `\{1 \pm \sqrt5, -2\}` has three values). */
const pmPairs = new WeakSet<Answer>();

/** ± becomes two values; `p = a, p = b` becomes `p = {a, b}`; one-element lists are their element. */
function normalise(a: Answer): Answer {
  if (a.t === "expr" && hasPlusMinus(a.e)) {
    const pair: Answer = { t: "list", kind: "set", items: [1, -1].map((s) => ({ ...a, e: substitutePm(a.e, s as 1 | -1) })) };
    pmPairs.add(pair);
    return pair;
  }
  if (a.t === "eq") return { ...a, lhs: normalise(a.lhs), rhs: normalise(a.rhs) };
  if (a.t !== "list") return a;
  let items = a.items.map(normalise);
  if (a.kind === "set" || a.kind === "bare") items = items.flatMap((i) => (i.t === "list" && pmPairs.has(i) ? i.items : [i]));
  const eqs = items.filter((i): i is Extract<Answer, { t: "eq" }> => i.t === "eq");
  if (items.length > 1 && eqs.length === items.length && eqs.every((e) => e.naming && e.key !== "*")) {
    if (eqs.every((e) => e.key === eqs[0].key)) return { ...eqs[0], rhs: { t: "list", kind: "bare", items: eqs.map((e) => e.rhs) } };
    // `p = 5, q = 2 and p = 7, q = 2`: the names repeat in a cycle, so the values come in tuples.
    const period = new Set(eqs.map((e) => e.key)).size;
    const cyclic = eqs.length > period && eqs.length % period === 0 && eqs.every((e, i) => e.key === eqs[i % period].key);
    if (cyclic && a.kind === "bare") {
      const groups = Array.from({ length: eqs.length / period }, (_, g) => ({ t: "list" as const, kind: "tuple" as const, items: eqs.slice(g * period, (g + 1) * period) }));
      return { ...a, items: groups };
    }
  }
  if (items.length === 1 && a.kind !== "tuple") return items[0];
  return { ...a, items };
}

function letters(e: Expr): string | null {
  if (e.t === "sym") return e.tex.replace(/\\[A-Za-z]+/g, "").replace(/[^A-Za-z0-9]/g, "");
  if (e.t === "const" && (e.name === "e" || e.name === "i")) return e.name;
  if (e.t === "mul") {
    const parts = e.args.map(letters);
    return parts.every((p) => p !== null) ? parts.join("") : null;
  }
  return null;
}

function compareText(g: Answer, p: Answer): Outcome {
  const text = (a: Answer) => (a.t === "text" ? a.text : a.t === "expr" ? letters(a.e) : null);
  const a = text(g);
  const b = text(p);
  if (a === null || b === null) return no("one answer is text, the other is math");
  const norm = (s: string) => { const t = s.replace(/[\s.,;:!'"`~()[\]-]+/g, ""); return t.length > 1 ? t.toLowerCase() : t; };
  return norm(a) === norm(b) ? { equal: true, reason: "the same text" } : no(`different text: “${a}” vs “${b}”`);
}

const difference = (lhs: Answer, rhs: Answer): Expr | null =>
  lhs.t === "expr" && rhs.t === "expr" ? { t: "add", args: [lhs.e, { t: "neg", arg: rhs.e }] } : null;

function compareEq(g: Answer, p: Answer, ctx: CompareContext): Outcome {
  if (g.t === "eq" && p.t === "eq") {
    const sameName = g.naming && p.naming && (g.key === p.key || g.key === "*" || p.key === "*");
    if (sameName) return compareAnswers(g.rhs, p.rhs, ctx);
    const dg = difference(g.lhs, g.rhs);
    const dp = difference(p.lhs, p.rhs);
    const asEquations = dg && dp ? compareEquations(dg, dp, ctx) : no("the equations name different quantities");
    if (asEquations.equal || !g.naming || !p.naming || g.lhs.t === "list" || p.lhs.t === "list") return asEquations;
    // One quantity named two ways (`\beta(\lambda)` and `\beta_\lambda`): the values decide.
    const values = compareAnswers(g.rhs, p.rhs, ctx);
    return values.equal ? { ...values, reason: `${values.reason} (the left sides name it differently)` } : values;
  }
  if (g.t === "eq") {
    if (!g.naming) return no("the reference is an equation and the answer is not");
    return compareAnswers(g.rhs, p, ctx);
  }
  // The answer states `x = value` (or shows working `… = value`): its value is what counts.
  return compareAnswers(g, (p as Extract<Answer, { t: "eq" }>).rhs, ctx);
}

function isRegionLike(a: Answer): boolean {
  return a.t === "region" || a.t === "rel" || (a.t === "list" && a.kind === "bare" && a.items.length > 1 && a.items.every(isRegionLike));
}

export function compareAnswers(gold: Answer, pred: Answer, ctx: CompareContext): Outcome {
  const g = normalise(gold);
  const p = normalise(pred);
  if (g.t === "text" || p.t === "text") return compareText(g, p);
  if (g.t === "eq" || p.t === "eq") return compareEq(g, p, ctx);
  const twoEnds = (a: Answer) => a.t === "list" && a.items.length === 2 && (a.kind === "tuple" || a.kind === "bracket");
  if (isRegionLike(g) || isRegionLike(p) || (twoEnds(g) && twoEnds(p) && g.t === "list" && p.t === "list" && g.kind !== p.kind)) {
    if (!ctx.setRelation && (g.t === "rel") !== (p.t === "rel") && (isRegionLike(g) && isRegionLike(p))) return no("an inequality is not compared with a set here");
    const a = toPredicate(g, ctx.floatRounding);
    const b = toPredicate(p, ctx.floatRounding);
    if (!a || !b) return no("one answer is a set of numbers, the other is not");
    return comparePredicates(a, b);
  }
  if (g.t === "list" || p.t === "list") return compareLists(g, p, (x, y) => compareAnswers(x, y, ctx), ctx.budget);
  if (g.t === "approx" || p.t === "approx") return compareApprox(g, p, ctx, (x, y) => compareAnswers(x, y, ctx));
  if (g.t === "expr" && p.t === "expr") return compareQuantities(g, p, ctx);
  return no(`cannot compare a ${g.t} with a ${p.t}`);
}

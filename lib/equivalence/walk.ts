// Walking an expression tree: its direct subexpressions, a rebuild with new ones, a search, a top-down rewrite
// (used by the passes that prepare a pair: conventions, running couplings, matrices, ±), and the questions
// asked of a tree (its free symbols, ±, the bounds of its sums, integrals).
import type { Answer, Expr } from "./types";

/** The direct subexpressions of an expression. */
export function children(e: Expr): Expr[] {
  switch (e.t) {
    case "add": case "mul": case "fn": case "apply": return e.args;
    case "div": return [e.num, e.den];
    case "neg": return [e.arg];
    case "pow": return [e.base, e.exp];
    case "matrix": return e.rows.flat();
    default: return [];
  }
}

/** The same node with each direct subexpression replaced by `f` of it. */
export function mapChildren(e: Expr, f: (x: Expr) => Expr): Expr {
  switch (e.t) {
    case "add": case "mul": case "fn": case "apply": return { ...e, args: e.args.map(f) };
    case "div": return { t: "div", num: f(e.num), den: f(e.den) };
    case "neg": return { t: "neg", arg: f(e.arg) };
    case "pow": return { t: "pow", base: f(e.base), exp: f(e.exp) };
    case "matrix": return { t: "matrix", rows: e.rows.map((r) => r.map(f)) };
    default: return e;
  }
}

export function someExpr(e: Expr, test: (x: Expr) => boolean): boolean {
  return test(e) || children(e).some((x) => someExpr(x, test));
}

/** Top down: where `f` gives a replacement it is used (and not entered), elsewhere the children are rewritten. */
export function rewriteExpr(e: Expr, f: (x: Expr) => Expr | undefined): Expr {
  const replaced = f(e);
  return replaced ?? mapChildren(e, (x) => rewriteExpr(x, f));
}

/** Every expression inside an answer. */
export function answerExprs(a: Answer): Expr[] {
  switch (a.t) {
    case "expr": return [a.e];
    case "approx": return [...(a.exact ? answerExprs(a.exact) : []), ...answerExprs(a.value)];
    case "eq": return [...answerExprs(a.lhs), ...answerExprs(a.rhs)];
    case "list": return a.items.flatMap(answerExprs);
    case "rel": return a.members;
    case "region": return [...(a.subject ? [a.subject] : []), ...a.parts.flatMap((p) => (p.t === "interval" ? [p.lo, p.hi] : p.t === "points" ? p.items : []))];
    case "text": return [];
  }
}

/** The same answer with every expression in it mapped by `f`. */
export function mapAnswer(a: Answer, f: (e: Expr) => Expr): Answer {
  switch (a.t) {
    case "expr": return { ...a, e: f(a.e) };
    case "approx": return { ...a, exact: a.exact ? mapAnswer(a.exact, f) : undefined, value: mapAnswer(a.value, f) as Extract<Answer, { t: "expr" }> };
    case "eq": return { ...a, lhs: mapAnswer(a.lhs, f), rhs: mapAnswer(a.rhs, f) };
    case "list": return { ...a, items: a.items.map((i) => mapAnswer(i, f)) };
    case "rel": return { ...a, members: a.members.map(f) };
    case "region": return {
      ...a,
      subject: a.subject ? f(a.subject) : undefined,
      parts: a.parts.map((p) => (p.t === "interval" ? { ...p, lo: f(p.lo), hi: f(p.hi) } : p.t === "points" ? { ...p, items: p.items.map(f) } : p)),
    };
    case "text": return a;
  }
}

/** Symbols bound by a sum, a product or an integral: (body, bound variable). */
const BINDERS = new Set(["sum", "prod", "integrate"]);

/** Every symbol id in an expression. */
export function freeSymbols(e: Expr, into = new Set<string>()): Set<string> {
  switch (e.t) {
    case "sym": into.add(e.id); break;
    case "fn":
      if (BINDERS.has(e.name) && e.args[1]?.t === "sym") {
        const inner = freeSymbols(e.args[0]);
        inner.delete(e.args[1].id);
        inner.forEach((id) => into.add(id));
        e.args.slice(2).forEach((a) => freeSymbols(a, into));
      } else e.args.forEach((a) => freeSymbols(a, into));
      break;
    case "add": case "mul": case "apply": e.args.forEach((a) => freeSymbols(a, into)); break;
    case "div": freeSymbols(e.num, into); freeSymbols(e.den, into); break;
    case "neg": freeSymbols(e.arg, into); break;
    case "pow": freeSymbols(e.base, into); freeSymbols(e.exp, into); break;
    case "matrix": e.rows.flat().forEach((a) => freeSymbols(a, into)); break;
  }
  return into;
}

export function hasPlusMinus(e: Expr): boolean {
  switch (e.t) {
    case "pm": return true;
    case "add": case "mul": case "fn": case "apply": return e.args.some(hasPlusMinus);
    case "div": return hasPlusMinus(e.num) || hasPlusMinus(e.den);
    case "neg": return hasPlusMinus(e.arg);
    case "pow": return hasPlusMinus(e.base) || hasPlusMinus(e.exp);
    case "matrix": return e.rows.flat().some(hasPlusMinus);
    default: return false;
  }
}

/** Symbols that bound a sum or a product (sampled at integers). */
export function boundSymbols(e: Expr, into = new Set<string>()): Set<string> {
  const walk = (x: Expr): void => {
    if (x.t === "fn" && (x.name === "sum" || x.name === "prod")) x.args.slice(2).forEach((b) => freeSymbols(b, into));
    children(x).forEach(walk);
  };
  walk(e);
  return into;
}

export function hasIntegral(e: Expr): boolean {
  return (e.t === "fn" && e.name === "integrate") || children(e).some(hasIntegral);
}

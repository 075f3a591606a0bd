// Walking an expression tree: its direct subexpressions, a rebuild with new ones, a search, and a top-down
// rewrite (used by the passes that prepare a pair: conventions, running couplings, matrices, ±).
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

// Running quantities: `\alpha_s(\mu)`, `g(\mu)`, `m(\mu)`, `\alpha_s(M_Z^2)` are read as a symbol at a scale
// (an `apply` marked `scale`). Across a pair: where the other side writes the symbol bare, it is that symbol
// (the scale only says where it is evaluated); where the other side writes it at a scale too, it is a function
// of the scale (`\alpha_s(\mu)` ≠ `\alpha_s(\mu_0)`); otherwise — or where the other side has the symbol and
// the scale as factors of one product (`x(y)` against `xy`) — it is the product the parser saw.

import { answerExprs, children, freeSymbols, mapAnswer, rewriteExpr } from "./walk";
import type { Answer, Expr } from "./types";

type Uses = { bare: Set<string>; scaled: Set<string>; products: Set<string>[] };

/** Factor ids of a product (symbols and powers of symbols). */
function factorIds(e: Expr): Set<string> {
  const ids = new Set<string>();
  const add = (x: Expr) => {
    if (x.t === "sym") ids.add(x.id);
    else if (x.t === "pow" && x.base.t === "sym") ids.add(x.base.id);
    else if (x.t === "mul") x.args.forEach(add);
    else if (x.t === "div") add(x.num);
  };
  add(e);
  return ids;
}

function usesOf(a: Answer): Uses {
  const uses: Uses = { bare: new Set(), scaled: new Set(), products: [] };
  const walk = (e: Expr) => {
    if (e.t === "sym") uses.bare.add(e.id);
    if (e.t === "apply" && e.scale) uses.scaled.add(e.id);
    if (e.t === "mul") uses.products.push(factorIds(e));
    children(e).forEach(walk);
  };
  answerExprs(a).forEach(walk);
  return uses;
}

function resolve(e: Expr, other: Uses): Expr {
  return rewriteExpr(e, (x) => {
    if (x.t !== "apply" || !x.scale) return undefined;
    const scale = x.args[0];
    const scaleIds = [...freeSymbols(scale)];
    const asProduct = other.products.some((ids) => ids.has(x.id) && scaleIds.every((id) => ids.has(id)));
    if (other.bare.has(x.id) && !asProduct) return { t: "sym", id: x.id, tex: x.tex };
    if (other.scaled.has(x.id)) return { ...x, args: [resolve(scale, other)] };
    return { t: "mul", args: [{ t: "sym", id: x.id, tex: x.tex }, resolve(scale, other)] };
  });
}

/** Reads the running quantities of both answers in the light of each other. */
export function resolveRunning(gold: Answer, pred: Answer): [Answer, Answer] {
  const g = usesOf(gold);
  const p = usesOf(pred);
  return [mapAnswer(gold, (e) => resolve(e, p)), mapAnswer(pred, (e) => resolve(e, g))];
}

/** One answer alone, evaluated at given values: a symbol at a scale is the symbol when it has a value. */
export function resolveRunningAt(e: Expr, has: (id: string) => boolean): Expr {
  return rewriteExpr(e, (x) => {
    if (x.t !== "apply" || !x.scale) return undefined;
    return has(x.id) ? { t: "sym", id: x.id, tex: x.tex } : { t: "mul", args: [{ t: "sym", id: x.id, tex: x.tex }, resolveRunningAt(x.args[0], has)] };
  });
}

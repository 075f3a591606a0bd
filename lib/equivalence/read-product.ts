// Products as physicists write them: a function name before parentheses is a call (`\Gamma(x)^2` too), a name
// before a parenthesised list a function of those arguments (`B_0(p^2, m^2, m^2)`), `\mathrm{diag}(…)` a diagonal
// matrix, a symbol before a scale a running quantity (`\alpha_s(\mu)`, `g^2(\mu)`), and contracted indices a dot
// product (read-indices.ts).
import { MAX_ELEMENTS } from "./budget";
import { readExpr } from "./read-expr";
import { contractIndices, renameDummies } from "./read-indices";
import { num, readSymbol, symbolId, symbolTex, type ReadContext } from "./read-names";
import { node, type Json, type Node } from "./syntax";
import { ReadError, UnsupportedError, type Expr } from "./types";

export const isSequence = (json: Json) => { const x = node(json); return x.k === "fn" && x.head === "Sequence"; };

/** Symbols read as special functions when followed by parentheses (unless declared as plain symbols). */
const SPECIAL_BEFORE_PARENS: Record<string, string> = { Gamma: "gamma", erf: "erf", erfc: "erfc", zeta: "zeta", Li_2: "dilog" };
export function argsOf(json: Json, ctx: ReadContext): Expr[] {
  const n = node(json);
  const inner = n.k === "fn" && n.head === "Delimiter" ? node(n.args[0] ?? "Nothing") : n;
  if (inner.k === "fn" && inner.head === "Sequence") return inner.args.map((a) => readExpr(a, ctx));
  return [readExpr(n.k === "fn" && n.head === "Delimiter" ? n.args[0] : json, ctx)];
}

/** What a name applied to parentheses means here: a declared function, a special function, or nothing. */
function callOf(name: string, ctx: ReadContext): ((args: Expr[]) => Expr) | null {
  if (ctx.symbols.has(name)) return null;
  if (ctx.functions.has(name)) return (args) => ({ t: "apply", id: symbolId(name), tex: symbolTex(name), args });
  const special = SPECIAL_BEFORE_PARENS[name];
  return special ? (args) => ({ t: "fn", name: special, args }) : null;
}

/** Names of scales: renormalisation scales, momenta, masses, energies, temperatures (`\mu_R`, `Q`, `M_Z`, `p`, `T`). */
const SCALE_NAME = /^(?:[a-z]+\()?(?:mu|Lambda|Q|q|M|m|E|s|t|p|k|T)\)?(?:_.+)?$/;

/** `\mu`, `M_Z^2`, `0`: what a running quantity is written at (`\alpha_s(\mu)`, `\alpha(0)`, `\alpha_s(M_Z^2)`). */
function scaleOf(json: Json, ctx: ReadContext): Expr | null {
  const n = node(json);
  if (n.k !== "fn" || n.head !== "Delimiter" || n.args.length !== 1) return null;
  const inner = node(n.args[0]);
  if (inner.k === "num") return inner.value === 0 ? num(0) : null;
  const x = readExprOrNull(n.args[0], ctx);
  if (x?.t === "sym" && SCALE_NAME.test(x.id)) return x;
  if (x?.t === "pow" && x.base.t === "sym" && SCALE_NAME.test(x.base.id) && x.exp.t === "num" && Number.isInteger(x.exp.value)) return x;
  return null;
}

function readExprOrNull(json: Json, ctx: ReadContext): Expr | null {
  try { return readExpr(json, ctx); } catch { return null; }
}

/** `S(A)` for a symbol S and a scale A; `S^k(A)` is its power. */
function runningFactor(head: Node, scale: Expr, ctx: ReadContext): Expr | null {
  const powerOf = head.k === "fn" && head.head === "Power" ? head : null;
  const base = powerOf ? node(powerOf.args[0]) : head;
  if (base.k !== "sym" || ctx.placeholders.get(base.name)?.kind === "unit") return null;
  const s = readSymbol(base.name, ctx);
  if (s.t !== "sym") return null;
  const applied: Expr = { t: "apply", id: s.id, tex: s.tex, args: [scale], scale: true };
  return powerOf ? { t: "pow", base: applied, exp: readExpr(powerOf.args[1], ctx) } : applied;
}

/**
 * A juxtaposition: factors, where a function name followed by parentheses is a call (`\Gamma(x)^2` too),
 * `\mathrm{diag}(…)` a diagonal matrix, a symbol before a scale a running quantity, and contracted indices
 * a dot product.
 */
export function readProduct(args: Json[], ctx: ReadContext): Expr {
  const factors: Expr[] = [];
  for (let i = 0; i < args.length; i++) {
    const n = node(args[i]);
    if (n.k === "fn" && n.head === "HorizontalSpacing") continue;
    const next = args[i + 1] !== undefined ? node(args[i + 1]) : null;
    const call = n.k === "sym" ? callOf(n.name, ctx) : null;
    if (call && next?.k === "fn" && next.head === "Delimiter") {
      factors.push(call(argsOf(args[i + 1], ctx)));
      i++;
      continue;
    }
    if (call && next?.k === "fn" && next.head === "Power" && node(next.args[0]).k === "fn" && (node(next.args[0]) as { head: string }).head === "Delimiter") {
      factors.push({ t: "pow", base: call(argsOf(next.args[0], ctx)), exp: readExpr(next.args[1], ctx) });
      i++;
      continue;
    }
    if (n.k === "sym" && /^(?:diag|Diag)$/.test(n.name) && next?.k === "fn" && next.head === "Delimiter") {
      if (isSequence(next.args[0] ?? "Nothing") && (node(next.args[0]) as { args: Json[] }).args.length > MAX_ELEMENTS) throw new UnsupportedError(`too large: a diagonal matrix of more than ${MAX_ELEMENTS} entries`);
      factors.push({ t: "fn", name: "diag", args: argsOf(args[i + 1], ctx) });
      i++;
      continue;
    }
    // `B_0(p^2, m^2, m^2)`, `f(x, y)`: a name before a parenthesised list is a function of those arguments.
    if (!call && n.k === "sym" && next?.k === "fn" && next.head === "Delimiter" && isSequence(next.args[0] ?? "Nothing")) {
      const s = readSymbol(n.name, ctx);
      if (s.t === "sym") {
        factors.push({ t: "apply", id: s.id, tex: s.tex, args: argsOf(args[i + 1], ctx) });
        i++;
        continue;
      }
    }
    if (!call && next?.k === "fn") {
      // `\alpha_s(\mu)`, `g^2(\mu)`, `\alpha_s(\mu)^2`
      const poweredScale = next.head === "Power" ? scaleOf(next.args[0], ctx) : null;
      const scale = poweredScale ?? scaleOf(args[i + 1], ctx);
      const running = scale ? runningFactor(n, scale, ctx) : null;
      if (running) {
        factors.push(poweredScale ? { t: "pow", base: running, exp: readExpr((next as { args: Json[] }).args[1], ctx) } : running);
        i++;
        continue;
      }
    }
    factors.push(readExpr(args[i], ctx));
  }
  if (!factors.length) throw new ReadError("an empty product");
  const contracted = renameDummies(contractIndices(factors));
  return contracted.length === 1 ? contracted[0] : { t: "mul", args: contracted };
}

// MathJSON → an Answer: the structure around the expressions — lists (sets, tuples, bare "a, b"), equations
// (a left side that only names the quantity, or a genuine equation), chains (`x = 5+5 = 10` → the last
// member), intervals and unions, inequalities, numbers with units, text.
import { readApproxValue, readEquation, readLhs } from "./read-equation";
import { readExpr, readNamingCall, type ReadContext } from "./read-expr";
import { printExpr } from "./print";
import { node, type Json } from "./syntax";
import { MAX_ELEMENTS } from "./budget";
import { ReadError, UnsupportedError, type Answer, type Expr, type RegionPart, type RelOp, type Unit } from "./types";
import type { UnitInfo } from "./units";

const RELATIONS: Record<string, { op: RelOp; flip: boolean }> = {
  Less: { op: "<", flip: false }, LessEqual: { op: "<=", flip: false },
  Greater: { op: "<", flip: true }, GreaterEqual: { op: "<=", flip: true }, NotEqual: { op: "!=", flip: false },
};

const isFn = (json: Json, head: string) => { const n = node(json); return n.k === "fn" && n.head === head; };
const argsOf = (json: Json): Json[] => { const n = node(json); return n.k === "fn" ? n.args : []; };

/** The members and operators of an inequality chain, as written (`0 < x \le 1` is LessEqual(Less(0, x), 1)). */
function collectRelation(json: Json): { members: Json[]; heads: string[] } {
  const n = node(json);
  if (n.k !== "fn" || !RELATIONS[n.head]) return { members: [json], heads: [] };
  // Nested either way: `0 < x \le 1` may come as LessEqual(Less(0, x), 1) or LessEqual(0, Less(x, 1)).
  const parts = n.args.map(collectRelation);
  return {
    members: parts.flatMap((p) => p.members),
    heads: parts.flatMap((p, i) => (i === 0 ? p.heads : [n.head, ...p.heads])),
  };
}

/** A member of an inequality; `f(x)` in `0 < f(x) < 1` is the quantity bounded, one variable. */
function relationMember(json: Json, ctx: ReadContext): Expr {
  const call = readNamingCall(json, ctx);
  if (!call) return readExpr(json, ctx);
  const tex = printExpr(call);
  return { t: "sym", id: tex, tex };
}

function readRelation(json: Json, ctx: ReadContext): Answer {
  const { members, heads } = collectRelation(json);
  const flips = new Set(heads.filter((h) => h !== "NotEqual").map((h) => RELATIONS[h].flip));
  if (flips.size > 1) throw new ReadError("an inequality chain that goes both ways");
  const exprs = members.map((m) => relationMember(m, ctx));
  const ops = heads.map((h) => RELATIONS[h].op);
  return flips.has(true) ? { t: "rel", ops: ops.reverse(), members: exprs.reverse() } : { t: "rel", ops, members: exprs };
}

function regionParts(json: Json, ctx: ReadContext): RegionPart[] {
  const n = node(json);
  if (n.k === "sym" && n.name === "RealNumbers") return [{ t: "reals" }];
  if (n.k === "sym" && n.name === "EmptySet") return [];
  if (n.k !== "fn") throw new ReadError("not a set of numbers");
  if (n.head === "Union") return n.args.flatMap((a) => regionParts(a, ctx));
  if (n.head === "Set") return [{ t: "points", items: n.args.map((a) => readExpr(a, ctx)) }];
  if (n.head === "Interval") {
    const [lo, hi] = n.args.map((a) => ({ open: isFn(a, "Open"), e: readExpr(isFn(a, "Open") ? argsOf(a)[0] : a, ctx) }));
    return [{ t: "interval", lo: lo.e, hi: hi.e, loOpen: lo.open, hiOpen: hi.open }];
  }
  if (n.head === "Delimiter" || n.head === "List") {
    const items = isFn(n.args[0], "Sequence") ? argsOf(n.args[0]) : n.args;
    if (items.length === 2) {
      const [lo, hi] = items.map((a) => readExpr(a, ctx));
      const open = n.head === "Delimiter";
      return [{ t: "interval", lo, hi, loOpen: open, hiOpen: open }];
    }
  }
  throw new ReadError("not a set of numbers");
}

function combineUnits(units: Unit[]): Unit {
  const dims = [0, 0, 0, 0, 0, 0, 0] as UnitInfo["dims"];
  let factor = 1;
  for (const u of units) {
    factor *= u.factor;
    u.dims.forEach((d, i) => (dims[i] += d));
  }
  return { factor, dims, latex: units.map((u) => u.latex).join("\\,"), tex: units.map((u) => u.tex).join("\\,"), ...(units.every((u) => u.spelled) ? { spelled: true } : {}) };
}

/** A quantity: the factors that are units (placeholders from rewrite.ts) split from the number. */
function readQuantity(json: Json, ctx: ReadContext): Answer {
  const n = node(json);
  if (n.k === "fn" && n.head === "Divide") {
    // `86.8\,\mathrm{nb\,GeV^2}/s`: the unit sits in the numerator.
    const top = readQuantity(n.args[0], ctx);
    if (top.t === "expr" && top.unit) return { ...top, e: { t: "div", num: top.e, den: readExpr(n.args[1], ctx) } };
  }
  const factors = n.k === "fn" && (n.head === "InvisibleOperator" || n.head === "Multiply") ? n.args : [json];
  const units: Unit[] = [];
  const words: string[] = [];
  const rest: Json[] = [];
  for (const f of factors) {
    const fn = node(f);
    const base = fn.k === "fn" && fn.head === "Power" ? node(fn.args[0]) : fn;
    const p = base.k === "sym" ? ctx.placeholders.get(base.name) : undefined;
    if (p?.kind === "unit") {
      const power = fn.k === "fn" && fn.head === "Power" ? readExpr(fn.args[1], ctx) : null;
      const k = power ? (power.t === "num" ? power.value : power.t === "neg" && power.arg.t === "num" ? -power.arg.value : NaN) : 1;
      if (!Number.isFinite(k)) throw new ReadError("a unit with a power the checker cannot read");
      units.push({ factor: p.unit.factor ** k, dims: p.unit.dims.map((d) => d * k) as UnitInfo["dims"], latex: p.tex, tex: k === 1 ? p.tex : `${p.tex}^{${k}}`, spelled: p.unit.spelled });
    } else if (rest.length && (fn.k === "str" || (fn.k === "fn" && fn.head === "Annotated" && node(fn.args[0]).k === "str"))) {
      const text = fn.k === "str" ? fn.text : (node(fn.args[0]) as { text: string }).text;
      words.push(text.trim());
    } else rest.push(f);
  }
  if (!rest.length) throw new ReadError(units.length ? "a unit without a number" : "nothing to read");
  const e = rest.length === 1 ? readExpr(rest[0], ctx) : readExpr(["InvisibleOperator", ...rest] as Json, ctx);
  return { t: "expr", e, ...(units.length ? { unit: combineUnits(units) } : {}), ...(words.length ? { unitText: words.join(" ") } : {}) };
}

/** Refuses lists and sets past the size cap (budget.ts) before reading their items. */
function capped(items: Json[]): Json[] {
  if (items.length > MAX_ELEMENTS) throw new UnsupportedError(`too large: ${items.length} values (at most ${MAX_ELEMENTS})`);
  return items;
}

export function readAnswer(json: Json, ctx: ReadContext): Answer {
  const n = node(json);
  if (n.k === "str") {
    if (!n.text.trim()) throw new ReadError("an empty answer");
    return { t: "text", text: n.text.trim() };
  }
  if (n.k !== "fn") return readQuantity(json, ctx);
  const a = n.args;
  switch (n.head) {
    case "Delimiter": {
      const sep = a[1] !== undefined ? node(a[1]) : null;
      const sepText = sep?.k === "str" ? sep.text : sep?.k === "sym" ? sep.name : "";
      if (isFn(a[0], "Sequence")) {
        const items = capped(argsOf(a[0])).map((x) => readAnswer(x, ctx));
        return { t: "list", kind: sepText.startsWith("(") ? "tuple" : "bare", items };
      }
      return a.length ? readAnswer(a[0], ctx) : (() => { throw new ReadError("empty parentheses"); })();
    }
    case "Sequence": case "And": case "Or": {
      const items = capped(a).map((x) => readAnswer(x, ctx)).flatMap((i) => (i.t === "list" && i.kind === "bare" ? i.items : [i]));
      if (items.length > MAX_ELEMENTS) throw new UnsupportedError(`too large: ${items.length} values (at most ${MAX_ELEMENTS})`);
      return items.length === 1 ? items[0] : { t: "list", kind: "bare", items };
    }
    case "List": {
      if (a.length === 1 && isFn(a[0], "Matrix")) return readAnswer(a[0], ctx);
      return { t: "list", kind: "bracket", items: capped(a).map((x) => readAnswer(x, ctx)) };
    }
    case "Set": return { t: "list", kind: "set", items: capped(a).map((x) => readAnswer(x, ctx)) };
    case "Interval": case "Union": return { t: "region", parts: regionParts(json, ctx) };
    case "Element": return { t: "region", parts: regionParts(a[1], ctx), subject: readExpr(a[0], ctx) };
    case "Negate":
      if (isFn(a[0], "Interval") || isFn(a[0], "Union")) return { t: "region", parts: regionParts(a[0], ctx), negated: true };
      break;
    case "Equal": return readEquation(json, ctx);
    case "Approx": {
      // `x \approx 11` states x (to the digits written); `\frac{\alpha}{2\pi} \approx 0.00116` is a form and its value.
      const lhs = readLhs(a[0], ctx);
      const value = readAnswer(a[1], ctx);
      if (lhs.key !== null) return { t: "eq", lhs: lhs.lhs, rhs: readApproxValue(value), naming: true, key: lhs.key };
      return readApproxValue(value, lhs.lhs);
    }
  }
  if (RELATIONS[n.head]) return readRelation(json, ctx);
  return readQuantity(json, ctx);
}

// MathJSON → an Answer: the structure around the expressions — lists (sets, tuples, bare "a, b"), equations
// (a left side that only names the quantity, or a genuine equation), chains (`x = 5+5 = 10` → the last
// member), intervals and unions, inequalities, numbers with units, text.
import { readExpr, readNamingCall, type ReadContext } from "./read-expr";
import { printExpr } from "./print";
import { findError, node, type Json } from "./syntax";
import { MAX_ELEMENTS } from "./budget";
import { freeSymbols } from "./evaluate";
import { ReadError, UnsupportedError, type Answer, type Expr, type RegionPart, type RelOp, type Unit } from "./types";
import type { UnitInfo } from "./units";

const RELATIONS: Record<string, { op: RelOp; flip: boolean }> = {
  Less: { op: "<", flip: false }, LessEqual: { op: "<=", flip: false },
  Greater: { op: "<", flip: true }, GreaterEqual: { op: "<=", flip: true }, NotEqual: { op: "!=", flip: false },
};

const isFn = (json: Json, head: string) => { const n = node(json); return n.k === "fn" && n.head === head; };
const argsOf = (json: Json): Json[] => { const n = node(json); return n.k === "fn" ? n.args : []; };

/** `(p, q)`, `\sigma`, `\beta(g)`, `\mu\frac{dg}{d\mu}`: the left side names what the right side gives. */
function namingKey(e: Expr): string | null {
  switch (e.t) {
    case "sym": return e.id;
    case "apply": return e.id;
    case "mul": {
      const keys = e.args.map(namingKey);
      return keys.every((k) => k !== null) ? keys.join("*") : null;
    }
    // `\tan\theta = …`, `\sin^2\theta_W = …`, `M^2 = …`: a function or power of a named quantity.
    case "fn": {
      const keys = e.args.map(namingKey);
      return keys.length && keys.every((k) => k !== null) ? `${e.name}(${keys.join(",")})` : null;
    }
    case "pow": {
      const base = namingKey(e.base);
      return base !== null && e.exp.t === "num" ? `${base}^${e.exp.value}` : null;
    }
    case "div": {
      // `\frac{NO}{BO} = …`, `V_1 : V_2 = …`: a ratio of named quantities.
      const [n, d] = [namingKey(e.num), namingKey(e.den)];
      return n !== null && d !== null ? `${n}/${d}` : null;
    }
    default: return null;
  }
}

function readLhs(json: Json, ctx: ReadContext): { lhs: Answer; key: string | null } {
  const call = readNamingCall(json, ctx);
  if (call) return { lhs: { t: "expr", e: call }, key: namingKey(call) };
  let lhs: Answer;
  try {
    lhs = readAnswer(json, ctx);
  } catch (error) {
    // `\frac14\sum|\mathcal M|^2 = …`: a left side the checker cannot evaluate still names the quantity.
    if (!(error instanceof ReadError) || findError(json)) throw error;
    return { lhs: { t: "text", text: "" }, key: JSON.stringify(json) };
  }
  if (lhs.t === "expr") return { lhs, key: namingKey(lhs.e) };
  if (lhs.t === "list" && lhs.items.every((i) => i.t === "expr" && namingKey(i.e) !== null)) {
    return { lhs, key: `(${lhs.items.map((i) => namingKey((i as { e: Expr }).e)).join(",")})` };
  }
  return { lhs, key: null };
}

/** The members of `a = b = c` (nested by the parser) and the relation before each one after the first. */
function chainMembers(json: Json): { members: Json[]; ops: ("=" | "approx")[] } {
  const members: Json[] = [];
  const ops: ("=" | "approx")[] = [];
  const walk = (x: Json, op: "=" | "approx" | null) => {
    if (isFn(x, "Equal") || isFn(x, "Approx")) {
      const [l, r] = argsOf(x);
      walk(l, op);
      walk(r, isFn(x, "Equal") ? "=" : "approx");
    } else {
      if (op && members.length) ops.push(op);
      members.push(x);
    }
  };
  walk(json, null);
  return { members, ops };
}

/** A number as written (`0.00116`, `2.3\times10^{-3}`, `-1.5`), optionally with a unit: the value after `\approx`. */
function isNumberLiteral(a: Answer): a is Extract<Answer, { t: "expr" }> {
  if (a.t !== "expr") return false;
  const e = a.e.t === "neg" ? a.e.arg : a.e;
  return e.t === "num" && !!e.text && Number.isFinite(e.value);
}

const isDecimal = (a: Answer) => isNumberLiteral(a) && /[.eE]/.test(((a.e.t === "neg" ? a.e.arg : a.e) as { text: string }).text);

/** The answer after `\approx`: a number is a rounded value (good to its digits); anything else stands as it is. */
export function readApproxValue(value: Answer, exact?: Answer): Answer {
  if (isNumberLiteral(value)) return { t: "approx", ...(exact ? { exact } : {}), value };
  return exact ?? value;
}

function readEquation(json: Json, ctx: ReadContext): Answer {
  const { members, ops } = chainMembers(json);
  if (members.some((m) => m === undefined)) throw new ReadError("an equation with an empty side");
  let rhs = readAnswer(members[members.length - 1], ctx);
  // `\frac{\alpha}{2\pi} = 0.00116`, `a_e = \frac{\alpha}{2\pi} \approx 0.00116`: a form and its rounded value.
  if (members.length >= 2 && (isDecimal(rhs) || ops[ops.length - 1] === "approx")) {
    const exact = readAnswer(members[members.length - 2], ctx);
    const exactIsForm = members.length >= 3 || readLhs(members[0], ctx).key === null;
    if (exactIsForm && !isNumberLiteral(exact)) {
      rhs = readApproxValue(rhs, exact);
      if (members.length === 2) return rhs;
      members.splice(members.length - 1, 1);
    }
  }
  if (members.length >= 3) {
    // A chain of working (`x = 5 + 5 = 10`): the last member is the answer.
    let key = "*";
    try { key = readLhs(members[0], ctx).key ?? "*"; } catch { /* the first member is only a label */ }
    return { t: "eq", lhs: { t: "text", text: "" }, rhs, naming: true, key };
  }
  const { lhs, key } = readLhs(members[0], ctx);
  // `2 + 2 = 4`, `\gamma^\mu\gamma_\mu = 4`: a left side that is a number is working; the right side is the answer.
  if (key === null && lhs.t === "expr" && rhs.t === "expr" && !freeSymbols(lhs.e).size && !freeSymbols(rhs.e).size) {
    return { t: "eq", lhs: { t: "text", text: "" }, rhs, naming: true, key: "*" };
  }
  return { t: "eq", lhs, rhs, naming: key !== null, key: key ?? "" };
}

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

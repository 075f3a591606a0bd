// Equations in an answer: a left side that names the quantity (`\sigma =`, `\beta(g) =`, `(p, q) =`) or makes a
// genuine equation; chains of working (`x = 5 + 5 = 10`: the last member); and a form with its rounded value
// (`\frac{\alpha}{2\pi} \approx 0.00116`, `a = \frac{\alpha}{2\pi} = 0.00116`).
import { readAnswer } from "./read-answer";
import { readNamingCall, type ReadContext } from "./read-expr";
import { findError, node, type Json } from "./syntax";
import { ReadError, type Answer, type Expr } from "./types";
import { freeSymbols } from "./walk";

const isFn = (json: Json, head: string) => { const n = node(json); return n.k === "fn" && n.head === head; };
const argsOf = (json: Json): Json[] => { const n = node(json); return n.k === "fn" ? n.args : []; };

/** `(p, q)`, `\sigma`, `\beta(g)`, `\mu\frac{dg}{d\mu}`: the left side names what the right side gives. */
function namingKey(e: Expr): string | null {
  switch (e.t) {
    case "sym": return e.id;
    // `e = \sqrt{4\pi\alpha}`: on the left alone, Euler's letter names the charge.
    case "const": return e.name === "e" ? "e" : null;
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

export function readLhs(json: Json, ctx: ReadContext): { lhs: Answer; key: string | null } {
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

export function readEquation(json: Json, ctx: ReadContext): Answer {
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

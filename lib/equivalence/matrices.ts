// Matrix notation across a pair: the Pauli matrices (`\sigma_x`, `\sigma_y`, `\sigma_z`, `\sigma_1..3`) and the
// identity (`\mathbb{1}`, `\mathbf{1}`, `\mathbb{I}`, `\mathbb{1}_n`, `I_n`) are matrices when the pair is
// about matrices — one side has an explicit matrix, `\mathrm{diag}`, an identity written as such, or a product
// or power of Pauli matrices (then the products do not commute: `\sigma_x\sigma_y` = i`\sigma_z` ≠
// `\sigma_y\sigma_x`). Otherwise `\sigma_x` stays a plain symbol (a cross section, say). An identity without a
// size takes the size of the pair's matrices; inside a block matrix it is the block's identity. Brackets of two
// matrices are commutators, braces anticommutators.
import { children, mapAnswer, answerExprs, someExpr } from "./walk";
import type { Answer, Expr } from "./types";

const n = (value: number): Expr => ({ t: "num", value });
const I: Expr = { t: "const", name: "i" };
const PAULI: Record<string, Expr[][]> = {
  x: [[n(0), n(1)], [n(1), n(0)]],
  y: [[n(0), { t: "neg", arg: I }], [I, n(0)]],
  z: [[n(1), n(0)], [n(0), n(-1)]],
};
const PAULI_IDS: Record<string, string> = { sigma_x: "x", sigma_y: "y", sigma_z: "z", sigma_1: "x", sigma_2: "y", sigma_3: "z" };

const isPauli = (e: Expr) => e.t === "sym" && e.id in PAULI_IDS;
const UNSIZED_IDENTITY = /^(?:bb|bf)\((?:1|I)\)$/;
const SIZED_IDENTITY = /^(?:(?:bb|bf)\((?:1|I)\)|I)_(\d{1,2})$/;

const isUnsizedIdentity = (e: Expr) => e.t === "sym" && UNSIZED_IDENTITY.test(e.id);

function identity(size: number): Expr {
  return { t: "matrix", rows: Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => n(i === j ? 1 : 0))) };
}

/** Does this expression make the pair a matter of matrices? */
function isMatrixContext(e: Expr): boolean {
  return someExpr(e, (x) =>
    x.t === "matrix" || (x.t === "fn" && x.name === "diag") ||
    (x.t === "sym" && (UNSIZED_IDENTITY.test(x.id) || /^(?:bb|bf)\((?:1|I)\)_\d/.test(x.id))) ||
    (x.t === "mul" && x.args.filter(isPauli).length >= 2) ||
    (x.t === "pow" && isPauli(x.base) && x.exp.t === "num" && x.exp.value >= 2));
}

/** The size of the pair's matrices, where something tells it. */
function sizeOf(e: Expr): number | null {
  let size: number | null = null;
  someExpr(e, (x) => {
    if (isPauli(x)) size = 2;
    else if (x.t === "sym" && SIZED_IDENTITY.test(x.id)) size = Number(SIZED_IDENTITY.exec(x.id)![1]);
    else if (x.t === "fn" && x.name === "diag" && x.args.every((a) => !someExpr(a, (y) => y.t === "matrix" || isPauli(y)))) size = x.args.length;
    else if (x.t === "matrix" && !x.rows.flat().some((y) => someExpr(y, (z) => z.t === "matrix" || isPauli(z) || (z.t === "sym" && SIZED_IDENTITY.test(z.id))))) size = x.rows.length;
    return size !== null;
  });
  return size;
}


/** `size`: the pair's matrix size; `largest`: its largest matrix (a block matrix of 𝟙s fills it). */
function toMatrices(e: Expr, size: number | null, largest: number | null, inBlock = false): Expr {
  if (e.t === "sym" && PAULI_IDS[e.id]) return { t: "matrix", rows: PAULI[PAULI_IDS[e.id]] };
  if (e.t === "sym" && SIZED_IDENTITY.test(e.id)) return identity(Number(SIZED_IDENTITY.exec(e.id)![1]));
  if (isUnsizedIdentity(e)) return inBlock || !size ? n(1) : identity(size);
  if (e.t === "matrix") {
    // `\begin{pmatrix}0 & \mathbb{1}\\ \mathbb{1} & 0\end{pmatrix}` against a 4×4 matrix: 𝟙 is the 2×2 block.
    const k = e.rows.length;
    const cells = e.rows.flat();
    const blocks = cells.some((x) => someExpr(x, isUnsizedIdentity)) && !cells.some((x) => someExpr(x, (y) => y.t === "matrix" || isPauli(y) || (y.t === "sym" && SIZED_IDENTITY.test(y.id))));
    const block = blocks && largest && largest > k && largest % k === 0 ? largest / k : null;
    return { t: "matrix", rows: e.rows.map((r) => r.map((x) => toMatrices(x, block ?? size, largest, !block))) };
  }
  if (!children(e).length) return e;
  const map = (x: Expr) => toMatrices(x, size, largest, inBlock);
  switch (e.t) {
    case "add": case "mul": case "fn": case "apply": return { ...e, args: e.args.map(map) };
    case "div": return { t: "div", num: map(e.num), den: map(e.den) };
    case "neg": return { t: "neg", arg: map(e.arg) };
    case "pow": return { t: "pow", base: map(e.base), exp: map(e.exp) };
    default: return e;
  }
}

const isMatrixLike = (e: Expr) => someExpr(e, (x) => isPauli(x) || x.t === "matrix" || isUnsizedIdentity(x) || (x.t === "sym" && SIZED_IDENTITY.test(x.id)));

/** `[\sigma_x, \sigma_y]` is the commutator AB − BA and `\{\sigma_x, \sigma_y\}` the anticommutator AB + BA. */
function commutators(a: Answer): Answer {
  if (a.t === "eq") return { ...a, rhs: commutators(a.rhs) };
  if (a.t !== "list" || (a.kind !== "bracket" && a.kind !== "set") || a.items.length !== 2) return a;
  const [x, y] = a.items;
  if (x.t !== "expr" || y.t !== "expr" || x.unit || y.unit || !isMatrixLike(x.e) || !isMatrixLike(y.e)) return a;
  const ab: Expr = { t: "mul", args: [x.e, y.e] };
  const ba: Expr = { t: "mul", args: [y.e, x.e] };
  return { t: "expr", e: { t: "add", args: [ab, a.kind === "set" ? ba : { t: "neg", arg: ba }] } };
}

/** Both answers with Pauli matrices and identities as matrices, when either is about matrices. */
export function resolveMatrices(goldIn: Answer, predIn: Answer): [Answer, Answer] {
  const [gold, pred] = [commutators(goldIn), commutators(predIn)];
  const all = [...answerExprs(gold), ...answerExprs(pred)];
  if (!all.some(isMatrixContext)) return [gold, pred];
  const sizes = all.map(sizeOf).filter((s): s is number => s !== null);
  const size = sizes[0] ?? null;
  const largest = sizes.length ? Math.max(...sizes) : null;
  return [mapAnswer(gold, (e) => toMatrices(e, size, largest)), mapAnswer(pred, (e) => toMatrices(e, size, largest))];
}

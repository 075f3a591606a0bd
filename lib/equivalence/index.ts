// LaTeX answer equivalence for physics: are two final answers the same? Pure (no database), used by the
// "final answer vs code" check, POST /api/equivalence, `fieldwork equiv` and the editor's "read as".
import Complex from "complex.js";
import { compareAnswers } from "./compare";
import { samplePoints } from "./compare-expr";
import { evaluate, freeSymbols, hasPlusMinus, isMatrix } from "./evaluate";
import { printAnswer } from "./print";
import { argumentIds, readLatex, symbolIds } from "./read";
import { ReadError, type Answer, type ComplexValue, type Declarations, type EquivalenceOptions, type Expr, type Reading, type Verdict } from "./types";

export type { Declarations, EquivalenceOptions, Verdict } from "./types";
export { ZDeclarations } from "./schemas";

/** Relative 1e-9; the absolute part only absorbs rounding noise around zero (sin π ≈ 1e-16). */
const DEFAULT_TOLERANCE = { rel: 1e-9, abs: 1e-14 };

function read(source: string, declarations: Declarations): { reading: Reading } | { error: string } {
  try {
    return { reading: readLatex(source, declarations) };
  } catch (error) {
    if (error instanceof ReadError) return { error: error.message };
    throw error;
  }
}

const plainText = (s: string) => s.replace(/\s+/g, "").replace(/\\[,;:! ]/g, "");

function note(r: Reading): string {
  return r.notes.droppedTail ? ` (ignoring the ${r.notes.droppedTail} tail)` : "";
}

export function checkEquivalence(gold: string, pred: string, options: EquivalenceOptions = {}): Verdict {
  const declarations = options.declarations ?? {};
  const g = read(gold, declarations);
  const p = read(pred, declarations);
  const readAs = { gold: "reading" in g ? printAnswer(g.reading.answer) : "", pred: "reading" in p ? printAnswer(p.reading.answer) : "" };
  if ("error" in g) {
    const same = "error" in p && plainText(gold) === plainText(pred);
    return { equivalent: same, reason: same ? "identical text (the checker cannot read it)" : `the reference answer cannot be read: ${g.error}`, readAs };
  }
  if ("error" in p) return { equivalent: false, reason: `the answer cannot be read: ${p.error}`, readAs };
  const tol = { rel: options.tolerance?.rel ?? DEFAULT_TOLERANCE.rel, abs: options.tolerance?.abs ?? DEFAULT_TOLERANCE.abs };
  const ctx = { tol, floatRounding: options.floatRounding, setRelation: options.setRelation ?? true, realIds: symbolIds(declarations.real) };
  let outcome = compareAnswers(g.reading.answer, p.reading.answer, ctx);
  const lastBox = p.reading.lastBox;
  if (!outcome.equal && lastBox && g.reading.answer.t !== "list") {
    // Several boxes where one answer is expected: the last box is the final answer.
    const last = compareAnswers(g.reading.answer, lastBox.answer, ctx);
    if (last.equal) {
      outcome = { equal: true, reason: `the last boxed answer: ${last.reason}` };
      readAs.pred = printAnswer(lastBox.answer);
    }
  }
  return { equivalent: outcome.equal, reason: outcome.reason + note(g.reading) + note(p.reading), readAs };
}

/** Every expression inside an answer. */
function expressions(a: Answer): Expr[] {
  switch (a.t) {
    case "expr": return [a.e];
    case "eq": return [...expressions(a.lhs), ...expressions(a.rhs)];
    case "list": return a.items.flatMap(expressions);
    case "rel": return a.members;
    case "region": return [...(a.subject ? [a.subject] : []), ...a.parts.flatMap((p) => (p.t === "interval" ? [p.lo, p.hi] : p.t === "points" ? p.items : []))];
    case "text": return [];
  }
}

export type WellFormed = { ok: true; readAs: string } | { ok: false; reason: string };

/** Is this a final answer the checker can read and evaluate? Says why not. */
export function wellFormed(latex: string, declarations: Declarations = {}): WellFormed {
  const r = read(latex, declarations);
  if ("error" in r) return { ok: false, reason: r.error };
  const answer = r.reading.answer;
  if (answer.t === "text") return { ok: false, reason: "it is text, not math the checker can compare" };
  const exprs = expressions(answer);
  const ids = new Set<string>();
  exprs.forEach((e) => freeSymbols(e, ids));
  const [point] = samplePoints(ids, 1);
  try {
    for (const e of exprs) if (!(e.t === "const" && e.name === "inf")) evaluate(e, point);
  } catch (error) {
    return { ok: false, reason: `it cannot be evaluated: ${(error as Error).message}` };
  }
  return { ok: true, readAs: printAnswer(answer) };
}

export type Evaluated = { ok: true; value: number | ComplexValue | (number | ComplexValue)[] } | { ok: false; error: string };

const plain = (z: Complex): number | ComplexValue => (Math.abs(z.im) <= 1e-12 * Math.max(1, Math.abs(z.re)) ? z.re : { re: z.re, im: z.im });

type Values = Record<string, number | ComplexValue>;
export type Evaluator = { ok: true; at: (values: Values) => Evaluated } | { ok: false; error: string };

/** Reads an answer once, to evaluate it at many argument values (the test cases of an item). */
export function evaluatorFor(latex: string, declarations: Declarations = {}): Evaluator {
  const r = read(latex, declarations);
  if ("error" in r) return { ok: false, error: r.error };
  const answer = r.reading.answer.t === "eq" && r.reading.answer.naming ? r.reading.answer.rhs : r.reading.answer;
  const at = (values: Values): Evaluated => {
    const point = new Map<string, Complex>();
    for (const [name, v] of Object.entries(values)) {
      const z = typeof v === "number" ? new Complex(v, 0) : new Complex(v.re, v.im);
      for (const id of argumentIds(name)) point.set(id, z);
    }
    const one = (a: Answer): number | ComplexValue => {
      if (a.t !== "expr") throw new ReadError("the answer is not a single expression");
      if (hasPlusMinus(a.e)) throw new ReadError("the answer has ± (two values)");
      const v = evaluate(a.e, point);
      if (isMatrix(v)) throw new ReadError("the answer is a matrix");
      return plain(v);
    };
    try {
      if (answer.t === "list" && answer.kind !== "set") return { ok: true, value: answer.items.map(one) };
      return { ok: true, value: one(answer) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  };
  return { ok: true, at };
}

/** The value of an answer (`E_n = \hbar\omega(n+\frac12)` or a tuple of such) at given argument values. */
export function evaluateAt(latex: string, values: Values, declarations: Declarations = {}): Evaluated {
  const evaluator = evaluatorFor(latex, declarations);
  return evaluator.ok ? evaluator.at(values) : evaluator;
}

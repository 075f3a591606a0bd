// LaTeX answer equivalence for physics: are two final answers the same? Pure (no database), used by the
// "final answer vs code" check, POST /api/equivalence, `fieldwork equiv` and the editor's "read as".
// Three outcomes: equal, not equal, or cannot decide (`equivalent: null`: an unsupported construct, a
// reference the checker cannot read, an input past the size or time budget) — never a throw.
import Complex from "complex.js";
import { budgetOf, BudgetError, type Budget } from "./budget";
import { compareAnswers, type Outcome } from "./compare";
import { samplePoints } from "./compare-expr";
import { applyConventions, CONVENTIONS } from "./conventions";
import { evaluate, isMatrix } from "./evaluate";
import { preparePair } from "./prepare";
import { printAnswer } from "./print";
import { argumentIds, readLatex, symbolIds } from "./read";
import { resolveRunningAt } from "./running";
import { answerExprs, freeSymbols, hasPlusMinus, mapAnswer } from "./walk";
import { ReadError, UnsupportedError, type Answer, type ComplexValue, type ConventionName, type Declarations, type EquivalenceOptions, type Reading, type Verdict } from "./types";

export type { ConventionName, Declarations, EquivalenceOptions, Verdict } from "./types";
export { CONVENTION_NAMES } from "./types";
export { ZDeclarations } from "./schemas";
export { conventionsFor } from "./conventions";

/** Relative 1e-9; the absolute part only absorbs rounding noise around zero (sin π ≈ 1e-16). */
const DEFAULT_TOLERANCE = { rel: 1e-9, abs: 1e-14 };

type Read = { reading: Reading } | { error: string; unsupported: boolean };

function read(source: string, declarations: Declarations): Read {
  try {
    return { reading: readLatex(source, declarations) };
  } catch (error) {
    if (error instanceof ReadError) return { error: error.message, unsupported: error instanceof UnsupportedError };
    return { error: `the checker failed on it (${(error as Error)?.message ?? String(error)})`, unsupported: true };
  }
}

const plainText = (s: string) => s.replace(/\s+/g, "").replace(/\\[,;:! ]/g, "");
const note = (r: Reading) => (r.notes.droppedTail ? ` (ignoring the ${r.notes.droppedTail} tail)` : "");
const undecided = (reason: string, readAs = { gold: "", pred: "" }): Verdict => ({ equivalent: null, reason: reason.startsWith("cannot decide") ? reason : `cannot decide: ${reason}`, readAs });

function compareWithin(gold: Answer, pred: Answer, options: EquivalenceOptions, budget: Budget): Outcome {
  const tol = { rel: options.tolerance?.rel ?? DEFAULT_TOLERANCE.rel, abs: options.tolerance?.abs ?? DEFAULT_TOLERANCE.abs };
  const realIds = symbolIds(options.declarations?.real);
  return compareAnswers(gold, pred, { tol, floatRounding: options.floatRounding, setRelation: options.setRelation ?? true, realIds, units: options.units, budget });
}

function decide(gold: string, pred: string, options: EquivalenceOptions): Verdict {
  const budget = budgetOf(options.budgetMs);
  const declarations = options.declarations ?? {};
  const g = read(gold, declarations);
  const p = read(pred, declarations);
  const readAs = { gold: "reading" in g ? printAnswer(g.reading.answer) : "", pred: "reading" in p ? printAnswer(p.reading.answer) : "" };
  if ("error" in g) {
    if ("error" in p && plainText(gold) === plainText(pred)) return { equivalent: true, reason: "identical text (the checker cannot read it)", readAs };
    return undecided(`the reference answer cannot be read: ${g.error}`, readAs);
  }
  if ("error" in p) return p.unsupported ? undecided(`the answer cannot be read: ${p.error}`, readAs) : { equivalent: false, reason: `the answer cannot be read: ${p.error}`, readAs };
  const prepared = preparePair(g.reading.answer, p.reading.answer, options.conventions);
  let outcome = compareWithin(prepared.gold, prepared.pred, options, budget);
  const lastBox = p.reading.lastBox;
  if (!outcome.equal && lastBox && g.reading.answer.t !== "list") {
    // Several boxes where one answer is expected: the last box is the final answer.
    const again = preparePair(g.reading.answer, lastBox.answer, options.conventions);
    const last = compareWithin(again.gold, again.pred, options, budget);
    if (last.equal) {
      outcome = { equal: true, reason: `the last boxed answer: ${last.reason}` };
      readAs.pred = printAnswer(lastBox.answer);
    }
  }
  const conventions = prepared.conventions.length ? { conventions: prepared.conventions } : {};
  const reason = outcome.reason + note(g.reading) + note(p.reading) + (prepared.conventions.length ? ` (with ${prepared.conventions.join("; ")})` : "");
  if (outcome.undecided) return { ...undecided(reason, readAs), ...conventions };
  return { equivalent: outcome.equal, reason, readAs, ...conventions };
}

/** Decides whether `pred` is the same answer as `gold`. Never throws: what it cannot decide is `equivalent: null`. */
export function checkEquivalence(gold: string, pred: string, options: EquivalenceOptions = {}): Verdict {
  try {
    return decide(gold, pred, options);
  } catch (error) {
    if (error instanceof BudgetError) return undecided(`too large or too slow: ${error.message}`);
    return undecided(error instanceof ReadError ? error.message : `the checker failed (${(error as Error)?.message ?? String(error)})`);
  }
}

export type WellFormed = { ok: true; readAs: string; conventions?: string[] } | { ok: false; reason: string };

/** Is this a final answer the checker can read and evaluate? Says why not, and which conventions it reads it with. */
export function wellFormed(latex: string, declarations: Declarations = {}, options: { conventions?: readonly ConventionName[] } = {}): WellFormed {
  const r = read(latex, declarations);
  if ("error" in r) return { ok: false, reason: r.error };
  const answer = r.reading.answer;
  if (answer.t === "text") return { ok: false, reason: "it is text, not math the checker can compare" };
  const applied = new Set<ConventionName>();
  const converted = mapAnswer(answer, (e) => { const c = applyConventions(e, options.conventions ?? []); c.applied.forEach((n) => applied.add(n)); return c.e; });
  const exprs = answerExprs(converted);
  const ids = new Set<string>();
  exprs.forEach((e) => freeSymbols(e, ids));
  const [point] = samplePoints(ids, 1);
  try {
    const budget = budgetOf();
    for (const e of exprs) if (!(e.t === "const" && e.name === "inf")) evaluate(e, point, { budget });
  } catch (error) {
    return { ok: false, reason: `it cannot be evaluated: ${(error as Error).message}` };
  }
  const conventions = [...applied].map((name) => `${name}: ${CONVENTIONS[name].description}`);
  return { ok: true, readAs: printAnswer(answer), ...(conventions.length ? { conventions } : {}) };
}

export type Evaluated = { ok: true; value: number | ComplexValue | (number | ComplexValue)[] } | { ok: false; error: string };

const plain = (z: Complex): number | ComplexValue => (Math.abs(z.im) <= 1e-12 * Math.max(1, Math.abs(z.re)) ? z.re : { re: z.re, im: z.im });

type Values = Record<string, number | ComplexValue>;
export type Evaluator = { ok: true; at: (values: Values) => Evaluated } | { ok: false; error: string };

/**
 * Reads an answer once, to evaluate it at many argument values (the test cases of an item). Conventions
 * (e.g. natural units: ħ = 1) apply to the symbols that are not arguments.
 */
export function evaluatorFor(latex: string, declarations: Declarations = {}, options: { conventions?: readonly ConventionName[] } = {}): Evaluator {
  const r = read(latex, declarations);
  if ("error" in r) return { ok: false, error: r.error };
  const answer = r.reading.answer.t === "eq" && r.reading.answer.naming ? r.reading.answer.rhs : r.reading.answer;
  const at = (values: Values): Evaluated => {
    const point = new Map<string, Complex>();
    for (const [name, v] of Object.entries(values)) {
      const z = typeof v === "number" ? new Complex(v, 0) : new Complex(v.re, v.im);
      for (const id of argumentIds(name)) point.set(id, z);
    }
    const keep = new Set(point.keys());
    const one = (a: Answer): number | ComplexValue => {
      const single = a.t === "approx" ? a.exact ?? a.value : a;
      if (single.t !== "expr") throw new ReadError("the answer is not a single expression");
      if (hasPlusMinus(single.e)) throw new ReadError("the answer has ± (two values)");
      const e = resolveRunningAt(applyConventions(single.e, options.conventions ?? [], keep).e, (id) => point.has(id));
      const v = evaluate(e, point, { budget: budgetOf() });
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
export function evaluateAt(latex: string, values: Values, declarations: Declarations = {}, options: { conventions?: readonly ConventionName[] } = {}): Evaluated {
  const evaluator = evaluatorFor(latex, declarations, options);
  return evaluator.ok ? evaluator.at(values) : evaluator;
}

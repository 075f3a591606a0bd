// The facts the LaTeX and final-answer checks judge, gathered before the checks run: what rendering each LaTeX
// field reports, and the final answer evaluated at every test input. The server gathers them in worker threads
// with a time budget (gather-text-facts.ts); `textFactsInline` computes the same here, for tests and benchmarks.
// Pure.
import { evaluatorFor } from "../equivalence";
import { declarationsFor } from "../items/declarations";
import type { ItemFields } from "../items/schemas";
import { returnElements } from "../items/test-values";
import { renderLatexText, type LatexError } from "../latex/render-latex";
import { renderMathField } from "../latex/render-math-field";
import type { EvaluateTask, Evaluations } from "../workers/tasks";

export const LATEX_CHECKED = [["statement", "Statement", false], ["solution", "Solution", false], ["finalAnswer", "Final answer", true]] as const;
export type LatexChecked = (typeof LATEX_CHECKED)[number][0];

/** The final answer at the test inputs; `undecided` when it could not be worked out within the budget. */
export type AnswerFacts = Evaluations | { ok: false; error: string; undecided: true };

export type TextFacts = {
  /** what rendering each LaTeX field reports (empty: it renders) */
  latex: Record<LatexChecked, LatexError[]>;
  /** null when the final-answer check has nothing to evaluate (no answer, or not a numeric return) */
  answer: AnswerFacts | null;
};

const NUMERIC = new Set(["float", "int", "complex"]);

/** What to evaluate the final answer at, or null when it is not to be evaluated. */
export function answerTask(fields: ItemFields): EvaluateTask | null {
  if (!fields.finalAnswer.trim() || !returnElements(fields.answerSpec.returns).every((e) => NUMERIC.has(e.type))) return null;
  const points = fields.testCases.map((tc) => tc.inputs as EvaluateTask["points"][number]);
  return { latex: fields.finalAnswer, declarations: declarationsFor(fields.declarations, fields.answerSpec), points };
}

export function textFactsInline(fields: ItemFields, macros: Record<string, string>): TextFacts {
  const latex = Object.fromEntries(
    LATEX_CHECKED.map(([key, , math]) => [key, (math ? renderMathField : renderLatexText)(fields[key], { macros }).errors]),
  ) as TextFacts["latex"];
  const task = answerTask(fields);
  if (!task) return { latex, answer: null };
  const evaluator = evaluatorFor(task.latex, task.declarations);
  return { latex, answer: evaluator.ok ? { ok: true, values: task.points.map((p) => evaluator.at(p)) } : evaluator };
}

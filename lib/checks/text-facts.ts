// The facts the LaTeX and answer checks judge, gathered before the checks run: what rendering each LaTeX field
// reports, the final answer evaluated at every test input, and which of the solution's last formulas equals the
// final answer. The server gathers them in worker threads with a time budget (gather-text-facts.ts);
// `textFactsInline` computes the same here, for tests and benchmarks. Pure.
import { conventionsFor, evaluatorFor } from "../equivalence";
import { declarationsFor } from "../items/declarations";
import type { ItemFields } from "../items/schemas";
import { returnElements } from "../items/test-values";
import { renderLatexText, type LatexError } from "../latex/render-latex";
import { renderMathField } from "../latex/render-math-field";
import type { EvaluateTask, Evaluations } from "../workers/tasks";
import { reachOf, type Reach, type ReachTask } from "./reach";
import { candidateResults, MAX_FORMULA_CHARS } from "./rules/solution-reaches-answer";

export const LATEX_CHECKED = [["statement", "Statement", false], ["solution", "Solution", false], ["finalAnswer", "Final answer", true]] as const;
export type LatexChecked = (typeof LATEX_CHECKED)[number][0];

/** The final answer at the test inputs; `undecided` when it could not be worked out within the budget. */
export type AnswerFacts = Evaluations | { ok: false; error: string; undecided: true };

/** Whether the final answer can be read, and which candidate formula of the solution equals it (or `undecided`). */
export type ReachFacts = Reach | { undecided: string };

export type TextFacts = {
  /** what rendering each LaTeX field reports (empty: it renders) */
  latex: Record<LatexChecked, LatexError[]>;
  /** null when the final-answer check has nothing to evaluate (no answer, or not a numeric return) */
  answer: AnswerFacts | null;
  /** null when the solution check compares nothing (no answer or solution, or an answer too long to look for) */
  reach: ReachFacts | null;
};

const NUMERIC = new Set(["float", "int", "complex"]);

/** What to evaluate the final answer at, or null when it is not to be evaluated. */
export function answerTask(fields: ItemFields): EvaluateTask | null {
  if (!fields.finalAnswer.trim() || !returnElements(fields.answerSpec.returns).every((e) => NUMERIC.has(e.type))) return null;
  const points = fields.testCases.map((tc) => tc.inputs as EvaluateTask["points"][number]);
  // A statement in natural units reads ħ = c = 1 (and e² = 4πα) in the answer, for the symbols that are not arguments.
  const options = { conventions: conventionsFor(fields.statement) };
  return { latex: fields.finalAnswer, declarations: declarationsFor(fields.declarations, fields.answerSpec), options, points };
}

/** The final answer and the solution's candidate formulas to compare it with, or null when nothing is compared. */
export function reachTask(fields: ItemFields): ReachTask | null {
  if (!fields.finalAnswer.trim() || !fields.solution.trim() || fields.finalAnswer.length > MAX_FORMULA_CHARS) return null;
  const declarations = declarationsFor(fields.declarations, fields.answerSpec);
  const conventions = conventionsFor(fields.statement);
  return { answer: fields.finalAnswer, candidates: candidateResults(fields.solution).map((c) => c.tex), declarations, conventions };
}

export function textFactsInline(fields: ItemFields, macros: Record<string, string>): TextFacts {
  const latex = Object.fromEntries(
    LATEX_CHECKED.map(([key, , math]) => [key, (math ? renderMathField : renderLatexText)(fields[key], { macros }).errors]),
  ) as TextFacts["latex"];
  const reachInput = reachTask(fields);
  const reach = reachInput && reachOf(reachInput);
  const task = answerTask(fields);
  if (!task) return { latex, answer: null, reach };
  const evaluator = evaluatorFor(task.latex, task.declarations, task.options);
  return { latex, answer: evaluator.ok ? { ok: true, values: task.points.map((p) => evaluator.at(p)) } : evaluator, reach };
}

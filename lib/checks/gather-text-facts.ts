import "server-only";
// The LaTeX and answer facts of a check run, worked out in worker threads (each field, the answer's values and
// the solution's comparison a task of its own, with its own time budget): a field too complex to render fails
// "LaTeX renders" at its place, an answer too large to evaluate or compare is "cannot decide", and the event
// loop stays free meanwhile.
import type { ItemFields } from "../items/schemas";
import { renderLatexOffThread } from "../latex/render-off-thread";
import { isOverBudget, isPoolBusy } from "../workers/errors";
import { runTask } from "../workers/run-task";
import { answerTask, LATEX_CHECKED, reachTask, type AnswerFacts, type ReachFacts, type TextFacts } from "./text-facts";

async function evaluateAnswer(fields: ItemFields): Promise<AnswerFacts | null> {
  const task = answerTask(fields);
  if (!task) return null;
  try {
    return await runTask("equivalence.evaluate", task);
  } catch (e) {
    if (isOverBudget(e)) return { ok: false, undecided: true, error: `too large to evaluate (${e.message}; EQUIVALENCE_MS)` };
    if (isPoolBusy(e)) return { ok: false, undecided: true, error: e.message };
    throw e;
  }
}

async function compareWithSolution(fields: ItemFields): Promise<ReachFacts | null> {
  const task = reachTask(fields);
  if (!task) return null;
  try {
    return await runTask("equivalence.reach", task);
  } catch (e) {
    if (isOverBudget(e)) return { undecided: `too large to compare (${e.message}; EQUIVALENCE_MS)` };
    if (isPoolBusy(e)) return { undecided: e.message };
    throw e;
  }
}

export async function gatherTextFacts(fields: ItemFields, macros: Record<string, string>): Promise<TextFacts> {
  const [answer, reach, ...rendered] = await Promise.all([
    evaluateAnswer(fields),
    compareWithSolution(fields),
    ...LATEX_CHECKED.map(([key, , math]) => renderLatexOffThread(fields[key], { macros, math })),
  ]);
  const latex = Object.fromEntries(LATEX_CHECKED.map(([key], i) => [key, rendered[i].errors])) as TextFacts["latex"];
  return { latex, answer, reach };
}

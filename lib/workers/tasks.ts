// Every task the app runs off the event loop, by name: the worker side (worker-entry.ts) loads this module;
// the server side only imports its types. Handlers are the pure domain functions, unchanged: options are
// passed through as they come, so new options of those functions flow without touching this file.
import { reachOf } from "../checks/reach";
import { checkEquivalence, evaluatorFor } from "../equivalence";
import { readAndParseUpload } from "../imports/read-and-parse";
import { renderLatexText } from "../latex/render-latex";
import { renderMathField } from "../latex/render-math-field";
import type { RenderOptions } from "../latex/render-latex";
import type { TaskContext } from "./pool";

type Evaluator = ReturnType<typeof evaluatorFor>;
type Values = Parameters<Extract<Evaluator, { ok: true }>["at"]>[0];
type Evaluated = ReturnType<Extract<Evaluator, { ok: true }>["at"]>;

export type LatexTask = { source: string; math: boolean; options: Omit<RenderOptions, "onProgress"> };
export type EquivalenceTask = { gold: string; pred: string; options?: Parameters<typeof checkEquivalence>[2] };
export type EvaluateTask = { latex: string; declarations?: Parameters<typeof evaluatorFor>[1]; options?: Parameters<typeof evaluatorFor>[2]; points: Values[] };
export type Evaluations = { ok: true; values: Evaluated[] } | { ok: false; error: string };

export const TASKS = {
  "latex.render": ({ source, math, options }: LatexTask, { reportPosition }: TaskContext) =>
    (math ? renderMathField : renderLatexText)(source, { ...options, onProgress: reportPosition }),
  "equivalence.check": ({ gold, pred, options }: EquivalenceTask) => checkEquivalence(gold, pred, options),
  /** The answer read once and evaluated at every point (an item's test inputs). */
  "equivalence.evaluate": ({ latex, declarations, options, points }: EvaluateTask): Evaluations => {
    const evaluator = evaluatorFor(latex, declarations, options);
    return evaluator.ok ? { ok: true, values: points.map((p) => evaluator.at(p)) } : evaluator;
  },
  /** The solution's candidate formulas compared with the final answer (the solution-reaches-answer check). */
  "equivalence.reach": reachOf,
  "imports.parse": readAndParseUpload,
};

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;

// The LaTeX final answer, where it is an expression in the argument names, evaluated at every test input
// (lib/equivalence, in a worker thread: "cannot decide" past its time budget) agrees with the reference code's
// output. A warning: the checker reads most physics notation but not all, and a reviewer decides.
import { numbersAgree, numericParts } from "../../grading/compare";
import { returnElements } from "../../items/test-values";
import type { PyValue } from "../../sandbox/types";
import { missingOutputs } from "../missing-outputs";
import { fail, notRun, pass, skip, type Check } from "../types";

const NUMERIC = new Set(["float", "int", "complex"]);

function show(parts: [number, number][]): string {
  return parts.map(([re, im]) => (im ? `${re.toPrecision(6)}${im < 0 ? "-" : "+"}${Math.abs(im).toPrecision(6)}i` : re.toPrecision(6))).join(", ");
}

export const finalAnswerVsCode: Check = {
  id: "final-answer-vs-code",
  title: "Final answer agrees with the code",
  blocking: false,
  run: (ctx) => {
    const { fields, answer } = ctx;
    if (!fields.finalAnswer.trim()) return [notRun("there is no final answer yet", { field: "finalAnswer" })];
    if (!returnElements(fields.answerSpec.returns).every((e) => NUMERIC.has(e.type)) || !answer) return [skip("The answer is not numeric; a reviewer compares it.")];
    const missing = missingOutputs(ctx, { every: true });
    if (missing || !ctx.run) return [notRun(missing ?? "no outputs")];
    const run = ctx.run;
    if (!answer.ok && "undecided" in answer) return [fail(`Cannot decide: ${answer.error}`, { field: "finalAnswer" })];
    // Read once, evaluated at every test input (text-facts.ts).
    for (const [i, tc] of fields.testCases.entries()) {
      const result = run.results[i];
      if (!result || !("output" in result)) continue;
      const evaluated = answer.ok ? answer.values[i] : answer;
      if (!evaluated) continue;
      if (!evaluated.ok) {
        if (/has no value/.test(evaluated.error)) return [skip(`Not evaluated: the final answer is not an expression in the arguments alone (${evaluated.error}).`)];
        return [fail(`The final answer cannot be evaluated: ${evaluated.error}`, { field: "finalAnswer" })];
      }
      const mine = numericParts(evaluated.value as PyValue);
      const code = numericParts(result.output);
      if (!mine || !code) return [skip("Not evaluated: the values are not finite numbers.")];
      if (!numbersAgree(mine, code, tc.tolerance)) {
        return [fail(`At test case ${i + 1} the final answer gives ${show(mine)} but the code returns ${show(code)}.`, { field: "finalAnswer" })];
      }
    }
    return [pass(`The final answer gives the code's output on all ${fields.testCases.length} test cases.`)];
  },
};

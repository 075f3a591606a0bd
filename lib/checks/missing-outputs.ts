// Why the checks that look at the reference code's outputs have nothing to look at (so they report
// "not run: …" instead of passing on no evidence). Pure.
import { ZAnswerSpec } from "../items/answer-spec";
import type { CheckContext } from "./types";

/** Why the code was not run at all, from the fields (null when it was run). */
function whyNotStarted({ fields }: CheckContext): string {
  if (!fields.answerSpec.functionName) return "the answer spec has no function name";
  if (!fields.referenceCode.trim()) return "there is no reference code";
  if (!ZAnswerSpec.safeParse(fields.answerSpec).success) return "the answer spec is not valid";
  if (fields.testCases.length === 0) return "there are no test cases to run the code on";
  return "the reference code was not run";
}

/**
 * Why there are no outputs to check, or null when some are there. With `every`, outputs are needed for
 * every test case (a perturbation or a formula is compared on all of them).
 */
export function missingOutputs(ctx: CheckContext, { every = false } = {}): string | null {
  const { run } = ctx;
  if (!run) return whyNotStarted(ctx);
  if (run.unavailable) return `the Python runtime is missing (${run.error ?? "no details"})`;
  const failed = run.results.filter((r) => !("output" in r)).length;
  if (run.error && failed === run.results.length) return `the reference code did not run (${run.error})`;
  if (run.results.length === 0) return "the reference code gave no outputs";
  if (failed === run.results.length) return "the reference code failed on every test case";
  if (every && failed > 0) return `the reference code failed on ${failed} of ${run.results.length} test cases`;
  return null;
}

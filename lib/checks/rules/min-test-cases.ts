// At least three test cases (one is enough for a function without arguments: every call is the same).
import type { AnswerSpec } from "../../items/answer-spec";
import { fail, pass, type Check } from "../types";

export const MIN_TEST_CASES = 3;

/** How many test cases an item with this answer spec needs (the editor's empty table says the same). */
export function minTestCasesFor(spec: AnswerSpec): number {
  return spec.arguments.length ? MIN_TEST_CASES : 1;
}

export const minTestCases: Check = {
  id: "min-test-cases",
  title: "Enough test cases",
  blocking: true,
  run: ({ fields }) => {
    const needed = minTestCasesFor(fields.answerSpec);
    const n = fields.testCases.length;
    return n >= needed
      ? [pass(`${n} test case${n === 1 ? "" : "s"}.`)]
      : [fail(`${n} test case${n === 1 ? "" : "s"}; at least ${needed} ${needed === 1 ? "is" : "are"} needed.`, { field: "testCases" })];
  },
};

// At least three test cases (one is enough for a function without arguments: every call is the same).
import { fail, pass, type Check } from "../types";

export const MIN_TEST_CASES = 3;

export const minTestCases: Check = {
  id: "min-test-cases",
  title: "Enough test cases",
  blocking: true,
  run: ({ fields }) => {
    const needed = fields.answerSpec.arguments.length ? MIN_TEST_CASES : 1;
    const n = fields.testCases.length;
    return n >= needed
      ? [pass(`${n} test case${n === 1 ? "" : "s"}.`)]
      : [fail(`${n} test case${n === 1 ? "" : "s"}; at least ${needed} ${needed === 1 ? "is" : "are"} needed.`, { field: "testCases" })];
  },
};

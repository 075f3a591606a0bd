// At least three test cases.
import { fail, pass, type Check } from "../types";

export const MIN_TEST_CASES = 3;

export const minTestCases: Check = {
  id: "min-test-cases",
  title: `At least ${MIN_TEST_CASES} test cases`,
  blocking: true,
  run: ({ fields }) =>
    fields.testCases.length >= MIN_TEST_CASES
      ? [pass(`${fields.testCases.length} test cases.`)]
      : [fail(`${fields.testCases.length} test case${fields.testCases.length === 1 ? "" : "s"}; at least ${MIN_TEST_CASES} are needed.`, { field: "testCases" })],
};

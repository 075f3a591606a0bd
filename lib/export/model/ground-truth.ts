// The test bundle graders read: verl's `reward_model.ground_truth` (as a JSON string), the grading API's
// `groundTruth` and the Python reward module. Exactly {function_name, arguments, returns, test_cases:
// [{inputs, expected, tolerance: {abs, rel}}]}: arguments and returns as in the answer spec, inputs keyed by
// argument name, complex values as {"re", "im"} and tuples as arrays, as stored. Pure.
import type { Argument, Returns } from "../../items/answer-spec";
import type { ItemFields } from "../../items/schemas";
import type { TestValue } from "../../items/test-values";
import { canonicalJson, sortedJson } from "./canonical-json";

export type GroundTruth = {
  function_name: string;
  arguments: Argument[];
  returns: Returns;
  test_cases: { inputs: Record<string, TestValue>; expected: TestValue | null; tolerance: { abs: number; rel: number } }[];
};

/** Keys in sorted order; the spec's and the values' own objects are as sorted as the item given. */
export function groundTruth(item: ItemFields): GroundTruth {
  return {
    arguments: item.answerSpec.arguments,
    function_name: item.answerSpec.functionName,
    returns: item.answerSpec.returns,
    test_cases: item.testCases.map((tc) => ({ expected: tc.expected, inputs: tc.inputs, tolerance: { abs: tc.tolerance.abs, rel: tc.tolerance.rel } })),
  };
}

/**
 * The ground truth as verl carries it: canonical JSON text. Fast when the item's objects are in sorted key
 * order (the export reads them so); canonical for any item.
 */
export function groundTruthString(item: ItemFields, sorted = false): string {
  return sorted ? sortedJson(groundTruth(item)) : canonicalJson(groundTruth(item));
}

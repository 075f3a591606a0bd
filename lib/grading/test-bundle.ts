// What a response is graded against: the function to call and the test cases, from an item version's fields
// or from a ground truth as the verl export writes it (`reward_model.ground_truth`):
//   {"function_name", "arguments": [{name, type, …}], "returns": {type, options?, items?},
//    "test_cases": [{"inputs": {arg: value} | [values…], "expected", "tolerance": {"abs", "rel"}}]}
// as a JSON string or an object, complex values as {"re", "im"}. Pure.
import { z } from "zod";
import { ZAnswerSpec, type Argument, type Returns } from "../items/answer-spec";
import { ZTestValue, type ItemFields } from "../items/schemas";
import { DEFAULT_TOLERANCE, testCaseProblems, type TestCase, type TestValue, type Tolerance } from "../items/test-values";

export type BundleCase = { inputs: Record<string, TestValue>; expected: TestValue | null; tolerance: Tolerance };
export type TestBundle = { functionName: string; arguments: Argument[]; returns: Returns; testCases: BundleCase[] };

/** The verl export's ground truth object (JSON-encoded in the bundle). */
export type GroundTruth = {
  function_name: string;
  arguments: Argument[];
  returns: Returns;
  test_cases: { inputs: Record<string, TestValue>; expected: TestValue; tolerance: Tolerance }[];
};

export const MAX_GROUND_TRUTH_CASES = 1000;

const ZToleranceIn = z.object({ abs: z.number().finite().min(0).optional(), rel: z.number().finite().min(0).optional() }).partial();

const ZGroundTruthShape = z.object({
  function_name: z.string(),
  arguments: z.array(z.unknown()).default([]),
  returns: z.unknown(),
  test_cases: z
    .array(z.object({
      inputs: z.union([z.record(z.string().max(100), ZTestValue), z.array(ZTestValue)]).default({}),
      expected: ZTestValue,
      tolerance: ZToleranceIn.nullish(),
    }))
    .min(1, "A ground truth needs at least one test case.")
    .max(MAX_GROUND_TRUTH_CASES, `At most ${MAX_GROUND_TRUTH_CASES} test cases.`),
});

type Issue = { path: (string | number)[]; message: string };

/** A ground truth (JSON text or object) → the bundle, or the problems located by path. */
export function parseGroundTruth(raw: unknown): { ok: true; bundle: TestBundle } | { ok: false; issues: Issue[] } {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, issues: [{ path: [], message: "The ground truth is not valid JSON." }] };
    }
  }
  // A verl row's whole `reward_model` ({style, ground_truth}) is read as its ground truth (OpenRLHF's --label_key
  // reward_model passes it so).
  if (value && typeof value === "object" && !Array.isArray(value) && "ground_truth" in value && !("function_name" in value)) {
    return parseGroundTruth((value as { ground_truth: unknown }).ground_truth);
  }
  const shape = ZGroundTruthShape.safeParse(value);
  if (!shape.success) return { ok: false, issues: shape.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })) };
  const gt = shape.data;
  const spec = ZAnswerSpec.safeParse({ functionName: gt.function_name, arguments: gt.arguments, returns: gt.returns });
  if (!spec.success) {
    const rename: Record<string, string> = { functionName: "function_name" };
    return { ok: false, issues: spec.error.issues.map((i) => ({ path: [rename[String(i.path[0])] ?? String(i.path[0]), ...(i.path.slice(1) as (string | number)[])], message: i.message })) };
  }
  if (!spec.data.functionName) return { ok: false, issues: [{ path: ["function_name"], message: "The function name is missing." }] };
  const names = spec.data.arguments.map((a) => a.name);
  const issues: Issue[] = [];
  const testCases: TestCase[] = gt.test_cases.map((tc, i) => {
    let inputs: Record<string, TestValue>;
    if (Array.isArray(tc.inputs)) {
      const positional = tc.inputs;
      if (positional.length !== names.length) issues.push({ path: ["test_cases", i, "inputs"], message: `${positional.length} inputs for ${names.length} arguments.` });
      inputs = Object.fromEntries(names.map((n, k) => [n, positional[k]]));
    } else {
      inputs = tc.inputs;
      const missing = names.filter((n) => !(n in inputs));
      if (missing.length) issues.push({ path: ["test_cases", i, "inputs"], message: `Missing ${missing.join(", ")}.` });
    }
    return { inputs, expected: tc.expected, tolerance: { abs: tc.tolerance?.abs ?? DEFAULT_TOLERANCE.abs, rel: tc.tolerance?.rel ?? DEFAULT_TOLERANCE.rel } };
  });
  for (const p of testCaseProblems(testCases, spec.data)) issues.push({ path: ["test_cases", ...p.path], message: p.message });
  if (issues.length) return { ok: false, issues };
  return { ok: true, bundle: { functionName: spec.data.functionName, arguments: spec.data.arguments, returns: spec.data.returns, testCases } };
}

/** The bundle of an item version (its answer spec and stored test cases). */
export function bundleOfFields(fields: ItemFields): TestBundle {
  const spec = fields.answerSpec;
  return { functionName: spec.functionName, arguments: spec.arguments, returns: spec.returns, testCases: fields.testCases };
}

/** The verl ground truth of a bundle (what `reward_model.ground_truth` holds, before JSON encoding). */
export function toGroundTruth(bundle: TestBundle): GroundTruth {
  return {
    function_name: bundle.functionName,
    arguments: bundle.arguments,
    returns: bundle.returns,
    test_cases: bundle.testCases.map((tc) => ({ inputs: tc.inputs, expected: tc.expected as TestValue, tolerance: tc.tolerance })),
  };
}

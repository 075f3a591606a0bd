// A graded response: every test case's verdict from the sandbox's run of the response's code, by the rules
// of compare.ts. Pure. `score` is 1 only when every case passes (PRODUCT.md's rule); casesPassed/casesTotal
// are reported beside it.
import type { TestValue } from "../items/test-values";
import type { Isolation, PyValue, RunResult } from "../sandbox/types";
import { gradeCall } from "./compare";
import type { TestBundle } from "./test-bundle";

export type CaseResult = {
  index: number;
  inputs: Record<string, TestValue>;
  expected: TestValue | null;
  got: PyValue | null;
  passed: boolean;
  error: string | null;
};

export type GradeResult = {
  passed: boolean;
  score: number;
  casesPassed: number;
  casesTotal: number;
  cases: CaseResult[];
  /** The code that ran (the response's last python block), or null when it has none. */
  code: string | null;
  functionName: string;
  isolation: Isolation | null;
  ms: number;
};

/** Why every case fails when a response has no code to run (the Python module says the same). */
export const NO_PYTHON_BLOCK = "the response has no ```python block";

export function gradeRun(bundle: TestBundle, code: string | null, run: RunResult | null, ms: number): GradeResult {
  const cases = bundle.testCases.map((tc, index): CaseResult => {
    const base = { index, inputs: tc.inputs, expected: tc.expected };
    if (code === null || !run) return { ...base, got: null, passed: false, error: NO_PYTHON_BLOCK };
    const result = run.results[index];
    const verdict = gradeCall(result, tc.expected, bundle.returns, tc.tolerance);
    return { ...base, got: result && "output" in result ? result.output : null, passed: verdict.pass, error: verdict.reason };
  });
  const casesPassed = cases.filter((c) => c.passed).length;
  const passed = cases.length > 0 && casesPassed === cases.length;
  return {
    passed,
    score: passed ? 1 : 0,
    casesPassed,
    casesTotal: cases.length,
    cases,
    code,
    functionName: bundle.functionName,
    isolation: run?.isolation ?? null,
    ms: Math.round(ms * 10) / 10,
  };
}

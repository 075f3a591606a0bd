import "server-only";
// Grade one model response against a test bundle: its last python block runs in the warm sandbox pool as one
// job (every test case in it, so a response costs one fork), under the sandbox's limits, then compare.ts
// decides each case. A sandbox that cannot run anything is the server's problem, not the response's: 503,
// never a failed grade that a training run would learn from.
import { AppError } from "../errors";
import { runCode } from "../sandbox/run-code";
import type { SandboxLimits } from "../sandbox/types";
import { lastPythonBlock } from "./compare";
import { gradeRun, type GradeResult } from "./grade-run";
import type { TestBundle } from "./test-bundle";

export type GradeOptions = { limits?: Partial<SandboxLimits> };

export async function gradeResponse(bundle: TestBundle, response: string, options: GradeOptions = {}): Promise<GradeResult> {
  const started = performance.now();
  const code = lastPythonBlock(response);
  if (code === null) return gradeRun(bundle, null, null, performance.now() - started);
  const run = await runCode({ code, functionName: bundle.functionName, calls: bundle.testCases.map((tc) => tc.inputs), limits: options.limits });
  if (run.unavailable) throw new AppError("UNAVAILABLE", `Grading is unavailable: ${run.error ?? "the Python sandbox cannot run code"}.`, undefined, { retryAfter: 5 });
  return gradeRun(bundle, code, run, performance.now() - started);
}

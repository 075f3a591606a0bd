// The reference code runs on every test case within the limits (and says which isolation ran it).
import { isolationLabel } from "../isolation-label";
import { missingOutputs } from "../missing-outputs";
import { fail, notRun, pass, type Check, type CheckContext, type Finding } from "../types";

function isolationNote(ctx: CheckContext): string {
  return `sandbox: ${isolationLabel(ctx.run?.isolation ?? null)}`;
}

export const referenceRuns: Check = {
  id: "reference-runs",
  title: "Reference code runs",
  blocking: true,
  run: (ctx) => {
    const { run, fields } = ctx;
    if (!run) return [notRun(missingOutputs(ctx) ?? "the reference code was not run", { field: "referenceCode" })];
    if (run.unavailable) return [fail(run.error ?? "The Python runtime is missing.", { field: "referenceCode" })];
    const findings: Finding[] = [];
    if (run.error && run.results.every((r) => "error" in r && r.error === run.error)) {
      return [fail(`${run.error} (${isolationNote(ctx)})`, { field: "referenceCode", line: Number(/line (\d+)/.exec(run.error)?.[1]) || null })];
    }
    run.results.forEach((r, i) => {
      if ("error" in r) findings.push(fail(`Test case ${i + 1}: ${r.error}`, { field: `testCases.${i}` }));
    });
    const slowest = Math.max(0, ...run.results.map((r) => r.ms ?? 0));
    return findings.length ? findings : [pass(`Ran ${fields.testCases.length} case${fields.testCases.length === 1 ? "" : "s"}, slowest ${slowest.toFixed(1)} ms (${isolationNote(ctx)}).`)];
  },
};

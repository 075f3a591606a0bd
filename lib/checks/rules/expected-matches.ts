// The stored expected outputs equal what the reference code computes now (catches code edited without
// refreshing the table).
import { gradeCall } from "../../grading/compare";
import { missingOutputs } from "../missing-outputs";
import { fail, notRun, pass, type Check, type Finding } from "../types";

export const expectedMatches: Check = {
  id: "expected-matches",
  title: "Expected outputs match the code",
  blocking: true,
  run: (ctx) => {
    const missing = missingOutputs(ctx);
    if (missing || !ctx.run) return [notRun(missing ?? "no outputs")];
    const { run, fields } = ctx;
    const findings: Finding[] = [];
    fields.testCases.forEach((tc, i) => {
      const r = run.results[i];
      if (!r || "error" in r) return; // reported by "reference code runs"
      if (tc.expected === null) return findings.push(fail(`Test case ${i + 1} has no expected output: use “Compute expected”.`, { field: `testCases.${i}.expected` }));
      const verdict = gradeCall(r, tc.expected, fields.answerSpec.returns, tc.tolerance);
      if (!verdict.pass) findings.push(fail(`Test case ${i + 1}: the code now gives ${verdict.reason}. Recompute the expected outputs if the code is right.`, { field: `testCases.${i}.expected` }));
    });
    return findings.length ? findings : [pass("Every stored expected output is what the code computes.")];
  },
};

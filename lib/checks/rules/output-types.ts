// Every output of the reference code is finite and of the answer spec's declared return type.
import { returnTypeProblem } from "../../grading/compare";
import { missingOutputs } from "../missing-outputs";
import { fail, notRun, pass, type Check, type Finding } from "../types";

export const outputTypes: Check = {
  id: "output-types",
  title: "Outputs have the declared type",
  blocking: true,
  run: (ctx) => {
    const missing = missingOutputs(ctx);
    if (missing || !ctx.run) return [notRun(missing ?? "no outputs")];
    const { run, fields } = ctx;
    const findings: Finding[] = [];
    run.results.forEach((r, i) => {
      if (!("output" in r)) return;
      const problem = returnTypeProblem(r.output, fields.answerSpec.returns);
      if (problem) findings.push(fail(`Test case ${i + 1}: ${problem}.`, { field: `testCases.${i}` }));
    });
    return findings.length ? findings : [pass("Every output is finite and of the declared type.")];
  },
};

// Every output of the reference code is finite and of the answer spec's declared return type.
import { returnTypeProblem } from "../../grading/compare";
import { fail, pass, skip, type Check, type Finding } from "../types";

export const outputTypes: Check = {
  id: "output-types",
  title: "Outputs have the declared type",
  blocking: true,
  run: ({ run, fields }) => {
    if (!run || run.unavailable) return [skip("Needs the reference code to run.")];
    const findings: Finding[] = [];
    run.results.forEach((r, i) => {
      if (!("output" in r)) return;
      const problem = returnTypeProblem(r.output, fields.answerSpec.returns);
      if (problem) findings.push(fail(`Test case ${i + 1}: ${problem}.`, { field: `testCases.${i}` }));
    });
    return findings.length ? findings : [pass("Every output is finite and of the declared type.")];
  },
};

// Every LaTeX field renders: errors (KaTeX's, and environments or \left/\right that do not pair up) are
// located at their line and column.
import { renderField } from "../../latex/render-field";
import { fail, pass, type Check, type Finding } from "../types";

const FIELDS = [["statement", "Statement", false], ["solution", "Solution", false], ["finalAnswer", "Final answer", true]] as const;

export const latexRenders: Check = {
  id: "latex-renders",
  title: "LaTeX renders",
  blocking: true,
  run: ({ fields, macros }) => {
    const findings: Finding[] = [];
    for (const [key, label, math] of FIELDS) {
      const { errors } = renderField(fields[key], { macros, math });
      for (const e of errors) {
        findings.push(fail(`${label}, line ${e.line}, column ${e.column}: ${e.message}`, { field: key, line: e.line, column: e.column }));
      }
    }
    return findings.length ? findings : [pass("The statement, solution and final answer render.")];
  },
};

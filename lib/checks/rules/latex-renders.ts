// Every LaTeX field renders: errors are located at their line and column — the renderer's, and the
// environments or \left/\right that do not pair up, which it would print as text (validate-structure.ts).
import { renderLatexText } from "../../latex/render-latex";
import { isBareMath, renderMathField } from "../../latex/render-math-field";
import { withStructureErrors } from "../../latex/validate-structure";
import { fail, pass, type Check, type Finding } from "../types";

const FIELDS = [["statement", "Statement", false], ["solution", "Solution", false], ["finalAnswer", "Final answer", true]] as const;

export const latexRenders: Check = {
  id: "latex-renders",
  title: "LaTeX renders",
  blocking: true,
  run: ({ fields, macros }) => {
    const findings: Finding[] = [];
    for (const [key, label, math] of FIELDS) {
      const { errors } = (math ? renderMathField : renderLatexText)(fields[key], { macros });
      for (const e of withStructureErrors(fields[key], errors, { math: math && isBareMath(fields[key]) })) {
        findings.push(fail(`${label}, line ${e.line}, column ${e.column}: ${e.message}`, { field: key, line: e.line, column: e.column }));
      }
    }
    return findings.length ? findings : [pass("The statement, solution and final answer render.")];
  },
};

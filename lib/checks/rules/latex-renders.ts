// Every LaTeX field renders: errors are located at their line and column — the renderer's (rendered off the
// event loop with a time budget: a field too complex to render fails here, at the place it had reached), and
// the environments or \left/\right that do not pair up, which it would print as text (validate-structure.ts).
import { isBareMath } from "../../latex/render-math-field";
import { withStructureErrors } from "../../latex/validate-structure";
import { LATEX_CHECKED } from "../text-facts";
import { fail, pass, type Check, type Finding } from "../types";

export const latexRenders: Check = {
  id: "latex-renders",
  title: "LaTeX renders",
  blocking: true,
  run: ({ fields, latex }) => {
    const findings: Finding[] = [];
    for (const [key, label, math] of LATEX_CHECKED) {
      for (const e of withStructureErrors(fields[key], latex[key], { math: math && isBareMath(fields[key]) })) {
        findings.push(fail(`${label}, line ${e.line}, column ${e.column}: ${e.message}`, { field: key, line: e.line, column: e.column }));
      }
    }
    return findings.length ? findings : [pass("The statement, solution and final answer render.")];
  },
};

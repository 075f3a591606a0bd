// The worked solution arrives at the final answer: some formula the solution states (its displays first,
// then inline formulas, from the end) equals the final answer up to equivalence (lib/equivalence, compared in a
// worker thread before the checks run: text-facts.ts; "cannot decide" past its time budget). A warning, as a
// reviewer would remark on it: the checker reads most physics notation but not all.
import { mathSegments, type MathSegment } from "../../latex/math-segments";
import { fail, notRun, pass, skip, type Check } from "../types";
import { compactLatex } from "./answer-not-leaked";

/** Compared at most this many formulas (the last ones: a solution ends with its result), each at most so long. */
const MAX_COMPARED = 12;
export const MAX_FORMULA_CHARS = 600;

/** The formulas worth comparing, most likely first: displays from the end, then inline ones from the end. */
export function candidateResults(solution: string): MathSegment[] {
  const segments = mathSegments(solution).filter((s) => /[=\w\\]/.test(s.tex) && s.tex.length <= MAX_FORMULA_CHARS);
  const displays = segments.filter((s) => s.display).reverse();
  const inline = segments.filter((s) => !s.display).reverse();
  return [...displays, ...inline].slice(0, MAX_COMPARED);
}

export const solutionReachesAnswer: Check = {
  id: "solution-reaches-answer",
  title: "Solution reaches the final answer",
  blocking: false,
  run: ({ fields, reach }) => {
    if (!fields.finalAnswer.trim()) return [notRun("there is no final answer yet", { field: "finalAnswer" })];
    if (!fields.solution.trim()) return [notRun("there is no solution yet", { field: "solution" })];
    if (fields.finalAnswer.length > MAX_FORMULA_CHARS) return [skip("Not compared: the final answer is too long to look for in the solution.")];
    const candidates = candidateResults(fields.solution);
    // The answer written out as it stands (its right-hand side, say) needs no equivalence checker.
    const rhsOf = (tex: string) => {
      const compact = compactLatex(tex);
      return compact.slice(compact.lastIndexOf("=") + 1);
    };
    const rhs = rhsOf(fields.finalAnswer);
    const verbatim = rhs && candidates.find((c) => rhsOf(c.tex) === rhs);
    if (verbatim) return [pass(`The solution reaches the final answer (line ${verbatim.line}).`)];
    if (!reach) return [skip("Not compared.")];
    if ("undecided" in reach) return [fail(`Cannot decide: ${reach.undecided}.`, { field: "solution" })];
    if (!reach.readable.ok) return [skip(`Not compared: the answer checker cannot read the final answer (${reach.readable.reason}).`)];
    if (candidates.length === 0) return [fail("The solution states no formula: end it with the result it reaches.", { field: "solution" })];
    const match = reach.match === null ? undefined : candidates[reach.match];
    if (match) return [pass(`The solution reaches the final answer (line ${match.line}).`)];
    const what = candidates.length === 1 ? "The solution's one formula does not equal" : `None of the solution's last ${candidates.length} formulas equals`;
    return [fail(`${what} the final answer (compared up to equivalence): state the result the solution reaches, or correct the final answer.`, { field: "solution" })];
  },
};

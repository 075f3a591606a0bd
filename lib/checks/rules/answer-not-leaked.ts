// The final answer is not given away verbatim in the statement.
import { fail, notRun, pass, type Check } from "../types";

/** Compact form for comparison: no delimiters, \boxed, spacing commands or whitespace. */
export function compactLatex(text: string): string {
  return text
    .replace(/\\boxed\s*\{([\s\S]*)\}/g, "$1")
    .replace(/\\[,;:!]|\\quad|\\qquad|\\left|\\right|\\displaystyle/g, "")
    .replace(/\\[[\]()]|\$/g, "")
    .replace(/\\dfrac|\\tfrac/g, "\\frac")
    .replace(/\s+/g, "");
}

const MIN_LEAK = 6;

export const answerNotLeaked: Check = {
  id: "answer-not-leaked",
  title: "Answer not in the statement",
  blocking: true,
  run: ({ fields }) => {
    const answer = compactLatex(fields.finalAnswer);
    if (!answer) return [notRun("there is no final answer yet", { field: "finalAnswer" })];
    const statement = compactLatex(fields.statement);
    // The whole answer, or its right-hand side (what the quantity equals), must not appear.
    const rhs = answer.includes("=") ? answer.slice(answer.lastIndexOf("=") + 1) : answer;
    const leaked = [answer, rhs].find((part) => part.length >= MIN_LEAK && statement.includes(part));
    return leaked ? [fail(`The statement contains the answer (“${leaked.slice(0, 60)}”).`, { field: "statement" })] : [pass("The statement does not give the answer away.")];
  },
};

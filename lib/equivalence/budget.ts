// The checker's own limits, so that no input can hold the thread: a time budget checked in every loop that
// grows with the input (sample points, sums, quadrature nodes, list matching, set grids), and caps on the
// size of what it reads. Past any of them the verdict is "cannot decide", with the limit named.
import { UnsupportedError } from "./types";

/** Default time budget of one decision; a worker running the checker may set a shorter one. */
export const DEFAULT_BUDGET_MS = 2000;
/** At most this many characters in one answer (the API allows 20,000). */
export const MAX_LATEX_LENGTH = 20_000;
/** At most this deep nesting of groups (`{`, `(`, `[`, `\left`): physics answers stay far below. */
export const MAX_NESTING = 60;
/** At most this many elements in one list, set or matrix. */
export const MAX_ELEMENTS = 200;

export class BudgetError extends UnsupportedError {}

export type Budget = { check: () => void };

export const NO_BUDGET: Budget = { check: () => {} };

export function budgetOf(ms: number = DEFAULT_BUDGET_MS): Budget {
  const deadline = performance.now() + ms;
  return {
    check: () => {
      if (performance.now() > deadline) throw new BudgetError(`it took longer than ${ms} ms (too large or too slow)`);
    },
  };
}

/** The deepest nesting of groups in a LaTeX string (braces, brackets, parentheses, `\left`). */
export function nestingDepth(latex: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "{" || c === "(" || c === "[") max = Math.max(max, ++depth);
    else if ((c === "}" || c === ")" || c === "]") && depth > 0) depth--;
  }
  return max;
}

/** Refuses inputs past the caps before any parsing (a clean "cannot decide", never a stack overflow). */
export function checkSize(latex: string): void {
  if (latex.length > MAX_LATEX_LENGTH) throw new UnsupportedError(`the answer is too long (${latex.length} characters; at most ${MAX_LATEX_LENGTH})`);
  const depth = nestingDepth(latex);
  if (depth > MAX_NESTING) throw new UnsupportedError(`the answer is nested too deeply (${depth} levels; at most ${MAX_NESTING})`);
  // Lists and matrices past the cap are refused again after parsing; this spares parsing a 2,000-element list.
  const separators = (latex.match(/,|&|\\\\/g) ?? []).length;
  if (separators > 5 * MAX_ELEMENTS) throw new UnsupportedError(`too large: ${separators} separators (lists and matrices have at most ${MAX_ELEMENTS} elements)`);
}

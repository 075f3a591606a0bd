// The grading semantics of PRODUCT.md, in one place: review-time checks and the grading API both use it.
// Numbers match when |a − b| ≤ abs + rel·|b|; complex component-wise; tuples element-wise with equal
// length; strings equal after trimming (and among the options where given); bools exactly; NaN, ±inf,
// an exception or a timeout fail. Pure.
import type { Returns, ValueType } from "../items/answer-spec";
import { returnElements, type TestValue, type Tolerance } from "../items/test-values";
import type { CallResult, PyValue } from "../sandbox/types";

export type CaseVerdict = { pass: boolean; reason: string | null };
type Element = { type: ValueType; options?: string[] };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function describe(v: PyValue | TestValue | undefined): string {
  if (isObj(v) && "$float" in v) return String(v.$float);
  if (isObj(v) && "$repr" in v) return String(v.$repr);
  if (isObj(v) && "re" in v) return `${describe(v.re as PyValue)}${Number(v.im) < 0 ? "" : "+"}${describe(v.im as PyValue)}j`;
  return JSON.stringify(v) ?? String(v);
}

function closeEnough(a: number, b: number, tol: Tolerance): boolean {
  return Math.abs(a - b) <= tol.abs + tol.rel * Math.abs(b);
}

/** A finite real number from Python's JSON, or null (NaN, inf, non-numbers; bools are not numbers here). */
function finite(v: PyValue | TestValue | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function complexParts(v: PyValue | TestValue | undefined): [number, number] | null {
  if (typeof v === "number") return Number.isFinite(v) ? [v, 0] : null;
  if (isObj(v) && "re" in v && "im" in v) {
    const re = finite(v.re as PyValue);
    const im = finite(v.im as PyValue);
    return re === null || im === null ? null : [re, im];
  }
  return null;
}

/** The finite numbers of a value as [re, im] pairs (tuples flattened), or null when any part is not one. */
export function numericParts(v: PyValue | TestValue | undefined): [number, number][] | null {
  if (Array.isArray(v)) {
    const parts = v.map((x) => numericParts(x as PyValue));
    return parts.some((p) => p === null) ? null : (parts as [number, number][][]).flat();
  }
  const c = complexParts(v);
  return c ? [c] : null;
}

/** Numbers agree component-wise within the tolerance. */
export function numbersAgree(a: [number, number][], b: [number, number][], tol: Tolerance): boolean {
  return a.length === b.length && a.every(([re, im], i) => closeEnough(re, b[i][0], tol) && closeEnough(im, b[i][1], tol));
}

/** Null when `actual` is a well-formed value of the element type (finite, in the options), else why not. */
export function typeProblem(actual: PyValue | undefined, element: Element): string | null {
  switch (element.type) {
    case "float":
    case "int":
      if (typeof actual === "boolean") return `returned a bool (${actual}), expected ${element.type}`;
      if (isObj(actual) && "$float" in actual) return `returned ${actual.$float}, which is not finite`;
      if (finite(actual) === null) return `returned ${describe(actual)}, expected ${element.type}`;
      if (element.type === "int" && !Number.isInteger(actual)) return `returned ${describe(actual)}, expected an integer`;
      return null;
    case "complex":
      return complexParts(actual) ? null : `returned ${describe(actual)}, expected a finite complex number`;
    case "bool":
      return typeof actual === "boolean" ? null : `returned ${describe(actual)}, expected a bool`;
    case "str":
      if (typeof actual !== "string") return `returned ${describe(actual)}, expected a str`;
      return element.options && !element.options.includes(actual.trim()) ? `returned ${JSON.stringify(actual)}, not one of the options` : null;
  }
}

/** Null when the output has the declared return shape and type, else why not. */
export function returnTypeProblem(actual: PyValue | undefined, returns: Returns): string | null {
  const elements = returnElements(returns);
  if (returns.type !== "tuple") return typeProblem(actual, elements[0]);
  if (!Array.isArray(actual)) return `returned ${describe(actual)}, expected a tuple of ${elements.length}`;
  if (actual.length !== elements.length) return `returned ${actual.length} values, expected ${elements.length}`;
  for (let i = 0; i < elements.length; i++) {
    const p = typeProblem(actual[i], elements[i]);
    if (p) return `element ${i}: ${p}`;
  }
  return null;
}

function compareElement(actual: PyValue | undefined, expected: TestValue, element: Element, tol: Tolerance): string | null {
  const problem = typeProblem(actual, element);
  if (problem) return problem;
  switch (element.type) {
    case "float":
    case "int": {
      const b = complexParts(expected);
      if (!b || b[1] !== 0) return `the expected value ${describe(expected)} is not a real number`;
      return closeEnough(actual as number, b[0], tol) ? null : `${describe(actual)} ≠ ${describe(expected)} (tolerance abs ${tol.abs}, rel ${tol.rel})`;
    }
    case "complex": {
      const a = complexParts(actual)!;
      const b = complexParts(expected);
      if (!b) return `the expected value ${describe(expected)} is not a complex number`;
      return closeEnough(a[0], b[0], tol) && closeEnough(a[1], b[1], tol) ? null : `${describe(actual)} ≠ ${describe(expected)} (component-wise, abs ${tol.abs}, rel ${tol.rel})`;
    }
    case "bool":
      return actual === expected ? null : `${describe(actual)} ≠ ${describe(expected)}`;
    case "str":
      return typeof expected === "string" && (actual as string).trim() === expected.trim() ? null : `${describe(actual)} ≠ ${describe(expected)}`;
  }
}

/** Compare one output with one expected value under the return spec. */
export function compareOutput(actual: PyValue | undefined, expected: TestValue, returns: Returns, tol: Tolerance): CaseVerdict {
  const elements = returnElements(returns);
  if (returns.type !== "tuple") {
    const reason = compareElement(actual, expected, elements[0], tol);
    return { pass: reason === null, reason };
  }
  if (!Array.isArray(actual)) return { pass: false, reason: `returned ${describe(actual)}, expected a tuple of ${elements.length}` };
  if (!Array.isArray(expected) || expected.length !== elements.length) return { pass: false, reason: `the expected value is not a tuple of ${elements.length}` };
  if (actual.length !== expected.length) return { pass: false, reason: `returned ${actual.length} values, expected ${expected.length}` };
  for (let i = 0; i < elements.length; i++) {
    const reason = compareElement(actual[i], expected[i], elements[i], tol);
    if (reason) return { pass: false, reason: `element ${i}: ${reason}` };
  }
  return { pass: true, reason: null };
}

/** Grade one sandbox call result (an exception or timeout fails). */
export function gradeCall(result: CallResult | undefined, expected: TestValue | null, returns: Returns, tol: Tolerance): CaseVerdict {
  if (!result) return { pass: false, reason: "not run" };
  if ("error" in result) return { pass: false, reason: result.error };
  if (expected === null) return { pass: false, reason: "no expected output stored" };
  return compareOutput(result.output, expected, returns, tol);
}

// A response's code: its last ```python (or ```py) fenced block, or \begin{python}…\end{python} environment,
// whichever starts last. The Python reward module (lib/grading/python/fieldwork_reward.py) uses the same two
// patterns; the character classes are spelled out so both languages read them alike.
const FENCED = /```(?:python|py)[ \t\r\f\v]*\n([\s\S]*?)```/g;
const LATEX_ENV = /\\begin\{python\}([\s\S]*?)\\end\{python\}/g;

/** The code of the last python block of a model response, or null. */
export function lastPythonBlock(response: string): string | null {
  let last: { at: number; code: string } | null = null;
  for (const pattern of [FENCED, LATEX_ENV]) {
    for (const m of response.matchAll(pattern)) if (!last || m.index > last.at) last = { at: m.index, code: m[1] };
  }
  return last ? last.code : null;
}

// Test-case values: how they are stored (JSON), typed into the editor's table (text), and checked
// against the answer spec. Pure; shared by the save API and the editor.
import type { AnswerSpec, Returns, ValueType } from "./answer-spec";
import { evaluateNumber, expressionGives } from "./number-expression";

export type Complex = { re: number; im: number };
export type TestValue = number | boolean | string | Complex | TestValue[];
export type Tolerance = { abs: number; rel: number };
/**
 * What the author typed where it was an expression (`pi/2`), kept for display beside the stored numbers:
 * inputs by argument name, expected outputs by element (null where a plain value was typed).
 */
export type TypedText = { inputs?: Record<string, string>; expected?: (string | null)[] };
export type TestCase = { inputs: Record<string, TestValue>; expected: TestValue | null; tolerance: Tolerance; display?: TypedText };

export const DEFAULT_TOLERANCE: Tolerance = { abs: 1e-6, rel: 1e-6 };

/** A parsed cell; `expression` is the typed text when it was more than a plain literal (kept for display). */
type Parsed = { ok: true; value: TestValue; expression?: string } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Python-style complex literals: `2`, `2j`, `-1.5e-3j`, `1+2j`, `(1-2j)`. */
export function parseComplex(text: string): Complex | null {
  let t = text.replace(/\s+/g, "");
  if (t.startsWith("(") && t.endsWith(")")) t = t.slice(1, -1);
  if (!t) return null;
  if (!/[jJ]$/.test(t)) {
    const re = parseNumber(t);
    return re === null ? null : { re, im: 0 };
  }
  const body = t.slice(0, -1);
  // The sign that separates real and imaginary parts: the last + or - not at the start and not in an exponent.
  let split = -1;
  for (let i = body.length - 1; i > 0; i--) {
    if ((body[i] === "+" || body[i] === "-") && !/[eE]/.test(body[i - 1])) {
      split = i;
      break;
    }
  }
  const reText = split > 0 ? body.slice(0, split) : "0";
  let imText = split > 0 ? body.slice(split) : body;
  if (imText === "" || imText === "+" || imText === "-") imText = `${imText}1`;
  const re = parseNumber(reText);
  const im = parseNumber(imText);
  return re === null || im === null ? null : { re, im };
}

export function formatComplex(c: Complex): string {
  if (c.im === 0) return String(c.re);
  const im = `${Math.abs(c.im)}j`;
  if (c.re === 0) return c.im < 0 ? `-${im}` : im;
  return `${c.re}${c.im < 0 ? "-" : "+"}${im}`;
}

export function isComplex(v: unknown): v is Complex {
  return !!v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 2 &&
    typeof (v as Complex).re === "number" && typeof (v as Complex).im === "number" &&
    Number.isFinite((v as Complex).re) && Number.isFinite((v as Complex).im);
}

/** Parse one table cell typed by the annotator. */
export function parseCell(text: string, type: ValueType, options?: string[]): Parsed {
  switch (type) {
    case "float": {
      const n = evaluateNumber(text);
      if (!n.ok) return { ok: false, message: n.message };
      return n.isExpression ? { ok: true, value: n.value, expression: text.trim() } : { ok: true, value: n.value };
    }
    case "int": {
      const t = text.trim();
      const n = Number(t);
      return INTEGER.test(t) && Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, message: `"${t}" is not an integer.` };
    }
    case "complex": {
      const c = parseComplex(text);
      if (c) return { ok: true, value: c };
      const real = evaluateNumber(text); // a real expression (pi/2) is a complex number too
      if (real.ok) return { ok: true, value: { re: real.value, im: 0 }, expression: text.trim() };
      return { ok: false, message: `"${text.trim()}" is not a complex number (write e.g. 1.5-2j, or a real expression like pi/2).` };
    }
    case "bool": {
      const t = text.trim().toLowerCase();
      return t === "true" || t === "false" ? { ok: true, value: t === "true" } : { ok: false, message: "Write true or false." };
    }
    case "str":
      if (options && !options.includes(text.trim())) return { ok: false, message: `Must be one of ${options.map((o) => JSON.stringify(o)).join(", ")}.` };
      return { ok: true, value: text };
  }
}

/** The text shown in a table cell for a stored value: the typed expression when one was kept and still gives it. */
export function formatCell(value: TestValue | null | undefined, type: ValueType, typed?: string | null): string {
  if (value === null || value === undefined) return "";
  if (typed && typedGives(typed, value)) return typed;
  if (type === "complex" && isComplex(value)) return formatComplex(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Whether a kept expression stands for this stored value (a real number, or a complex one with no imaginary part). */
function typedGives(typed: string, value: TestValue): boolean {
  if (typeof value === "number") return expressionGives(typed, value);
  return isComplex(value) && value.im === 0 && expressionGives(typed, value.re);
}

/** Null when `value` is a valid stored value of `type`, else why not. */
export function valueProblem(value: unknown, type: ValueType, options?: string[]): string | null {
  switch (type) {
    case "float":
      return typeof value === "number" && Number.isFinite(value) ? null : "Expected a finite number.";
    case "int":
      return typeof value === "number" && Number.isSafeInteger(value) ? null : "Expected an integer.";
    case "complex":
      return isComplex(value) || (typeof value === "number" && Number.isFinite(value)) ? null : 'Expected a complex number {"re", "im"}.';
    case "bool":
      return typeof value === "boolean" ? null : "Expected true or false.";
    case "str":
      if (typeof value !== "string") return "Expected a string.";
      return options && !options.includes(value.trim()) ? `Must be one of ${options.map((o) => JSON.stringify(o)).join(", ")}.` : null;
  }
}

/** The types of the expected output, one per element (a single element unless the return is a tuple). */
export function returnElements(returns: Returns): { type: ValueType; options?: string[] }[] {
  if (returns.type === "tuple") return returns.items ?? [];
  return [{ type: returns.type, options: returns.options }];
}

/** Problems of stored test cases against the spec, with paths relative to the test-case list. */
export function testCaseProblems(cases: TestCase[], spec: AnswerSpec): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const args = new Map(spec.arguments.filter((a) => a.name).map((a) => [a.name, a]));
  const elements = returnElements(spec.returns);
  cases.forEach((tc, row) => {
    problems.push(...typedTextProblems(tc).map((p) => ({ ...p, path: [row, ...p.path] })));
    for (const [name, value] of Object.entries(tc.inputs)) {
      const arg = args.get(name);
      if (!arg) {
        problems.push({ path: [row, "inputs", name], message: `"${name}" is not an argument of the answer spec.` });
        continue;
      }
      const problem = valueProblem(value, arg.type, arg.options);
      if (problem) problems.push({ path: [row, "inputs", name], message: problem });
    }
    if (tc.expected === null) return;
    if (spec.returns.type === "tuple") {
      if (!Array.isArray(tc.expected) || tc.expected.length !== elements.length) {
        problems.push({ path: [row, "expected"], message: `Expected a tuple of ${elements.length} values.` });
        return;
      }
      (tc.expected as unknown[]).forEach((v, i) => {
        const problem = valueProblem(v, elements[i].type, elements[i].options);
        if (problem) problems.push({ path: [row, "expected", i], message: problem });
      });
    } else {
      const problem = valueProblem(tc.expected, elements[0].type, elements[0].options);
      if (problem) problems.push({ path: [row, "expected"], message: problem });
    }
  });
  return problems;
}

/** A kept expression must be for a value that is there, and give it (so what is shown is what is graded). */
function typedTextProblems(tc: TestCase): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const [name, text] of Object.entries(tc.display?.inputs ?? {})) {
    const value = tc.inputs[name];
    if (value === undefined || !typedGives(text, value)) problems.push({ path: ["display", "inputs", name], message: `The typed “${text}” does not give the stored input of ${name}.` });
  }
  const expected = tc.expected === null ? [] : Array.isArray(tc.expected) ? tc.expected : [tc.expected];
  (tc.display?.expected ?? []).forEach((text, i) => {
    if (text !== null && (expected[i] === undefined || !typedGives(text, expected[i]))) {
      problems.push({ path: ["display", "expected", i], message: `The typed “${text}” does not give the stored expected output.` });
    }
  });
  return problems;
}

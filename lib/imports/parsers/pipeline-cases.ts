// The `test` block of a pipeline item: its cases as stored TestCases, each checked against the answer
// spec (a case that does not fit is dropped with the reason, never stored half-valid), and, when
// "Answer Requirements" cannot be read, a spec inferred from the block's own names and values.
import { MAX_TUPLE_ELEMENTS, type AnswerSpec, type Argument, type Returns, type ValueType } from "../../items/answer-spec";
import { DEFAULT_TOLERANCE, parseComplex, testCaseProblems, type Complex, type TestCase, type Tolerance } from "../../items/test-values";
import { checkSpec } from "./pipeline-spec";

export type TestBlock = { functionName: string | null; argumentNames: string[] | null; cases: unknown[] };
export type DroppedCase = { index: number; message: string };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
const INPUT_KEYS = ["input", "inputs", "args", "arguments"];
const EXPECTED_KEYS = ["expected_output", "output", "expected", "expected_outputs"];
const firstKey = (o: Obj, keys: string[]) => keys.find((k) => k in o);

export function readTestBlock(value: unknown): TestBlock | null {
  if (Array.isArray(value)) return { functionName: null, argumentNames: null, cases: value };
  if (!isObject(value)) return null;
  const cases = value.test_cases ?? value.cases ?? value.tests;
  const names = value.arguments ?? value.argument_names;
  return {
    functionName: typeof value.function_name === "string" ? value.function_name.trim() : null,
    argumentNames: Array.isArray(names) && names.every((n) => typeof n === "string") ? (names as string[]) : null,
    cases: Array.isArray(cases) ? cases : [],
  };
}

/** A complex number in any of the spellings pipelines use; `[re, im]` only where a complex is declared. */
export function toComplex(v: unknown, pairs: boolean): Complex | null {
  if (typeof v === "number") return { re: v, im: 0 };
  if (typeof v === "string") return parseComplex(v);
  if (pairs && Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "number")) return { re: v[0], im: v[1] };
  if (isObject(v) && Object.keys(v).length === 2) {
    const re = v.re ?? v.real;
    const im = v.im ?? v.imag;
    if (typeof re === "number" && typeof im === "number") return { re, im };
  }
  return null;
}

// Only complex values have alternative spellings; anything else is kept as is for valueProblem to judge.
function coerce(v: unknown, type: ValueType): unknown {
  return type === "complex" ? (toComplex(v, true) ?? v) : v;
}

function coerceExpected(v: unknown, returns: Returns): unknown {
  const items = returns.items ?? [];
  if (returns.type !== "tuple") return coerce(v, returns.type);
  return Array.isArray(v) && v.length === items.length ? v.map((x, i) => coerce(x, items[i].type)) : v;
}

// Tagged rather than { error } because an argument may well be called "error".
type Inputs = { ok: true; inputs: Obj } | { ok: false; error: string };

function rawInputs(entry: Obj, names: string[]): Inputs {
  const key = firstKey(entry, INPUT_KEYS);
  if (key === undefined) return { ok: false, error: `no input (looked for ${INPUT_KEYS.join(", ")})` };
  const v = entry[key];
  if (isObject(v)) return { ok: true, inputs: v };
  if (Array.isArray(v)) {
    if (v.length !== names.length) return { ok: false, error: `${v.length} input values for ${names.length} arguments (${names.join(", ")})` };
    return { ok: true, inputs: Object.fromEntries(names.map((n, i) => [n, v[i]])) };
  }
  if (names.length === 1) return { ok: true, inputs: { [names[0]]: v } };
  return { ok: false, error: "the input is neither an object keyed by argument name nor a list" };
}

function readTolerance(entry: Obj): Tolerance | { error: string } {
  const t = entry.tolerance;
  if (t === undefined || t === null) return { ...DEFAULT_TOLERANCE };
  const ok = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x >= 0;
  if (!isObject(t)) return { error: "the tolerance must be an object {abs, rel}" };
  const abs = t.abs ?? t.atol ?? DEFAULT_TOLERANCE.abs;
  const rel = t.rel ?? t.rtol ?? DEFAULT_TOLERANCE.rel;
  return ok(abs) && ok(rel) ? { abs: abs as number, rel: rel as number } : { error: "the tolerance's abs and rel must be numbers ≥ 0" };
}

function describe(p: { path: (string | number)[]; message: string }): string {
  const [, where, key] = p.path;
  if (where === "inputs") return `input "${key}": ${p.message}`;
  return key === undefined ? `expected output: ${p.message}` : `expected output[${key}]: ${p.message}`;
}

function convertCase(entry: unknown, names: string[], spec: AnswerSpec): TestCase | { error: string } {
  if (!isObject(entry)) return { error: "it is not an object" };
  const raw = rawInputs(entry, names);
  if (!raw.ok) return { error: raw.error };
  const tolerance = readTolerance(entry);
  if ("error" in tolerance) return tolerance;
  const types = new Map(spec.arguments.map((a) => [a.name, a.type]));
  const inputs = Object.fromEntries(Object.entries(raw.inputs).map(([k, v]) => [k, types.has(k) ? coerce(v, types.get(k)!) : v]));
  const expectedKey = firstKey(entry, EXPECTED_KEYS);
  const rawExpected = expectedKey === undefined ? null : entry[expectedKey];
  const tc = { inputs, expected: rawExpected === null ? null : coerceExpected(rawExpected, spec.returns), tolerance } as TestCase;
  const missing = spec.arguments.filter((a) => !(a.name in inputs)).map((a) => `input "${a.name}" is missing`);
  const problems = [...missing, ...testCaseProblems([tc], spec).map(describe)];
  return problems.length ? { error: problems.map((p) => p.replace(/\.$/, "")).join("; ") } : tc;
}

/** The cases that fit `spec`, and for each other one (1-based) why it was dropped. */
export function convertCases(block: TestBlock, spec: AnswerSpec): { cases: TestCase[]; dropped: DroppedCase[] } {
  const names = block.argumentNames ?? spec.arguments.map((a) => a.name);
  const cases: TestCase[] = [];
  const dropped: DroppedCase[] = [];
  block.cases.forEach((entry, i) => {
    const c = convertCase(entry, names, spec);
    if ("error" in c) dropped.push({ index: i + 1, message: c.error });
    else cases.push(c);
  });
  return { cases, dropped };
}

function looksComplex(v: unknown): boolean {
  if (typeof v === "string") return /[jJ]\)?\s*$/.test(v) && parseComplex(v) !== null;
  return isObject(v) && toComplex(v, false) !== null;
}

// Integral floats (2.0) arrive from JSON as 2, so an argument whose every value is integral reads as int.
function inferType(values: unknown[]): ValueType | null {
  const present = values.filter((v) => v !== undefined && v !== null);
  if (!present.length) return null;
  if (present.every((v) => typeof v === "boolean")) return "bool";
  if (present.every((v) => typeof v === "number")) return present.every((v) => Number.isSafeInteger(v)) ? "int" : "float";
  if (present.every((v) => typeof v === "string")) return present.every(looksComplex) ? "complex" : "str";
  if (present.every((v) => typeof v === "number" || looksComplex(v))) return "complex";
  return null;
}

function inferReturns(values: unknown[]): Returns | { error: string } {
  const present = values.filter((v) => v !== undefined && v !== null);
  const width = Array.isArray(present[0]) ? present[0].length : 0;
  if (width && present.every((v) => Array.isArray(v) && v.length === width)) {
    if (width > MAX_TUPLE_ELEMENTS) return { error: `expected outputs are lists of ${width} values, more than a tuple may have` };
    const types = Array.from({ length: width }, (_, i) => inferType(present.map((v) => (v as unknown[])[i])));
    if (types.some((t) => t === null)) return { error: "cannot tell the types of the expected tuple's elements" };
    return { type: "tuple", description: "", items: types.map((type) => ({ type: type! })) };
  }
  const type = inferType(present);
  return type ? { type, description: "" } : { error: "cannot tell the return type from the expected outputs" };
}

/** A spec from the test block alone: names from function_name/arguments, types from the values. */
export function specFromTestBlock(block: TestBlock): { spec: AnswerSpec } | { error: string } {
  if (!block.functionName) return { error: "the test block has no function_name" };
  const entries = block.cases.filter(isObject);
  const firstInput = entries.length ? entries[0][firstKey(entries[0], INPUT_KEYS) ?? ""] : undefined;
  const names = block.argumentNames ?? (isObject(firstInput) ? Object.keys(firstInput) : null);
  if (!names) return { error: "the test block names no arguments" };
  const inputs = entries.flatMap((e) => {
    const raw = rawInputs(e, names);
    return raw.ok ? [raw.inputs] : [];
  });
  const args: Argument[] = [];
  for (const name of names) {
    const type = inferType(inputs.map((i) => i[name]));
    if (!type) return { error: `cannot tell the type of argument "${name}" from the test values` };
    args.push({ name, type, description: "" });
  }
  const returns = inferReturns(entries.map((e) => e[firstKey(e, EXPECTED_KEYS) ?? ""]));
  if ("error" in returns) return returns;
  return checkSpec({ functionName: block.functionName, arguments: args, returns });
}

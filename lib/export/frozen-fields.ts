// The fields of a frozen revision snapshot, every object re-keyed in sorted order, in one pass: the export
// reads every item of a release for every file, and zod's parse of each snapshot (fieldsOf) was a sixth of its
// CPU time. Snapshots were validated when they were saved; this checks their structure cheaply, and any
// snapshot that is not exactly what a save writes goes through fieldsOf (tests check both paths agree).
import { MAX_ARGUMENTS, MAX_TUPLE_ELEMENTS, VALUE_TYPES, identifierProblem, type AnswerSpec } from "../items/answer-spec";
import { fieldsOf } from "../items/fields-of";
import type { ItemFields } from "../items/schemas";
import type { TestCase, TestValue } from "../items/test-values";
import { sortKeysDeep } from "./model/canonical-json";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const TYPES = new Set<string>(VALUE_TYPES);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.length <= 50 && v.every((s) => typeof s === "string" && s.trim() !== "" && s.length <= 200);
const name = (v: unknown) => typeof v === "string" && (v === "" || identifierProblem(v) === null);
const description = (v: unknown) => v === undefined || (typeof v === "string" && v.length <= 2000);

class Fallback extends Error {}
const need = (ok: boolean) => {
  if (!ok) throw new Fallback();
};

function value(v: unknown, depth = 0): TestValue {
  if (finite(v) || typeof v === "boolean") return v;
  if (typeof v === "string") return (need(v.length <= 10_000), v);
  if (Array.isArray(v)) return (need(v.length <= 20 && depth < 16), v.map((x) => value(x, depth + 1)));
  need(isObj(v) && Object.keys(v).length === 2 && finite(v.re) && finite(v.im));
  return { im: (v as { im: number }).im, re: (v as { re: number }).re };
}

function options(o: Obj, out: Obj, allowed: boolean): void {
  if (o.options === undefined) return;
  need(allowed && strings(o.options));
  const trimmed = (o.options as string[]).map((s) => s.trim());
  need(new Set(trimmed).size === trimmed.length);
  out.options = trimmed;
}

function spec(raw: unknown): AnswerSpec {
  need(isObj(raw) && name(raw.functionName) && Array.isArray(raw.arguments) && raw.arguments.length <= MAX_ARGUMENTS && isObj(raw.returns));
  const s = raw as Obj;
  const seen = new Set<string>();
  const args = (s.arguments as unknown[]).map((a) => {
    need(isObj(a) && name(a.name) && TYPES.has(a.type as string) && description(a.description));
    const arg = a as Obj;
    need(arg.name === "" || !seen.has(arg.name as string));
    seen.add(arg.name as string);
    const numeric = arg.type === "float" || arg.type === "int";
    need((arg.min === undefined && arg.max === undefined) || numeric);
    need(arg.min === undefined || arg.max === undefined || (arg.min as number) <= (arg.max as number));
    const out: Obj = { description: str(arg.description) };
    if (arg.max !== undefined) out.max = (need(finite(arg.max)), arg.max);
    if (arg.min !== undefined) out.min = (need(finite(arg.min)), arg.min);
    out.name = arg.name;
    options(arg, out, arg.type === "str");
    out.type = arg.type;
    return out;
  });
  const r = s.returns as Obj;
  need((TYPES.has(r.type as string) || r.type === "tuple") && description(r.description));
  const returns: Obj = { description: str(r.description) };
  if (r.items !== undefined) {
    need(r.type === "tuple" && Array.isArray(r.items) && r.items.length > 0 && r.items.length <= MAX_TUPLE_ELEMENTS);
    returns.items = (r.items as unknown[]).map((e) => {
      need(isObj(e) && TYPES.has((e as Obj).type as string));
      const out: Obj = {};
      options(e as Obj, out, (e as Obj).type === "str");
      out.type = (e as Obj).type;
      return out;
    });
  } else need(r.type !== "tuple");
  options(r, returns, r.type === "str");
  returns.type = r.type;
  return { arguments: args, functionName: s.functionName, returns } as unknown as AnswerSpec;
}

function testCases(raw: unknown): TestCase[] {
  need(Array.isArray(raw));
  return (raw as unknown[]).map((entry) => {
    need(isObj(entry) && isObj(entry.inputs) && isObj(entry.tolerance) && "expected" in entry);
    const tc = entry as Obj;
    const t = tc.tolerance as Obj;
    need(finite(t.abs) && finite(t.rel) && (t.abs as number) >= 0 && (t.rel as number) >= 0);
    const inputs: Obj = {};
    for (const k of Object.keys(tc.inputs as Obj).sort()) inputs[(need(k.length <= 100), k)] = value((tc.inputs as Obj)[k]);
    return { expected: tc.expected === null ? null : value(tc.expected), inputs, tolerance: { abs: t.abs, rel: t.rel } } as unknown as TestCase;
  });
}

const LEVELS = ["ADVANCED_UNDERGRADUATE", "GRADUATE", "RESEARCH"] as const;
const DIFFICULTIES = ["EASY", "MEDIUM", "HARD"] as const;
const SPLITS = ["TRAIN", "VAL", "TEST"] as const;
const DECLARATION_KEYS = ["functions", "positive", "real", "symbols"] as const; // sorted

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | null {
  if (v === null || v === undefined) return null;
  need(allowed.includes(v as T));
  return v as T;
}

const symbol = (x: unknown) => typeof x === "string" && x !== "" && x.length <= 100 && x.trim() === x;

/** The declarations re-keyed in sorted order (what sortKeysDeep gives: the lists themselves hold strings only). */
function declarations(raw: unknown): ItemFields["declarations"] {
  const decl = raw ?? {};
  need(isObj(decl));
  const d = decl as Obj;
  let n = 0;
  for (const k in d) {
    need((DECLARATION_KEYS as readonly string[]).includes(k));
    const v = d[k];
    need(Array.isArray(v) && v.length <= 100 && v.every(symbol));
    n++;
  }
  if (n === 0) return {} as ItemFields["declarations"];
  const out: Obj = {};
  for (const k of DECLARATION_KEYS) if (d[k] !== undefined) out[k] = d[k];
  return out as ItemFields["declarations"];
}

/** sortKeysDeep(fieldsOf(snapshot)) for what saves write, without zod. */
export function frozenFields(snapshot: Record<string, unknown>): ItemFields {
  try {
    const s = snapshot;
    const declared = declarations(s.declarations);
    return {
      statement: str(s.statement), description: str(s.description), solution: str(s.solution), finalAnswer: str(s.finalAnswer),
      referenceCode: str(s.referenceCode), answerSpec: spec(s.answerSpec), testCases: testCases(s.testCases), topic: str(s.topic),
      level: oneOf(s.level, LEVELS), difficulty: oneOf(s.difficulty, DIFFICULTIES), split: oneOf(s.split, SPLITS),
      sourceLocation: str(s.sourceLocation), license: str(s.license), declarations: declared,
    };
  } catch (e) {
    if (!(e instanceof Fallback)) throw e;
    const f = fieldsOf(snapshot);
    return { ...f, answerSpec: sortKeysDeep(f.answerSpec), testCases: sortKeysDeep(f.testCases), declarations: sortKeysDeep(f.declarations) };
  }
}

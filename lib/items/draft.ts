// The editor's working copy of an item. Test-case cells stay as typed text (so a half-typed "1e-" is
// never lost); they become typed values only when saving. Pure; the local browser draft stores this shape.
import { ZAnswerSpec, type AnswerSpec, type Argument } from "./answer-spec";
import { ITEM_FIELD_NAMES, itemPatchSchema, sameValue, type ItemFields, type ItemLimits, type ItemPatch } from "./schemas";
import { evaluateNumber } from "./number-expression";
import { DEFAULT_TOLERANCE, formatCell, parseCell, returnElements, type TestCase, type TestValue, type TypedText } from "./test-values";

/** One test-case row as typed: inputs aligned with the spec's arguments, expected with its elements. */
export type TestRow = { inputs: string[]; expected: string[]; abs: string; rel: string };
export type DraftFields = Omit<ItemFields, "testCases"> & { testRows: TestRow[] };
export type DraftKey = keyof DraftFields;
export type FieldIssue = { path: (string | number)[]; message: string };

export const DRAFT_KEYS = ITEM_FIELD_NAMES.map((f) => (f === "testCases" ? "testRows" : f)) as DraftKey[];

export function emptyRow(spec: AnswerSpec): TestRow {
  return {
    inputs: spec.arguments.map(() => ""),
    expected: returnElements(spec.returns).map(() => ""),
    abs: String(DEFAULT_TOLERANCE.abs),
    rel: String(DEFAULT_TOLERANCE.rel),
  };
}

export function draftFromFields(fields: ItemFields): DraftFields {
  const { testCases, ...rest } = fields;
  const elements = returnElements(fields.answerSpec.returns);
  const testRows = testCases.map((tc) => {
    const expected = tc.expected === null ? [] : fields.answerSpec.returns.type === "tuple" && Array.isArray(tc.expected) ? tc.expected : [tc.expected];
    return {
      inputs: fields.answerSpec.arguments.map((a) => formatCell(tc.inputs[a.name], a.type, tc.display?.inputs?.[a.name])),
      expected: elements.map((e, i) => formatCell(expected[i], e.type, tc.display?.expected?.[i])),
      abs: String(tc.tolerance.abs),
      rel: String(tc.tolerance.rel),
    };
  });
  return { ...rest, testRows };
}

function parseTolerance(text: string, fallback: number): number | null {
  if (text.trim() === "") return fallback;
  const n = evaluateNumber(text);
  return n.ok && n.value >= 0 ? n.value : null;
}

/** The expressions worth keeping for display, or nothing when every cell was a plain value. */
function typedText(inputs: Record<string, string>, expected: (string | null)[]): TypedText | undefined {
  const display: TypedText = {};
  if (Object.keys(inputs).length) display.inputs = inputs;
  if (expected.some((t) => t !== null)) display.expected = expected;
  return display.inputs || display.expected ? display : undefined;
}

/** Typed test cases from the rows, with every cell problem located (testCases.<row>.inputs.<name>, …). */
export function casesFromRows(rows: TestRow[], spec: AnswerSpec): { cases: TestCase[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const elements = returnElements(spec.returns);
  const cases = rows.map((row, r) => {
    const inputs: Record<string, TestValue> = {};
    const typedInputs: Record<string, string> = {};
    spec.arguments.forEach((arg: Argument, i) => {
      const text = row.inputs[i] ?? "";
      if (!arg.name || text.trim() === "") return; // incomplete, not wrong: the completeness check reports it
      const parsed = parseCell(text, arg.type, arg.options);
      if (!parsed.ok) return issues.push({ path: ["testCases", r, "inputs", arg.name], message: parsed.message });
      inputs[arg.name] = parsed.value;
      if (parsed.expression) typedInputs[arg.name] = parsed.expression;
    });
    const typedExpected: (string | null)[] = elements.map(() => null);
    let expected: TestValue | null = null;
    const texts = elements.map((_, i) => row.expected[i] ?? "");
    if (texts.some((t) => t.trim() !== "")) {
      const values = texts.map((t, i) => {
        if (t.trim() === "") {
          issues.push({ path: ["testCases", r, "expected", i], message: "Fill every element of the expected output, or none." });
          return null;
        }
        const parsed = parseCell(t, elements[i].type, elements[i].options);
        if (!parsed.ok) issues.push({ path: ["testCases", r, "expected", i], message: parsed.message });
        typedExpected[i] = parsed.ok && parsed.expression ? parsed.expression : null;
        return parsed.ok ? parsed.value : null;
      });
      expected = spec.returns.type === "tuple" ? (values as TestValue[]) : values[0];
    }
    const abs = parseTolerance(row.abs, DEFAULT_TOLERANCE.abs);
    const rel = parseTolerance(row.rel, DEFAULT_TOLERANCE.rel);
    if (abs === null) issues.push({ path: ["testCases", r, "tolerance", "abs"], message: "A tolerance is a number ≥ 0." });
    if (rel === null) issues.push({ path: ["testCases", r, "tolerance", "rel"], message: "A tolerance is a number ≥ 0." });
    const tc: TestCase = { inputs, expected, tolerance: { abs: abs ?? DEFAULT_TOLERANCE.abs, rel: rel ?? DEFAULT_TOLERANCE.rel } };
    const display = typedText(typedInputs, typedExpected);
    return display ? { ...tc, display } : tc;
  });
  return { cases, issues };
}

/** The fields to save, or the problems that must be fixed first (each with its field path). */
export function fieldsFromDraft(draft: DraftFields): { fields: ItemFields; issues: FieldIssue[] } {
  const { testRows, ...rest } = draft;
  const issues: FieldIssue[] = [];
  const spec = ZAnswerSpec.safeParse(draft.answerSpec);
  if (!spec.success) issues.push(...spec.error.issues.map((i) => ({ path: ["answerSpec", ...(i.path as (string | number)[])], message: i.message })));
  const { cases, issues: caseIssues } = casesFromRows(testRows, draft.answerSpec);
  issues.push(...caseIssues);
  return { fields: { ...rest, testCases: cases }, issues };
}

/**
 * The fields to save and everything that stops the save, as the server will judge it: cells and spec (as
 * above) and the limits, with the same schema the server uses — so an over-long field is reported where it is
 * typed and never sent to be refused.
 */
export function checkDraft(draft: DraftFields, limits: ItemLimits): { fields: ItemFields; issues: FieldIssue[] } {
  const { fields, issues } = fieldsFromDraft(draft);
  const parsed = itemPatchSchema(limits).safeParse(fields);
  if (!parsed.success) issues.push(...parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })));
  return { fields, issues };
}

/** The draft keys whose values differ. */
export function changedDraftKeys(a: DraftFields, b: DraftFields): DraftKey[] {
  return DRAFT_KEYS.filter((k) => !sameValue(a[k], b[k]));
}

/** Only what changed since the server's copy, as a save patch. */
export function patchBetween(server: ItemFields, next: ItemFields): ItemPatch {
  const patch: Record<string, unknown> = {};
  for (const f of ITEM_FIELD_NAMES) if (!sameValue(server[f], next[f])) patch[f] = next[f];
  return patch as ItemPatch;
}

// Spec edits that keep the test table aligned: rows follow their arguments when these are added,
// removed or moved, and the expected columns follow the return type.
export function addArgument(draft: DraftFields): DraftFields {
  const arg: Argument = { name: "", type: "float", description: "" };
  return {
    ...draft,
    answerSpec: { ...draft.answerSpec, arguments: [...draft.answerSpec.arguments, arg] },
    testRows: draft.testRows.map((r) => ({ ...r, inputs: [...r.inputs, ""] })),
  };
}

export function removeArgument(draft: DraftFields, index: number): DraftFields {
  return {
    ...draft,
    answerSpec: { ...draft.answerSpec, arguments: draft.answerSpec.arguments.filter((_, i) => i !== index) },
    testRows: draft.testRows.map((r) => ({ ...r, inputs: r.inputs.filter((_, i) => i !== index) })),
  };
}

function swap<T>(list: T[], i: number, j: number): T[] {
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

export function moveArgument(draft: DraftFields, index: number, by: -1 | 1): DraftFields {
  return {
    ...draft,
    answerSpec: { ...draft.answerSpec, arguments: swap(draft.answerSpec.arguments, index, index + by) },
    testRows: draft.testRows.map((r) => ({ ...r, inputs: swap(r.inputs, index, index + by) })),
  };
}

export function moveRow(draft: DraftFields, index: number, by: -1 | 1): DraftFields {
  return { ...draft, testRows: swap(draft.testRows, index, index + by) };
}

export function setReturns(draft: DraftFields, returns: AnswerSpec["returns"]): DraftFields {
  const count = returnElements(returns).length;
  return {
    ...draft,
    answerSpec: { ...draft.answerSpec, returns },
    testRows: draft.testRows.map((r) => ({ ...r, expected: Array.from({ length: count }, (_, i) => r.expected[i] ?? "") })),
  };
}

/** One computed output per saved test case: a value, or why the code gave none. */
export type ComputedOutput = { value: TestValue } | { error: string };
export type MergedExpected = { draft: DraftFields; filled: number; failures: string[]; changed: number[] };

/**
 * Fill the expected cells of the draft as it is now with outputs computed from `sent` (the draft that was
 * saved and run): only those cells change, and only in rows whose inputs are still what was run — text typed
 * meanwhile anywhere else is kept. Rows whose inputs changed meanwhile are listed in `changed` (1-based).
 */
export function mergeExpected(current: DraftFields, sent: DraftFields, outputs: ComputedOutput[]): MergedExpected {
  const returns = current.answerSpec.returns;
  if (!sameValue(returns, sent.answerSpec.returns)) return { draft: current, filled: 0, failures: [], changed: current.testRows.map((_, i) => i + 1) };
  const elements = returnElements(returns);
  const failures: string[] = [];
  const changed: number[] = [];
  let filled = 0;
  const testRows = current.testRows.map((row, i) => {
    const out = outputs[i];
    if (!out || i >= sent.testRows.length) return row;
    if (!sameValue(row.inputs, sent.testRows[i].inputs)) {
      changed.push(i + 1);
      return row;
    }
    if ("error" in out) {
      failures.push(`case ${i + 1}: ${out.error}`);
      return row;
    }
    const values = returns.type === "tuple" ? (out.value as TestValue[]) : [out.value];
    filled++;
    return { ...row, expected: elements.map((e, j) => formatCell(values[j], e.type)) };
  });
  return { draft: { ...current, testRows }, filled, failures, changed };
}

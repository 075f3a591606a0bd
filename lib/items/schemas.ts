// The editable fields of an item and the inputs of the item routes. Pure; shared with the editor.
import { z } from "zod";
import { ItemStatus } from "../generated/prisma/enums";
import { ZAnswerSpec, type AnswerSpec } from "./answer-spec";
import type { Declarations } from "./declarations";
import { ZDeclarations } from "../equivalence/schemas";
import { SHORT_TEXT_CHARS, type ItemLimits } from "./limits";
import { isComplex, testCaseProblems, type TestCase, type TestValue } from "./test-values";

export const LEVELS = ["ADVANCED_UNDERGRADUATE", "GRADUATE", "RESEARCH"] as const;
export const DIFFICULTIES = ["EASY", "MEDIUM", "HARD"] as const;
export const SPLITS = ["TRAIN", "VAL", "TEST"] as const;
export type Level = (typeof LEVELS)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];
export type Split = (typeof SPLITS)[number];

export const LATEX_FIELDS = ["statement", "solution", "finalAnswer"] as const;
export const TEXT_FIELDS = ["statement", "description", "solution", "finalAnswer", "referenceCode"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Everything an author edits. Empty strings, not nulls, for unset text. */
export type ItemFields = {
  statement: string;
  description: string;
  solution: string;
  finalAnswer: string;
  referenceCode: string;
  answerSpec: AnswerSpec;
  testCases: TestCase[];
  topic: string;
  level: Level | null;
  difficulty: Difficulty | null;
  split: Split | null;
  sourceLocation: string;
  license: string;
  /** what the answer checker should know about the symbols (see declarations.ts) */
  declarations: Declarations;
};
export const ITEM_FIELD_NAMES = [
  "statement", "description", "solution", "finalAnswer", "referenceCode", "answerSpec", "testCases",
  "topic", "level", "difficulty", "split", "sourceLocation", "license", "declarations",
] as const satisfies readonly (keyof ItemFields)[];

export const FIELD_LABELS: Record<keyof ItemFields, string> = {
  statement: "Statement",
  description: "Description",
  solution: "Solution",
  finalAnswer: "Final answer",
  referenceCode: "Reference code",
  answerSpec: "Answer spec",
  testCases: "Test cases",
  topic: "Topic",
  level: "Level",
  difficulty: "Difficulty",
  split: "Split",
  sourceLocation: "Location in source",
  license: "License",
  declarations: "Symbol declarations",
};

export type { ItemLimits };

export const ZTestValue: z.ZodType<TestValue> = z.lazy(() =>
  z.union([
    z.number().finite(),
    z.boolean(),
    z.string().max(10_000),
    z.custom<{ re: number; im: number }>(isComplex, 'A complex number is {"re": number, "im": number}.'),
    z.array(ZTestValue).max(20),
  ]),
);

const ZTolerance = z.object({
  abs: z.number().finite().min(0, "Tolerances are not negative."),
  rel: z.number().finite().min(0, "Tolerances are not negative."),
});

const ZTyped = z.string().trim().min(1).max(200);

export const ZTestCase = z.object({
  inputs: z.record(z.string().max(100), ZTestValue),
  expected: ZTestValue.nullable(),
  tolerance: ZTolerance,
  /** expressions as typed (`pi/2`), for display; the numbers above are what is graded */
  display: z.object({ inputs: z.record(z.string().max(100), ZTyped).optional(), expected: z.array(ZTyped.nullable()).max(20).optional() }).strict().optional(),
});

function text(limit: number) {
  return z.string().max(limit, `Too long: at most ${limit.toLocaleString("en")} characters.`);
}
const ZShort = z.string().trim().max(SHORT_TEXT_CHARS, `Too long: at most ${SHORT_TEXT_CHARS} characters.`);

/** The fields, each optional (a save may send only what changed); checked against the limits. */
export function itemPatchSchema(limits: ItemLimits) {
  return z
    .object({
      statement: text(limits.maxTextChars),
      description: text(limits.maxTextChars),
      solution: text(limits.maxTextChars),
      finalAnswer: text(limits.maxTextChars),
      referenceCode: text(limits.maxTextChars),
      answerSpec: ZAnswerSpec,
      testCases: z.array(ZTestCase).max(limits.maxTestCases, `At most ${limits.maxTestCases} test cases.`),
      topic: ZShort,
      level: z.enum(LEVELS).nullable(),
      difficulty: z.enum(DIFFICULTIES).nullable(),
      split: z.enum(SPLITS).nullable(),
      sourceLocation: ZShort,
      license: ZShort,
      declarations: ZDeclarations,
    })
    .partial()
    .strict();
}
export type ItemPatch = Partial<ItemFields>;

/**
 * PUT /api/items/[id]: the version the edit started from, the changed fields, and `withdraw: true` when the
 * user confirmed that saving a SUBMITTED item withdraws it from review (without it such a save is refused).
 */
export function saveItemSchema(limits: ItemLimits) {
  return itemPatchSchema(limits).extend({ version: z.number().int().min(1), withdraw: z.boolean().optional() });
}

/** Cross-field rules on the merged result (test cases against the spec), as zod issues. */
export function crossFieldIssues(fields: ItemFields): { path: (string | number)[]; message: string }[] {
  return testCaseProblems(fields.testCases, fields.answerSpec).map((p) => ({ path: ["testCases", ...p.path], message: p.message }));
}

export const ZItemId = z.string().uuid("Not an item id.");
export const ZCreateItem = z.object({ seedId: z.string().uuid("Not a seed id.") });
export const ZVersionOnly = z.object({ version: z.number().int().min(1) });
/** Restoring a revision is a save: it takes the same `withdraw` confirmation. */
export const ZRestoreInput = ZVersionOnly.extend({ withdraw: z.boolean().optional() });

export const ITEM_PAGE_SIZE = 25;
/** The filters of /items, GET /api/items and reassignment by filter. */
export const ZItemFilter = z.object({
  status: z.enum(Object.values(ItemStatus) as [ItemStatus, ...ItemStatus[]]).optional(),
  // "me", "all", or a user id; annotators default to "me"
  author: z.union([z.enum(["me", "all"]), z.string().uuid("Not a user id.")]).optional(),
  source: z.string().trim().max(200).optional(),
  seed: z.string().uuid("Not a seed id.").optional(),
});
export type TItemFilter = z.infer<typeof ZItemFilter>;

export const ZListItemsQuery = ZItemFilter.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(ITEM_PAGE_SIZE),
});
export type TListItemsQuery = z.infer<typeof ZListItemsQuery>;

/** JSON with object keys sorted, so equal data compares equal whatever the key order (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Deep equality for field values (JSON data only; undefined object members are ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The fields whose values differ between two complete field sets. */
export function changedFields(a: ItemFields, b: ItemFields): (keyof ItemFields)[] {
  return ITEM_FIELD_NAMES.filter((f) => !sameValue(a[f], b[f]));
}

/** Just the editable fields of an object that has them (an item view, a 409's current item). */
export function pickFields<T extends ItemFields>(source: T): ItemFields {
  return Object.fromEntries(ITEM_FIELD_NAMES.map((f) => [f, source[f]])) as ItemFields;
}

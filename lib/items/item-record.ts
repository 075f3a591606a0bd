import "server-only";
// Between database rows and the item shapes the API and editor use: one place maps columns ↔ fields.
import { ZodError } from "zod";
import { getEnv } from "../env";
import { AppError } from "../errors";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ZItemId, type ItemFields, type ItemLimits } from "./schemas";
import { fieldsOf } from "./fields-of";

export { fieldsOf };

export function getItemLimits(): ItemLimits {
  const env = getEnv();
  return { maxTextChars: env.ITEM_MAX_TEXT_CHARS, maxTestCases: env.ITEM_MAX_TEST_CASES };
}

export const ITEM_SELECT = {
  id: true, seedId: true, status: true, version: true, authorId: true, assigneeId: true,
  statement: true, description: true, solution: true, finalAnswer: true, referenceCode: true,
  answerSpec: true, testCases: true, topic: true, level: true, difficulty: true, split: true,
  sourceLocation: true, license: true, declarations: true, createdAt: true, updatedAt: true, submittedAt: true, approvedVersion: true,
  author: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  lastEditor: { select: { id: true, name: true } },
} as const;

export type ItemRow = Prisma.ItemGetPayload<{ select: typeof ITEM_SELECT }>;

export type ItemDetail = ItemFields & {
  id: string;
  seedId: string;
  status: ItemRow["status"];
  version: number;
  author: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  lastEditor: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** the version the last approval was given to (kept while a later version is edited), or null */
  approvedVersion: number | null;
};

/** Column values for the fields ("" → NULL for the optional short texts). */
export function columnsOf(fields: ItemFields) {
  return {
    statement: fields.statement,
    description: fields.description,
    solution: fields.solution,
    finalAnswer: fields.finalAnswer,
    referenceCode: fields.referenceCode,
    answerSpec: fields.answerSpec as object,
    testCases: fields.testCases as object[],
    topic: fields.topic || null,
    level: fields.level,
    difficulty: fields.difficulty,
    split: fields.split,
    sourceLocation: fields.sourceLocation || null,
    license: fields.license || null,
    declarations: fields.declarations as object,
  };
}

export function toItemDetail(row: ItemRow): ItemDetail {
  return {
    ...fieldsOf(row),
    id: row.id,
    seedId: row.seedId,
    status: row.status,
    version: row.version,
    author: row.author,
    assignee: row.assignee,
    lastEditor: row.lastEditor,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedVersion: row.approvedVersion,
  };
}

export function parseItemId(raw: unknown): string {
  const parsed = ZItemId.safeParse(raw);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such item.");
  return parsed.data;
}

/** Load an item (with its people) inside a transaction, or 404. */
export async function loadItem(tx: Tx, id: string, lock = false): Promise<ItemRow> {
  // FOR UPDATE serialises writers on one item, so a version check and its write cannot interleave.
  if (lock) await tx.$queryRaw`SELECT 1 FROM "Item" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = await tx.item.findUnique({ where: { id }, select: ITEM_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "No such item.");
  return row;
}

/** 409 carrying the item as it is now, so the editor can show both versions. */
export function conflict(current: ItemRow, baseVersion: number): AppError {
  const by = current.lastEditor ? ` by ${current.lastEditor.name}` : "";
  return new AppError(
    "CONFLICT",
    `This item was saved${by} as version ${current.version} after you loaded version ${baseVersion}.`,
    { current: toItemDetail(current) },
  );
}

/** A validation failure located at field paths, answered as 422 like any zod error. */
export function fieldErrors(issues: { path: (string | number)[]; message: string }[]): ZodError {
  return new ZodError(issues.map((i) => ({ code: "custom" as const, path: i.path, message: i.message, input: undefined })));
}

import "server-only";
// Saving an item: optimistic concurrency on `version`, one ItemRevision per saved version.
import { getDb, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import type { ItemStatus } from "../generated/prisma/enums";
import { changedFields, crossFieldIssues, saveItemSchema, type ItemFields, type ItemPatch } from "./schemas";
import { columnsOf, conflict, fieldErrors, fieldsOf, getItemLimits, loadItem, parseItemId } from "./item-record";

export type SaveResult = { version: number; status: ItemStatus; saved: boolean };

/** Editing a submitted or approved item sends it back to DRAFT; other statuses stay. */
export function statusAfterEdit(status: ItemStatus): ItemStatus {
  return status === "SUBMITTED" || status === "APPROVED" ? "DRAFT" : status;
}

/**
 * Apply a patch to the item at `baseVersion`. A stale version is a 409 carrying the current item; an
 * unchanged patch saves nothing; otherwise the item gets version + 1 and a revision with the full fields.
 */
export async function applyPatch(tx: Tx, actor: Actor, id: string, baseVersion: number, patch: ItemPatch): Promise<SaveResult> {
  const row = await loadItem(tx, id, true);
  assertCan(actor, "item.edit", row);
  if (row.status === "REJECTED") throw new AppError("CONFLICT", "This item was rejected; it can no longer be edited.");
  if (row.version !== baseVersion) throw conflict(row, baseVersion);
  const current = fieldsOf(row);
  const next: ItemFields = { ...current, ...patch };
  // Test cases are checked against the spec only when one of them changes, so an imported item with
  // inconsistent tests can still have its statement fixed.
  if (patch.answerSpec !== undefined || patch.testCases !== undefined) {
    const issues = crossFieldIssues(next);
    if (issues.length) throw fieldErrors(issues);
  }
  if (changedFields(current, next).length === 0) return { version: row.version, status: row.status, saved: false };
  const status = statusAfterEdit(row.status);
  return writeVersion(tx, actor, id, row.version, next, status, status === row.status ? {} : { submittedAt: null, approvedAt: null });
}

/** Write fields and status as the next version, with its revision. The caller holds the row lock. */
export async function writeVersion(
  tx: Tx,
  actor: Actor,
  id: string,
  fromVersion: number,
  fields: ItemFields,
  status: ItemStatus,
  extra: { submittedAt?: Date | null; approvedAt?: Date | null } = {},
): Promise<SaveResult> {
  const version = fromVersion + 1;
  await tx.item.update({
    where: { id },
    data: { ...columnsOf(fields), status, version, lastEditorId: actor.id, ...extra },
  });
  await tx.itemRevision.create({ data: { itemId: id, version, status, snapshot: fields as object, editorId: actor.id } });
  return { version, status, saved: true };
}

/** PUT /api/items/[id] */
export async function saveItem(actor: Actor, rawId: unknown, rawInput: unknown): Promise<SaveResult> {
  const id = parseItemId(rawId);
  const { version, ...patch } = saveItemSchema(getItemLimits()).parse(rawInput);
  return getDb().$transaction((tx) => applyPatch(tx, actor, id, version, patch as ItemPatch));
}

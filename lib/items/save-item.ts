import "server-only";
// Saving an item: optimistic concurrency on `version`, one ItemRevision per saved version.
import { getDb, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { recordEvent } from "../audit/record-event";
import type { Actor } from "../auth/types";
import type { ItemStatus } from "../generated/prisma/enums";
import { changedFields, crossFieldIssues, saveItemSchema, type ItemFields, type ItemPatch } from "./schemas";
import { columnsOf, conflict, fieldErrors, fieldsOf, getItemLimits, loadItem, parseItemId } from "./item-record";
import { fieldsHash } from "./fields-hash";

/** `fieldsHash`: the content key of the version's fields (a check run with the same key holds for it). */
export type SaveResult = { version: number; status: ItemStatus; saved: boolean; fieldsHash: string };

/** Editing a submitted or approved item sends it back to DRAFT; other statuses stay. */
export function statusAfterEdit(status: ItemStatus): ItemStatus {
  return status === "SUBMITTED" || status === "APPROVED" ? "DRAFT" : status;
}

export type PatchOptions = { /** the user confirmed that saving a SUBMITTED item withdraws it from review */ withdraw?: boolean };

/** 409 for a save that would withdraw a submitted item without saying so: no client withdraws silently. */
export function withdrawRequired(): AppError {
  return new AppError(
    "CONFLICT",
    'This item is submitted for review: saving a change withdraws it from review (it goes back to draft and must be submitted again). Confirm, then save again with "withdraw": true.',
    { withdrawRequired: true, status: "SUBMITTED" },
  );
}

/**
 * Apply a patch to the item at `baseVersion`. A stale version is a 409 carrying the current item; a change
 * to a SUBMITTED item without `withdraw` is a 409 saying so; an unchanged patch saves nothing; otherwise the
 * item gets version + 1 and a revision with the full fields.
 */
export async function applyPatch(tx: Tx, actor: Actor, id: string, baseVersion: number, patch: ItemPatch, options: PatchOptions = {}): Promise<SaveResult> {
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
  if (changedFields(current, next).length === 0) return { version: row.version, status: row.status, saved: false, fieldsHash: fieldsHash(current) };
  if (row.status === "SUBMITTED" && !options.withdraw) throw withdrawRequired();
  const status = statusAfterEdit(row.status);
  const saved = await writeVersion(tx, actor, id, row.version, next, status, status === row.status ? {} : { submittedAt: null, approvedAt: null });
  // Every status change is on the record: a submitted item withdrawn from review, an approved one edited into a new draft.
  if (status !== row.status) {
    const action = row.status === "SUBMITTED" ? "item.withdraw" : "item.edit-approved";
    await recordEvent(tx, actor, { action, entityType: "Item", entityId: id, data: { from: row.status, to: status, version: saved.version } });
  }
  return saved;
}

/**
 * Write fields and status as the next version, with its revision (whose editor is the actor). The caller holds
 * the row lock. `fieldsChanged: false` (a submission) leaves the item's last editor as it was: the four-eyes
 * rule bars whoever changed the fields last, and submitting someone else's edit must not clear them of it.
 */
export async function writeVersion(
  tx: Tx,
  actor: Actor,
  id: string,
  fromVersion: number,
  fields: ItemFields,
  status: ItemStatus,
  extra: { submittedAt?: Date | null; approvedAt?: Date | null } = {},
  { fieldsChanged = true }: { fieldsChanged?: boolean } = {},
): Promise<SaveResult> {
  const version = fromVersion + 1;
  const hash = fieldsHash(fields);
  await tx.item.update({
    where: { id },
    data: { ...columnsOf(fields), status, version, ...(fieldsChanged ? { lastEditorId: actor.id } : {}), ...extra },
  });
  await tx.itemRevision.create({ data: { itemId: id, version, status, snapshot: fields as object, fieldsHash: hash, editorId: actor.id } });
  return { version, status, saved: true, fieldsHash: hash };
}

/** PUT /api/items/[id] */
export async function saveItem(actor: Actor, rawId: unknown, rawInput: unknown): Promise<SaveResult> {
  const id = parseItemId(rawId);
  const { version, withdraw, ...patch } = saveItemSchema(getItemLimits()).parse(rawInput);
  return getDb().$transaction((tx) => applyPatch(tx, actor, id, version, patch as ItemPatch, { withdraw }));
}

import "server-only";
// "Submit for review": DRAFT or CHANGES_REQUESTED → SUBMITTED, as a new version, when every blocking
// check passes on that version.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { ZVersionOnly } from "./schemas";
import { conflict, fieldsOf, loadItem, parseItemId } from "./item-record";
import { writeVersion, type SaveResult } from "./save-item";
import { submitGate } from "./submit-gate";

export async function submitItem(actor: Actor, rawId: unknown, rawInput: unknown): Promise<SaveResult> {
  const id = parseItemId(rawId);
  const { version } = ZVersionOnly.parse(rawInput);
  // Who may submit is decided before anything runs (checks run code in the sandbox).
  const owner = await getDb().item.findUnique({ where: { id }, select: { authorId: true, assigneeId: true } });
  if (!owner) throw new AppError("NOT_FOUND", "No such item.");
  assertCan(actor, "item.edit", owner);
  // Checks run code, so they run before the transaction; it then makes sure the version did not move.
  const { blockers, checkState } = await submitGate(actor, id, version);
  return getDb().$transaction(async (tx) => {
    const row = await loadItem(tx, id, true);
    assertCan(actor, "item.edit", row);
    if (row.version !== version) throw conflict(row, version);
    if (row.status !== "DRAFT" && row.status !== "CHANGES_REQUESTED") {
      throw new AppError("CONFLICT", `Only a draft or an item with requested changes can be submitted; this one is ${row.status.toLowerCase().replace("_", " ")}.`);
    }
    if (blockers.length) {
      const count = `${blockers.length} blocking check result${blockers.length > 1 ? "s" : ""}`;
      throw new AppError("INVALID", `Submit needs every blocking check to pass; ${count} failed: ${blockers.slice(0, 3).map((b) => b.message).join(" · ")}`, { blockers });
    }
    // the fields are unchanged: whoever changed them last stays the last editor (four eyes)
    const result = await writeVersion(tx, actor, id, row.version, fieldsOf(row), "SUBMITTED", { submittedAt: new Date() }, { fieldsChanged: false });
    // Submitting changes no field, so the run that let it through describes the submitted version too.
    await tx.item.update({ where: { id }, data: { checkState, checkedVersion: result.version } });
    await recordEvent(tx, actor, { action: "item.submit", entityType: "Item", entityId: id, data: { version: result.version } });
    return result;
  });
}

import "server-only";
// POST /api/items/[id]/comments/[commentId]/apply {version}: the author takes a reviewer's suggested
// replacement for the quoted passage with one click; it is saved as the author's next version.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { fieldsOf, loadItem, parseItemId } from "../items/item-record";
import { applyPatch, type SaveResult } from "../items/save-item";
import type { ItemPatch } from "../items/schemas";
import { locateQuote } from "./comments";
import { ZCommentId, ZVersionBody } from "./schemas";

export async function applySuggestion(actor: Actor, rawId: unknown, rawCommentId: unknown, rawInput: unknown): Promise<SaveResult> {
  const id = parseItemId(rawId);
  const commentId = ZCommentId.parse(rawCommentId);
  const { version } = ZVersionBody.parse(rawInput);
  return getDb().$transaction(async (tx) => {
    const row = await loadItem(tx, id, true);
    assertCan(actor, "item.edit", row);
    const comment = await tx.comment.findFirst({ where: { id: commentId, itemId: id } });
    if (!comment) throw new AppError("NOT_FOUND", "No such comment on this item.");
    if (comment.field === null || comment.quote === null || comment.suggestion === null) throw new AppError("INVALID", "This comment suggests no replacement.");
    if (comment.appliedAt) throw new AppError("CONFLICT", "This suggestion was applied already.");
    if (row.status !== "DRAFT" && row.status !== "CHANGES_REQUESTED") {
      throw new AppError("CONFLICT", `Suggestions are applied to drafts and items with requested changes; this one is ${row.status.toLowerCase().replace("_", " ")}.`);
    }
    const found = locateQuote(fieldsOf(row), comment.field, comment.quote);
    if ("problem" in found) throw new AppError("CONFLICT", found.problem);
    const text = found.text.slice(0, found.index) + comment.suggestion + found.text.slice(found.index + comment.quote.length);
    const saved = await applyPatch(tx, actor, id, version, { [comment.field]: text } as ItemPatch);
    const now = new Date();
    await tx.comment.update({ where: { id: commentId }, data: { appliedAt: now, resolvedAt: comment.resolvedAt ?? now } });
    await recordEvent(tx, actor, { action: "item.apply-suggestion", entityType: "Item", entityId: id, data: { commentId, version: saved.version } });
    return saved;
  });
}

import "server-only";
// The comment thread of an item: reviewers and the item's editors write, anyone signed in reads. A comment
// may be anchored to a field and a quoted passage, and carry a suggested replacement for it.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan, can } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { fieldsOf, parseItemId } from "../items/item-record";
import type { ItemFields } from "../items/schemas";
import { ZCommentId, ZCommentInput, ZCommentPatch } from "./schemas";

export type CommentView = {
  id: string;
  version: number | null;
  author: { id: string; name: string };
  field: string | null;
  quote: string | null;
  suggestion: string | null;
  body: string;
  resolved: boolean;
  applied: boolean;
  createdAt: string;
};

const COMMENT_SELECT = {
  id: true, version: true, field: true, quote: true, suggestion: true, body: true, resolvedAt: true, appliedAt: true, createdAt: true,
  author: { select: { id: true, name: true } },
} as const;

type CommentRow = { id: string; version: number | null; field: string | null; quote: string | null; suggestion: string | null; body: string; resolvedAt: Date | null; appliedAt: Date | null; createdAt: Date; author: { id: string; name: string } };

export function toCommentView(c: CommentRow): CommentView {
  return {
    id: c.id, version: c.version, author: c.author, field: c.field, quote: c.quote, suggestion: c.suggestion, body: c.body,
    resolved: c.resolvedAt !== null, applied: c.appliedAt !== null, createdAt: c.createdAt.toISOString(),
  };
}

/** Reviewers, and whoever may edit the item, take part in its thread. */
export function canDiscuss(actor: Actor, item: { authorId: string; assigneeId: string | null }): boolean {
  return can(actor, "item.review") || can(actor, "item.edit", item);
}

export async function listComments(actor: Actor, rawId: unknown): Promise<CommentView[]> {
  assertCan(actor, "item.read");
  const id = parseItemId(rawId);
  const rows = await getDb().comment.findMany({ where: { itemId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: COMMENT_SELECT });
  return rows.map(toCommentView);
}

/** Where `quote` sits in the field's text, or a message saying why it cannot be anchored there. */
export function locateQuote(fields: ItemFields, field: string, quote: string): { text: string; index: number } | { problem: string } {
  const text = (fields as Record<string, unknown>)[field];
  if (typeof text !== "string") return { problem: `A passage can be quoted only from a text field, not from ${field}.` };
  const index = text.indexOf(quote);
  if (index < 0) return { problem: `The quoted passage is not in the ${field} (it may have changed since).` };
  if (text.indexOf(quote, index + 1) >= 0) return { problem: `The quoted passage occurs more than once in the ${field}: quote a longer passage.` };
  return { text, index };
}

export async function addComment(actor: Actor, rawId: unknown, rawInput: unknown): Promise<CommentView> {
  const id = parseItemId(rawId);
  const input = ZCommentInput.parse(rawInput);
  if (actor.id === null) throw new AppError("FORBIDDEN", "A comment needs a signed-in author.");
  const item = await getDb().item.findUnique({ where: { id } });
  if (!item) throw new AppError("NOT_FOUND", "No such item.");
  if (!canDiscuss(actor, item)) throw new AppError("FORBIDDEN", "Only reviewers and the item's author or assignee comment on it.");
  if (input.field && input.quote) {
    const found = locateQuote(fieldsOf(item), input.field, input.quote);
    if ("problem" in found) throw new AppError("INVALID", found.problem);
  }
  return getDb().$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: { itemId: id, version: item.version, authorId: actor.id!, field: input.field ?? null, quote: input.quote ?? null, suggestion: input.suggestion ?? null, body: input.body },
      select: COMMENT_SELECT,
    });
    await recordEvent(tx, actor, { action: "item.comment", entityType: "Item", entityId: id, data: { commentId: created.id, field: input.field ?? null } });
    return toCommentView(created);
  });
}

export async function setCommentResolved(actor: Actor, rawId: unknown, rawCommentId: unknown, rawInput: unknown): Promise<CommentView> {
  const id = parseItemId(rawId);
  const commentId = ZCommentId.parse(rawCommentId);
  const { resolved } = ZCommentPatch.parse(rawInput);
  const comment = await getDb().comment.findFirst({ where: { id: commentId, itemId: id }, include: { item: { select: { authorId: true, assigneeId: true } } } });
  if (!comment) throw new AppError("NOT_FOUND", "No such comment on this item.");
  if (!canDiscuss(actor, comment.item)) throw new AppError("FORBIDDEN", "Only reviewers and the item's author or assignee resolve its comments.");
  const updated = await getDb().comment.update({ where: { id: commentId }, data: { resolvedAt: resolved ? new Date() : null }, select: COMMENT_SELECT });
  return toCommentView(updated);
}

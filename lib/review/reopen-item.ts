import "server-only";
// POST /api/items/[id]/reopen {version}: a lead brings a REJECTED item back to DRAFT for its author.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { parseItemId } from "../items/item-record";
import { ZVersionBody } from "./schemas";

export async function reopenItem(actor: Actor, rawId: unknown, rawInput: unknown): Promise<{ status: "DRAFT"; version: number }> {
  assertCan(actor, "item.review");
  const id = parseItemId(rawId);
  const { version } = ZVersionBody.parse(rawInput);
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Item" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const item = await tx.item.findUnique({ where: { id }, select: { version: true, status: true } });
    if (!item) throw new AppError("NOT_FOUND", "No such item.");
    if (item.version !== version) throw new AppError("CONFLICT", `The item is at version ${item.version}, not ${version}.`, { current: item });
    if (item.status !== "REJECTED") throw new AppError("CONFLICT", `Only a rejected item can be reopened; this one is ${item.status.toLowerCase().replace("_", " ")}.`, { current: item });
    await tx.item.update({ where: { id }, data: { status: "DRAFT", submittedAt: null } });
    await recordEvent(tx, actor, { action: "item.reopen", entityType: "Item", entityId: id, data: { version } });
    return { status: "DRAFT" as const, version };
  });
}

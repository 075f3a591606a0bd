import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan, can } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { ITEM_SELECT, parseItemId, toItemDetail, type ItemDetail } from "./item-record";
import { fieldsHash } from "./fields-hash";

/** `fieldsHash`: the content key of the current fields (a check run with the same key holds for this version). */
export type ItemView = ItemDetail & { canEdit: boolean; fieldsHash: string };

/** GET /api/items/[id]: the item with its version, and whether the caller may edit it. */
export async function getItem(actor: Actor, rawId: unknown): Promise<ItemView> {
  assertCan(actor, "item.read");
  const row = await getDb().item.findUnique({ where: { id: parseItemId(rawId) }, select: ITEM_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "No such item.");
  const detail = toItemDetail(row);
  return { ...detail, canEdit: row.status !== "REJECTED" && can(actor, "item.edit", row), fieldsHash: fieldsHash(detail) };
}

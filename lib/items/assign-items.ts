import "server-only";
// POST /api/items/assign: a lead hands drafts (and items with requested changes) to another annotator, or
// takes the assignment back: the items given by id, or every reassignable item of a /items filter (up to 10,000).
// The author stays the author; the assignee may edit.
import { z } from "zod";
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvents } from "../audit/record-event";
import type { Prisma } from "../generated/prisma/client";
import { ASSIGN_MAX } from "../seeds/schemas";
import { itemWhere } from "./item-filter";
import { ZItemFilter } from "./schemas";

export const ZAssignItems = z
  .object({
    itemIds: z.array(z.string().uuid("Not an item id.")).min(1).max(ASSIGN_MAX, `Reassign at most ${ASSIGN_MAX.toLocaleString("en")} items at a time.`).optional(),
    // strict: a misspelt filter key must not widen the selection to every item
    filter: ZItemFilter.strict().optional(),
    assigneeId: z.string().uuid("Not a user id.").nullable(),
  })
  .strict()
  .refine((v) => (v.itemIds === undefined) !== (v.filter === undefined), { message: "Give either itemIds or a filter.", path: ["itemIds"] });

/** What can be handed to someone else: drafts and items with requested changes. */
const REASSIGNABLE: Prisma.ItemWhereInput = { status: { in: ["DRAFT", "CHANGES_REQUESTED"] } };

export async function assignItems(actor: Actor, rawInput: unknown): Promise<{ assigned: number }> {
  assertCan(actor, "seed.assign");
  const { itemIds, filter, assigneeId } = ZAssignItems.parse(rawInput);
  const db = getDb();
  const where: Prisma.ItemWhereInput = { AND: [itemIds ? { id: { in: itemIds } } : itemWhere(actor, filter!).where, REASSIGNABLE] };
  if (filter) {
    const n = await db.item.count({ where, take: ASSIGN_MAX + 1 });
    if (n > ASSIGN_MAX) throw new AppError("INVALID", `More than ${ASSIGN_MAX.toLocaleString("en")} items match; reassign at most ${ASSIGN_MAX.toLocaleString("en")} at a time (narrow the filter).`);
  }
  if (assigneeId) {
    const assignee = await db.user.findUnique({ where: { id: assigneeId }, select: { active: true } });
    if (!assignee?.active) throw new AppError("INVALID", "Assign to an active user.");
  }
  return db.$transaction(async (tx) => {
    const assigned = await tx.item.updateManyAndReturn({
      where,
      data: { assigneeId },
      select: { id: true },
    });
    // one event per item, so each item's timeline says who (re)assigned it
    await recordEvents(tx, actor, assigned.map(({ id }) => ({ action: "item.assign", entityType: "Item", entityId: id, data: { assigneeId } })));
    return { assigned: assigned.length };
  });
}

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
import { REASSIGNABLE, itemWhere } from "./item-filter";
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


export async function assignItems(actor: Actor, rawInput: unknown): Promise<{ assigned: number }> {
  assertCan(actor, "seed.assign");
  const { itemIds, filter, assigneeId } = ZAssignItems.parse(rawInput);
  const db = getDb();
  if (assigneeId) {
    const assignee = await db.user.findUnique({ where: { id: assigneeId }, select: { active: true } });
    if (!assignee?.active) throw new AppError("INVALID", "Assign to an active user.");
  }
  return db.$transaction(async (tx) => {
    // By filter: the matching ids first (at most one past the cap), so the cap holds whatever is added meanwhile.
    let ids = itemIds;
    if (!ids) {
      const where: Prisma.ItemWhereInput = { AND: [itemWhere(actor, filter!).where, REASSIGNABLE] };
      ids = (await tx.item.findMany({ where, select: { id: true }, take: ASSIGN_MAX + 1 })).map((r) => r.id);
      if (ids.length > ASSIGN_MAX) throw new AppError("INVALID", `More than ${ASSIGN_MAX.toLocaleString("en")} items match; reassign at most ${ASSIGN_MAX.toLocaleString("en")} at a time (narrow the filter).`);
    }
    const assigned = await tx.item.updateManyAndReturn({
      where: { AND: [{ id: { in: ids } }, REASSIGNABLE] },
      data: { assigneeId },
      select: { id: true },
    });
    // one event per item, so each item's timeline says who (re)assigned it
    await recordEvents(tx, actor, assigned.map(({ id }) => ({ action: "item.assign", entityType: "Item", entityId: id, data: { assigneeId } })));
    return { assigned: assigned.length };
  });
}

import "server-only";
// POST /api/items/assign: a lead hands drafts (and items with requested changes) to another annotator, or
// takes the assignment back. The author stays the author; the assignee may edit.
import { z } from "zod";
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvents } from "../audit/record-event";
import { ASSIGN_MAX } from "../seeds/schemas";

export const ZAssignItems = z.object({
  itemIds: z.array(z.string().uuid("Not an item id.")).min(1).max(ASSIGN_MAX),
  assigneeId: z.string().uuid("Not a user id.").nullable(),
});

export async function assignItems(actor: Actor, rawInput: unknown): Promise<{ assigned: number }> {
  assertCan(actor, "seed.assign");
  const { itemIds, assigneeId } = ZAssignItems.parse(rawInput);
  const db = getDb();
  if (assigneeId) {
    const assignee = await db.user.findUnique({ where: { id: assigneeId }, select: { active: true } });
    if (!assignee?.active) throw new AppError("INVALID", "Assign to an active user.");
  }
  return db.$transaction(async (tx) => {
    const assigned = await tx.item.updateManyAndReturn({
      where: { id: { in: itemIds }, status: { in: ["DRAFT", "CHANGES_REQUESTED"] } },
      data: { assigneeId },
      select: { id: true },
    });
    // one event per item, so each item's timeline says who (re)assigned it
    await recordEvents(tx, actor, assigned.map(({ id }) => ({ action: "item.assign", entityType: "Item", entityId: id, data: { assigneeId } })));
    return { assigned: assigned.length };
  });
}

import "server-only";
// POST /api/seeds/assign: a lead gives seeds (by id, or every seed matching a filter) to an annotator, or
// takes them back (assigneeId null). One statement; NEW seeds become ASSIGNED, unassigned ones NEW again.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { Prisma } from "../generated/prisma/client";
import { ASSIGN_MAX, ZAssignSeeds } from "./schemas";
import { SEED_FROM, seedWhere } from "./seed-filter-sql";

/** Seeds still open to (re)assignment: not being adapted, not done, not archived. */
const ASSIGNABLE = Prisma.sql`s."status" IN ('NEW', 'ASSIGNED')`;

export async function assignSeeds(actor: Actor, rawInput: unknown): Promise<{ assigned: number }> {
  assertCan(actor, "seed.assign");
  const input = ZAssignSeeds.parse(rawInput);
  const db = getDb();
  if (input.assigneeId) {
    const assignee = await db.user.findUnique({ where: { id: input.assigneeId }, select: { active: true } });
    if (!assignee?.active) throw new AppError("INVALID", "Assign to an active user.");
  }
  const selection = input.seedIds
    ? Prisma.sql`s."id" = ANY(${input.seedIds}::uuid[])`
    : seedWhere(input.filter ?? {});
  if (!input.seedIds && !input.count) {
    const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" ${SEED_FROM} WHERE ${selection} AND ${ASSIGNABLE}`;
    if (n > ASSIGN_MAX) {
      throw new AppError("INVALID", `${n.toLocaleString("en")} seeds match; assign at most ${ASSIGN_MAX.toLocaleString("en")} at a time (narrow the filter or give a count).`);
    }
  }
  const limit = input.count ?? ASSIGN_MAX;
  return db.$transaction(async (tx) => {
    const assigned = input.assigneeId
      ? await tx.$executeRaw`
          UPDATE "Seed" SET "assigneeId" = ${input.assigneeId}::uuid, "assignedAt" = now(), "updatedAt" = now(),
            "status" = CASE WHEN "status" = 'NEW' THEN 'ASSIGNED'::"SeedStatus" ELSE "status" END
          WHERE "id" IN (SELECT s."id" ${SEED_FROM} WHERE ${selection} AND ${ASSIGNABLE} ORDER BY s."createdAt", s."id" LIMIT ${limit})`
      : await tx.$executeRaw`
          UPDATE "Seed" SET "assigneeId" = NULL, "assignedAt" = NULL, "updatedAt" = now(),
            "status" = CASE WHEN "status" = 'ASSIGNED' THEN 'NEW'::"SeedStatus" ELSE "status" END
          WHERE "id" IN (SELECT s."id" ${SEED_FROM} WHERE ${selection} AND s."assigneeId" IS NOT NULL AND s."status" <> 'ADAPTED'
                         ORDER BY s."createdAt", s."id" LIMIT ${limit})`;
    await recordEvent(tx, actor, {
      action: input.assigneeId ? "seed.assign" : "seed.unassign",
      entityType: "Seed",
      data: { assigneeId: input.assigneeId, count: assigned, ...(input.seedIds ? { seedIds: input.seedIds.length } : { filter: input.filter }) },
    });
    return { assigned };
  });
}

import "server-only";
// POST /api/seeds/claim-next: an annotator takes the oldest NEW unassigned seed (optionally of a source or
// topic). SKIP LOCKED lets concurrent claimers pass each other's rows, so no seed is ever handed out twice;
// the claimer's own row lock makes the open-claims cap exact under concurrency.
import { getDb, type Db } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { Prisma } from "../generated/prisma/client";
import { ZClaimNext } from "./schemas";

export type ClaimedSeed = { id: string; title: string | null; location: string | null; source: string };
export type ClaimResult = { seed: ClaimedSeed } | { seed: null; reason: string };

/** `db`: the app's client by default (tests pass a second pool to act as a second app instance). */
export async function claimNextSeed(actor: Actor, rawInput: unknown, db: Db = getDb()): Promise<ClaimResult> {
  assertCan(actor, "item.create");
  const filter = ZClaimNext.parse(rawInput ?? {});
  const userId = actor.id;
  if (!userId) throw new AppError("FORBIDDEN", "Claiming a seed needs a signed-in annotator.");
  const max = getEnv().MAX_OPEN_CLAIMS;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    const open = await tx.seed.count({ where: { assigneeId: userId, status: { in: ["ASSIGNED", "IN_PROGRESS"] } } });
    if (open >= max) {
      throw new AppError("CONFLICT", `You hold ${open} open claims, the most allowed (MAX_OPEN_CLAIMS = ${max}): adapt or hand back one of them first.`);
    }
    const conditions = [Prisma.sql`s."status" = 'NEW'`, Prisma.sql`s."assigneeId" IS NULL`];
    if (filter.source) conditions.push(Prisma.sql`src."identifier" = ${filter.source}`);
    if (filter.topic) conditions.push(Prisma.sql`src."category" = ${filter.topic}`);
    const [picked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT s."id" FROM "Seed" s JOIN "Source" src ON src."id" = s."sourceId"
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY s."createdAt", s."id" LIMIT 1
      FOR UPDATE OF s SKIP LOCKED`;
    if (!picked) {
      const scope = [filter.source && `source ${filter.source}`, filter.topic && `topic ${filter.topic}`].filter(Boolean).join(", ");
      return { seed: null, reason: `No new unassigned seeds are left${scope ? ` for ${scope}` : ""}.` };
    }
    const seed = await tx.seed.update({
      where: { id: picked.id },
      data: { status: "ASSIGNED", assigneeId: userId, assignedAt: new Date() },
      select: { id: true, title: true, location: true, source: { select: { identifier: true } } },
    });
    await recordEvent(tx, actor, { action: "seed.claim", entityType: "Seed", entityId: seed.id });
    return { seed: { id: seed.id, title: seed.title, location: seed.location, source: seed.source.identifier } };
  });
}

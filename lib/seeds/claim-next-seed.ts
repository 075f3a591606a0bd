import "server-only";
// POST /api/seeds/claim-next: an annotator takes the oldest NEW unassigned seed (optionally of a source or
// topic). SKIP LOCKED lets concurrent claimers pass each other's rows, so no seed is ever handed out twice;
// the claimer's own row lock makes the open-claims cap exact under concurrency.
import { getDb, type Db } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { Prisma } from "../generated/prisma/client";
import { ZClaimNext } from "./schemas";

export type ClaimedSeed = { id: string; title: string | null; location: string | null; source: string };
export type ClaimResult = { seed: ClaimedSeed } | { seed: null; reason: string };
type ClaimRow = { open: number; id: string | null; title: string | null; location: string | null; source: string | null };

/** `db`: the app's client by default (tests pass a second pool to act as a second app instance). */
export async function claimNextSeed(actor: Actor, rawInput: unknown, db: Db = getDb()): Promise<ClaimResult> {
  assertCan(actor, "item.create");
  const filter = ZClaimNext.parse(rawInput ?? {});
  const userId = actor.id;
  if (!userId) throw new AppError("FORBIDDEN", "Claiming a seed needs a signed-in annotator.");
  const max = getEnv().MAX_OPEN_CLAIMS;
  const conditions = [Prisma.sql`s."status" = 'NEW'`, Prisma.sql`s."assigneeId" IS NULL`];
  if (filter.source) conditions.push(Prisma.sql`s."sourceId" = (SELECT "id" FROM "Source" WHERE "identifier" = ${filter.source})`);
  if (filter.topic) conditions.push(Prisma.sql`s."sourceId" IN (SELECT "id" FROM "Source" WHERE "category" = ${filter.topic})`);
  // Two statements: the claimer's row lock first, so that the second statement's snapshot (taken after the
  // lock) sees every claim of theirs committed meanwhile; then count, pick, assign and record in one round trip.
  const [row] = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    return tx.$queryRaw<ClaimRow[]>`
      WITH open AS (
        SELECT count(*)::int AS "n" FROM "Seed" WHERE "assigneeId" = ${userId}::uuid AND "status" IN ('ASSIGNED', 'IN_PROGRESS')
      ), picked AS (
        SELECT s."id" FROM "Seed" s
        WHERE ${Prisma.join(conditions, " AND ")} AND (SELECT "n" FROM open) < ${max}
        ORDER BY s."createdAt", s."id" LIMIT 1
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE "Seed" s SET "status" = 'ASSIGNED', "assigneeId" = ${userId}::uuid, "assignedAt" = now(), "updatedAt" = now()
        FROM picked WHERE s."id" = picked."id"
        RETURNING s."id", s."title", s."location", s."sourceId"
      ), recorded AS (
        INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId")
        SELECT ${userId}::uuid, 'seed.claim', 'Seed', "id"::text FROM claimed
      )
      SELECT (SELECT "n" FROM open) AS "open", c."id", c."title", c."location", src."identifier" AS "source"
      FROM (SELECT 1) one LEFT JOIN claimed c ON true LEFT JOIN "Source" src ON src."id" = c."sourceId"`;
  });
  if (row.open >= max) {
    throw new AppError("CONFLICT", `You hold ${row.open} open claims, the most allowed (MAX_OPEN_CLAIMS = ${max}): adapt or hand back one of them first.`);
  }
  if (!row.id) {
    const scope = [filter.source && `source ${filter.source}`, filter.topic && `topic ${filter.topic}`].filter(Boolean).join(", ");
    return { seed: null, reason: `No new unassigned seeds are left${scope ? ` for ${scope}` : ""}.` };
  }
  return { seed: { id: row.id, title: row.title, location: row.location, source: row.source! } };
}

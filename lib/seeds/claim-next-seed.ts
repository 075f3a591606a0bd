import "server-only";
// POST /api/seeds/claim-next: an annotator takes the oldest NEW unassigned seed (optionally of a source or
// topic). SKIP LOCKED lets concurrent claimers pass each other's rows, so no seed is ever handed out twice;
// an advisory lock on the claimer, taken before their claims are counted, makes the open-claims cap exact under
// concurrency (both in the database function "claim_next_seed", prisma/migrations/20261211100000_claim_next_function).
import type pg from "pg";
import { getPgPool } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { ZClaimNext } from "./schemas";

export type ClaimedSeed = { id: string; title: string | null; location: string | null; source: string };
export type ClaimResult = { seed: ClaimedSeed } | { seed: null; reason: string };
type ClaimRow = { open: number; id: string | null; title: string | null; location: string | null; source: string | null };

/**
 * `pool`: the app's pool by default (tests pass a second pool to act as a second app instance). Straight on
 * the pg pool, like the release rows: for a call this small, Prisma's query handling was most of the app's
 * CPU per claim (0.75 of 1 ms), and claimers compete for the same two cores as PostgreSQL.
 */
export async function claimNextSeed(actor: Actor, rawInput: unknown, pool: pg.Pool = getPgPool()): Promise<ClaimResult> {
  assertCan(actor, "item.create");
  const filter = ZClaimNext.parse(rawInput ?? {});
  const userId = actor.id;
  if (!userId) throw new AppError("FORBIDDEN", "Claiming a seed needs a signed-in annotator.");
  const max = getEnv().MAX_OPEN_CLAIMS;
  // One call of the database function "claim_next_seed": the claimer's lock, the count of their open claims, the
  // pick, the assignment and the audit event, in one round trip.
  const { rows: [row] } = await pool.query<ClaimRow>(
    `SELECT "open", "id", "title", "location", "source" FROM "claim_next_seed"($1::uuid, $2::int, $3::text, $4::text)`,
    [userId, max, filter.source ?? null, filter.topic ?? null],
  );
  if (row.open >= max) {
    throw new AppError("CONFLICT", `You hold ${row.open} open claims, the most allowed (MAX_OPEN_CLAIMS = ${max}): adapt or hand back one of them first.`);
  }
  if (!row.id) {
    const scope = [filter.source && `source ${filter.source}`, filter.topic && `topic ${filter.topic}`].filter(Boolean).join(", ");
    return { seed: null, reason: `No new unassigned seeds are left${scope ? ` for ${scope}` : ""}.` };
  }
  return { seed: { id: row.id, title: row.title, location: row.location, source: row.source! } };
}

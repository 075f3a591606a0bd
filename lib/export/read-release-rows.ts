import "server-only";
// The rows of a release, from PostgreSQL in keyset batches by position (the (releaseId, position) index):
// a frozen ReleaseItem joined with the ItemRevision it names. Memory holds one batch (two with prefetch).
import type pg from "pg";
import type { Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { SPLIT_NAMES, SPLIT_OF_DB, type SplitName } from "./model/release-row";
import type { ProvenanceNeed, RawBatch, RawReleaseRow } from "./release-rows-of";

export type { ProvenanceNeed, RawBatch };

/**
 * Where rows are read: a Prisma client or transaction, or the pg pool under the app's client (outside a
 * transaction: Prisma's per-row result mapping was a fifth of a download's CPU, the same rows straight from pg
 * cost none of it). Either gives the JSON columns as the text this module selects.
 */
export type RowReader = Pick<Tx, "$queryRaw"> | pg.Pool;
export type SplitRange = { start: number; count: number };
export type SplitRanges = Record<SplitName, SplitRange>;

// Small enough that a batch (and the prefetched next one) can die young instead of outliving the scavenges its
// encoding triggers and being promoted (full GCs over the server's heap cost CPU): 200 used less app CPU than 500
// in the export benchmark, 100 gained nothing more for twice the round trips.
export const ROW_BATCH = 200;

async function query<T>(db: RowReader, sql: Prisma.Sql): Promise<T[]> {
  if ("$queryRaw" in db) return db.$queryRaw<T[]>(sql);
  return (await db.query<T & pg.QueryResultRow>(sql.text, sql.values)).rows;
}

/** Where each split's rows sit (positions are contiguous per split: train, validation, test). */
export async function splitRanges(db: RowReader, releaseId: string): Promise<SplitRanges> {
  const rows = await query<{ split: keyof typeof SPLIT_OF_DB; start: number; count: number }>(db, Prisma.sql`
    SELECT "split", min("position")::int AS "start", count(*)::int AS "count"
    FROM "ReleaseItem" WHERE "releaseId" = ${releaseId}::uuid GROUP BY "split"`);
  const ranges = Object.fromEntries(SPLIT_NAMES.map((s) => [s, { start: 0, count: 0 }])) as SplitRanges;
  for (const r of rows) ranges[SPLIT_OF_DB[r.split]] = { start: r.start, count: r.count };
  return ranges;
}

function provenanceSql(need: ProvenanceNeed): Prisma.Sql {
  if (need === "all") return Prisma.sql`ri."provenance"`;
  if (need === "seed-source") return Prisma.sql`jsonb_build_object('seed', ri."provenance"->'seed', 'source', ri."provenance"->'source')`;
  return Prisma.sql`jsonb_build_object('source', ri."provenance"->'source')`;
}

export type ReadOptions = {
  need?: ProvenanceNeed;
  batch?: number;
  /** fetch the next batch while the caller encodes this one (not inside a transaction: one connection, one query at a time) */
  prefetch?: boolean;
};

/**
 * The rows of one split as PostgreSQL sends them, `batch` at a time, in position order: the JSON columns as
 * text, parsed by whoever encodes them (a worker thread, for downloads). Positions are contiguous within a
 * split (the freeze numbers them), so each batch is a range of the (releaseId, position) index.
 */
export async function* readRawSplitRows(
  db: RowReader, release: { id: string; name: string }, split: SplitName, range: SplitRange, options: ReadOptions = {},
): AsyncGenerator<RawBatch> {
  const { need = "all", batch = ROW_BATCH, prefetch = false } = options;
  const end = range.start + range.count;
  const fetch = (from: number) => query<RawReleaseRow>(db, Prisma.sql`
    SELECT ri."position", ri."itemId", ri."version", ri."revisionId", (${provenanceSql(need)})::text AS "provenance", r."snapshot"::text AS "snapshot"
    FROM "ReleaseItem" ri JOIN "ItemRevision" r ON r."id" = ri."revisionId"
    WHERE ri."releaseId" = ${release.id}::uuid AND ri."position" >= ${from} AND ri."position" < ${Math.min(from + batch, end)}
    ORDER BY ri."position"`);
  let pending = range.start < end ? fetch(range.start) : null;
  for (let from = range.start; from < end; from += batch) {
    const rows = await pending!;
    pending = null;
    const expected = Math.min(batch, end - from);
    if (rows.length !== expected) throw new Error(`release ${release.name}: rows ${from}…${from + expected - 1} of ${split} are missing`);
    if (prefetch && from + batch < end) {
      pending = fetch(from + batch);
      pending.catch(() => undefined); // surfaced when awaited; not an unhandled rejection if the reader stops early
    }
    yield { release: release.name, split, start: range.start, need, rows };
    if (!prefetch && from + batch < end) pending = fetch(from + batch);
  }
}

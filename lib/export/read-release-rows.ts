import "server-only";
// The rows of a release, from PostgreSQL in keyset batches by position (the (releaseId, position) index):
// a frozen ReleaseItem joined with the ItemRevision it names. Memory holds one batch.
import type { Tx } from "../db";
import { fieldsOf } from "../items/item-record";
import { SPLIT_NAMES, SPLIT_OF_DB, type Provenance, type ReleaseRow, type SplitName } from "./model/release-row";

export type RowReader = Pick<Tx, "$queryRaw">;
export type SplitRange = { start: number; count: number };
export type SplitRanges = Record<SplitName, SplitRange>;

export const ROW_BATCH = 1000;

/** Where each split's rows sit (positions are contiguous per split: train, validation, test). */
export async function splitRanges(db: RowReader, releaseId: string): Promise<SplitRanges> {
  const rows = await db.$queryRaw<{ split: keyof typeof SPLIT_OF_DB; start: number; count: number }[]>`
    SELECT "split", min("position")::int AS "start", count(*)::int AS "count"
    FROM "ReleaseItem" WHERE "releaseId" = ${releaseId}::uuid GROUP BY "split"`;
  const ranges = Object.fromEntries(SPLIT_NAMES.map((s) => [s, { start: 0, count: 0 }])) as SplitRanges;
  for (const r of rows) ranges[SPLIT_OF_DB[r.split]] = { start: r.start, count: r.count };
  return ranges;
}

type DbRow = { position: number; itemId: string; version: number; revisionId: string; provenance: Provenance; snapshot: Record<string, unknown> };

/** The rows of one split, `batch` at a time, in position order. */
export async function* readSplitRows(
  db: RowReader, release: { id: string; name: string }, split: SplitName, range: SplitRange, batch = ROW_BATCH,
): AsyncGenerator<ReleaseRow[]> {
  const end = range.start + range.count;
  let next = range.start;
  while (next < end) {
    const rows = await db.$queryRaw<DbRow[]>`
      SELECT ri."position", ri."itemId", ri."version", ri."revisionId", ri."provenance", r."snapshot"
      FROM "ReleaseItem" ri JOIN "ItemRevision" r ON r."id" = ri."revisionId"
      WHERE ri."releaseId" = ${release.id}::uuid AND ri."position" >= ${next} AND ri."position" < ${end}
      ORDER BY ri."position" LIMIT ${batch}`;
    if (!rows.length) throw new Error(`release ${release.name}: rows ${next}…${end - 1} of ${split} are missing`);
    yield rows.map((r) => ({
      release: release.name,
      split,
      index: r.position - range.start,
      itemId: r.itemId,
      version: r.version,
      revisionId: r.revisionId,
      item: fieldsOf(r.snapshot),
      provenance: r.provenance,
    }));
    next = rows[rows.length - 1].position + 1;
  }
}

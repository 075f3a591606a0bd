import "server-only";
// The rows of a release, from PostgreSQL in keyset batches by position (the (releaseId, position) index):
// a frozen ReleaseItem joined with the ItemRevision it names. Memory holds one batch.
import type { Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { fieldsOf } from "../items/item-record";
import type { ItemFields } from "../items/schemas";
import { sortKeysDeep } from "./model/canonical-json";
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

/** The snapshot's fields (read defensively by fieldsOf) with every object's keys in sorted order. */
function sortedFields(snapshot: Record<string, unknown>): ItemFields {
  const fields = fieldsOf(snapshot);
  return { ...fields, answerSpec: sortKeysDeep(fields.answerSpec), testCases: sortKeysDeep(fields.testCases), declarations: sortKeysDeep(fields.declarations) };
}

/** How much of the frozen provenance a reader needs: all (native, the manifest), seed and source (pipeline), or the source (verl, sft). */
export type ProvenanceNeed = "all" | "seed-source" | "source";

const EMPTY_PROVENANCE: Omit<Provenance, "source"> = {
  seed: { id: "", title: null, problem: "", solution: null, location: null },
  author: { id: "", name: "" },
  reviews: [],
  approval: { at: null, by: null },
  checks: null,
};

function provenanceSql(need: ProvenanceNeed): Prisma.Sql {
  if (need === "all") return Prisma.sql`ri."provenance"`;
  if (need === "seed-source") return Prisma.sql`jsonb_build_object('seed', ri."provenance"->'seed', 'source', ri."provenance"->'source')`;
  return Prisma.sql`jsonb_build_object('source', ri."provenance"->'source')`;
}

type DbRow = { position: number; itemId: string; version: number; revisionId: string; provenance: Provenance; snapshot: Record<string, unknown> };

/** The rows of one split, `batch` at a time, in position order. */
export async function* readSplitRows(
  db: RowReader, release: { id: string; name: string }, split: SplitName, range: SplitRange, need: ProvenanceNeed = "all", batch = ROW_BATCH,
): AsyncGenerator<ReleaseRow[]> {
  const end = range.start + range.count;
  let next = range.start;
  while (next < end) {
    const rows = await db.$queryRaw<DbRow[]>`
      SELECT ri."position", ri."itemId", ri."version", ri."revisionId", ${provenanceSql(need)} AS "provenance", r."snapshot"
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
      item: sortedFields(r.snapshot),
      // parts a format does not read are left empty (sorted, like the rest)
      provenance: sortKeysDeep(need === "all" ? r.provenance : { ...EMPTY_PROVENANCE, ...r.provenance }),
    }));
    next = rows[rows.length - 1].position + 1;
  }
}

// A batch of frozen release rows as PostgreSQL sends them (the snapshot and the provenance as JSON text) →
// the rows formats read, every object re-keyed in sorted order. Pure, and free of server-only imports: the
// export's worker threads run it (lib/export/bundle/encode-off-thread.ts), and so does the server for the
// manifest.
import { frozenFields } from "./frozen-fields";
import { sortedProvenance } from "./frozen-provenance";
import type { Provenance, ReleaseRow, SplitName } from "./model/release-row";

/** How much of the frozen provenance a reader needs: all (native, the manifest), seed and source (pipeline), or the source (verl, sft). */
export type ProvenanceNeed = "all" | "seed-source" | "source";

/** One ReleaseItem joined with its ItemRevision, the JSON columns still as text. */
export type RawReleaseRow = { position: number; itemId: string; version: number; revisionId: string; provenance: string; snapshot: string };

/** Consecutive rows of one split file; `start` is the split's first position (a row's index is its position − start). */
export type RawBatch = { release: string; split: SplitName; start: number; need: ProvenanceNeed; rows: RawReleaseRow[] };

const EMPTY_PROVENANCE: Omit<Provenance, "source"> = {
  seed: { id: "", title: null, problem: "", solution: null, location: null },
  author: { id: "", name: "" },
  reviews: [],
  approval: { at: null, by: null },
  checks: null,
};

export function releaseRowsOf(batch: RawBatch): ReleaseRow[] {
  return batch.rows.map((r) => {
    const provenance = JSON.parse(r.provenance) as Provenance;
    return {
      release: batch.release,
      split: batch.split,
      index: r.position - batch.start,
      itemId: r.itemId,
      version: r.version,
      revisionId: r.revisionId,
      item: frozenFields(JSON.parse(r.snapshot) as Record<string, unknown>),
      // parts a format does not read are left empty (sorted, like the rest)
      provenance: sortedProvenance(batch.need === "all" ? provenance : { ...EMPTY_PROVENANCE, ...provenance }),
    };
  });
}

// One batch of a data file (or, for release creation, of every file of its split), encoded where it runs (a
// worker thread): the raw rows parsed, then JSON Lines bytes, or verl rows for the Parquet writer, which must see
// a file's rows in order in one place (its row groups span batches). Pure.
import { toVerlRow, type VerlRow } from "../formats/verl";
import { releaseRowsOf, type RawBatch } from "../release-rows-of";
import type { ReleaseRow } from "../model/release-row";
import { jsonlBytes } from "./encoders";
import type { DataFileKind } from "./layout";
import { tallyFactOf, type TallyFact } from "./manifest";

export type EncodeTask = { kind: DataFileKind; batch: RawBatch };
export type EncodedBatch = { lines: Uint8Array } | { verl: VerlRow[] };

function encodeRows(kind: DataFileKind, rows: ReleaseRow[]): EncodedBatch {
  return kind.encoding === "parquet" ? { verl: rows.map(toVerlRow) } : { lines: jsonlBytes(kind, rows) };
}

export function encodeBatch({ kind, batch }: EncodeTask): EncodedBatch {
  return encodeRows(kind, releaseRowsOf(batch));
}

/** Release creation's pass: one batch (read with all its provenance) for every file of its split, and the tally's facts. */
export type EncodeAllTask = { kinds: DataFileKind[]; batch: RawBatch };
export type EncodedForAll = { encoded: EncodedBatch[]; facts: TallyFact[] };

export function encodeAll({ kinds, batch }: EncodeAllTask): EncodedForAll {
  const rows = releaseRowsOf(batch);
  return { encoded: kinds.map((kind) => encodeRows(kind, rows)), facts: rows.map(tallyFactOf) };
}

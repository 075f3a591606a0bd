// One batch of a data file, encoded where it runs (a worker thread for downloads): the raw rows parsed, then
// JSON Lines bytes, or verl rows for the Parquet writer, which must see a file's rows in order in one place
// (its row groups span batches). Pure.
import { toVerlRow, type VerlRow } from "../formats/verl";
import { releaseRowsOf, type RawBatch } from "../release-rows-of";
import { jsonlBytes } from "./encoders";
import type { DataFileKind } from "./layout";

export type EncodeTask = { kind: DataFileKind; batch: RawBatch };
export type EncodedBatch = { lines: Uint8Array } | { verl: VerlRow[] };

export function encodeBatch({ kind, batch }: EncodeTask): EncodedBatch {
  const rows = releaseRowsOf(batch);
  return kind.encoding === "parquet" ? { verl: rows.map(toVerlRow) } : { lines: jsonlBytes(kind, rows) };
}

// Row encoders: rows in, bytes out, a batch at a time, holding at most one Parquet row group (as bytes). JSON Lines are
// canonical JSON, one row per line with "\n" (a batch's lines are independent of the others', so batches can be
// encoded apart, in worker threads: encode-off-thread.ts); Parquet uses verl's explicit schema, fixed 1,000-row groups,
// Snappy, no statistics and a fixed `created_by`, so the bytes depend on the rows alone. No database.
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { FORMATS } from "../formats";
import { VERL_PARQUET_SCHEMA, toVerlRow, type VerlRow } from "../formats/verl";
import { sortedJson } from "../model/canonical-json";
import type { ReleaseRow } from "../model/release-row";
import type { DataFileKind } from "./layout";
import { VerlRowGroup } from "./verl-row-group";

export const PARQUET_ROW_GROUP = 1000;

export type FileEncoder = {
  /** encode a batch; returns the bytes ready so far (possibly none) */
  push: (rows: ReleaseRow[]) => Buffer[];
  /** the remaining bytes (Parquet: the last row group and the footer) */
  end: () => Buffer[];
};

/** The bytes of a first guess at a batch's lines; the buffer doubles when they need more. */
const FIRST_GUESS_BYTES = 512 * 1024;

export function createEncoder(kind: DataFileKind): FileEncoder {
  if (kind.encoding === "parquet") {
    const writer = verlParquetWriter();
    return { push: (rows) => writer.push(rows.map(toVerlRow)), end: () => writer.end() };
  }
  return { push: (rows) => [jsonlBytes(kind, rows)], end: () => [] };
}

/**
 * A batch of rows as JSON Lines, written straight into one buffer (no string of the whole batch is built and
 * flattened). Not from Node's shared Buffer pool, so a worker thread can hand its memory over (serve.ts).
 */
export function jsonlBytes(kind: DataFileKind, rows: ReleaseRow[]): Buffer {
  const format = FORMATS[kind.format];
  // formats build rows with sorted keys from sorted rows: JSON.stringify is canonical (formats.test.ts checks)
  const line = format.toLine ?? ((row: ReleaseRow) => sortedJson(format.toRow(row)));
  let out = Buffer.allocUnsafeSlow(FIRST_GUESS_BYTES);
  let used = 0;
  for (const row of rows) {
    const text = `${line(row)}\n`;
    const most = text.length * 3; // UTF-8 bytes of a UTF-16 code unit: at most 3
    if (used + most > out.byteLength) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(out.byteLength * 2, used + most));
      out.copy(bigger, 0, 0, used);
      out = bigger;
    }
    used += out.write(text, used, "utf8");
  }
  return out.subarray(0, used);
}

/** verl's Parquet file from its rows, a batch at a time: `push` returns the row groups completed so far. */
export function verlParquetWriter(): { push: (rows: VerlRow[]) => Buffer[]; end: () => Buffer[] } {
  const writer = new ByteWriter(1 << 20);
  let parquet: ParquetWriter | null = null;
  // the filling row group as bytes, not row objects, written a column at a time (verl-row-group.ts says why)
  const group = new VerlRowGroup(PARQUET_ROW_GROUP);
  // hand out what the writer holds and start its buffer over (its `offset` keeps counting for the footer)
  const take = () => {
    const bytes = Buffer.from(writer.getBytes());
    writer.index = 0;
    return bytes.byteLength ? [bytes] : [];
  };
  const open = () => (parquet ??= new ParquetWriter({ writer, schema: VERL_PARQUET_SCHEMA as never, statistics: false, createdBy: "fieldwork" }));
  const writeGroup = () => {
    void open().write({ columnData: group.parquetColumns() as never, rowGroupSize: PARQUET_ROW_GROUP });
    group.clear();
  };
  return {
    push: (rows) => {
      open();
      for (const row of rows) {
        group.add(row);
        if (group.isFull) writeGroup();
      }
      return take();
    },
    end: () => {
      open();
      if (group.size) writeGroup();
      void parquet!.finish();
      return take();
    },
  };
}

// Row encoders: rows in, bytes out, a batch at a time, holding at most one Parquet row group (as bytes). JSON Lines are
// canonical JSON, one row per line with "\n"; Parquet uses verl's explicit schema, fixed 1,000-row groups,
// Snappy, no statistics and a fixed `created_by`, so the bytes depend on the rows alone. No database.
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { FORMATS } from "../formats";
import { VERL_PARQUET_SCHEMA, toVerlRow } from "../formats/verl";
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

/**
 * Output in chunks of about this many bytes. Lines are encoded straight into the chunk's buffer: no 64 KB string
 * is built and flattened per chunk (young-generation churn the size of the whole file).
 */
const CHUNK_BYTES = 64 * 1024;

export function createEncoder(kind: DataFileKind): FileEncoder {
  return kind.encoding === "parquet" ? parquetEncoder() : jsonlEncoder(kind);
}

function jsonlEncoder(kind: DataFileKind): FileEncoder {
  const format = FORMATS[kind.format];
  // formats build rows with sorted keys from sorted rows: JSON.stringify is canonical (formats.test.ts checks)
  const line = format.toLine ?? ((row: ReleaseRow) => sortedJson(format.toRow(row)));
  return {
    push: (rows) => {
      const out: Buffer[] = [];
      let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      let used = 0;
      for (const row of rows) {
        const text = `${line(row)}\n`;
        const bytes = Buffer.byteLength(text, "utf8");
        if (used + bytes > chunk.byteLength) {
          if (used) out.push(chunk.subarray(0, used));
          chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
          used = 0;
        }
        used += chunk.write(text, used, "utf8");
      }
      if (used) out.push(chunk.subarray(0, used));
      return out;
    },
    end: () => [],
  };
}

function parquetEncoder(): FileEncoder {
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
        group.add(toVerlRow(row));
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

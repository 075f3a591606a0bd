import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { GOOD_ITEM } from "../../../tests/support/item-fixtures";
import { VERL_PARQUET_SCHEMA, toVerlRow, verlParquetColumns } from "../formats/verl";
import { sortKeysDeep } from "../model/canonical-json";
import type { ReleaseRow } from "../model/release-row";
import { PARQUET_ROW_GROUP, createEncoder, type FileEncoder } from "./encoders";
import { layoutFor } from "./layout";

const PARQUET = layoutFor(2).kinds.find((k) => k.encoding === "parquet")!;
const ITEM = { ...GOOD_ITEM, answerSpec: sortKeysDeep(GOOD_ITEM.answerSpec), testCases: sortKeysDeep(GOOD_ITEM.testCases) };
const STATEMENTS = ["Plain ASCII.", "Énergie du niveau $n$ — ½ħω.", "能级 $E_n$ 😀 (a surrogate pair).", "", "Long: " + "x".repeat(300_000)];

/** A frozen row as the reader gives it: sorted keys, optional fields absent or present. */
function rowAt(i: number, statement = STATEMENTS[i % STATEMENTS.length]): ReleaseRow {
  return {
    release: "qft-1", split: "train", index: i, itemId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, version: 1 + (i % 3),
    revisionId: "r", provenance: { source: { identifier: i % 2 ? "arXiv:2101.00001" : "Schwartz QFT, ch. 2" } } as ReleaseRow["provenance"],
    item: {
      ...ITEM, statement, topic: i % 4 ? "Scattering" : "", level: i % 5 ? "GRADUATE" : null, difficulty: i % 7 ? "HARD" : null,
      answerSpec: { ...ITEM.answerSpec, functionName: `f${i % 11}` },
    },
  };
}

function drain(encoder: FileEncoder, batches: ReleaseRow[][]): Buffer {
  const out: Buffer[] = [];
  for (const batch of batches) out.push(...encoder.push(batch));
  out.push(...encoder.end());
  return Buffer.concat(out);
}

/** The Parquet file as releases until now were written: the rows' objects, in groups of PARQUET_ROW_GROUP. */
function parquetOfRowObjects(rows: ReleaseRow[]): Buffer {
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({ writer, schema: VERL_PARQUET_SCHEMA as never, statistics: false, createdBy: "fieldwork" });
  const verl = rows.map(toVerlRow);
  for (let i = 0; i < verl.length; i += PARQUET_ROW_GROUP) {
    void parquet.write({ columnData: verlParquetColumns(verl.slice(i, i + PARQUET_ROW_GROUP)) as never, rowGroupSize: PARQUET_ROW_GROUP });
  }
  void parquet.finish();
  return Buffer.from(writer.getBytes());
}

const batchesOf = (rows: ReleaseRow[], size: number) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

describe("the Parquet encoder", () => {
  it("writes the same bytes as before for any batching: releases created earlier still rebuild to their manifest's sha256", () => {
    const rows = Array.from({ length: 2 * PARQUET_ROW_GROUP + 345 }, (_, i) => rowAt(i));
    const expected = parquetOfRowObjects(rows);
    for (const size of [200, 999, 1000, 2345, 7]) expect(drain(createEncoder(PARQUET), batchesOf(rows, size)).equals(expected), `batches of ${size}`).toBe(true);
    expect(drain(createEncoder(PARQUET), [rows.slice(0, 3)]).equals(parquetOfRowObjects(rows.slice(0, 3)))).toBe(true);
  });

  it("holds a filling row group outside the JS heap (its rows' objects would be promoted, then pretenured)", () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const encoder = createEncoder(PARQUET);
    // 999 rows with distinct 50 KB statements: 50 MB of prompt text waiting for the group's last row
    const push = (from: number) => encoder.push(Array.from({ length: 111 }, (_, i) => rowAt(from + i, `${from + i} `.padEnd(50_000, "y"))));
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let from = 0; from < PARQUET_ROW_GROUP - 1; from += 111) push(from);
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(held).toBeLessThan(5 * 1024 * 1024);
    expect(encoder.end().length).toBeGreaterThan(0);
  });
});

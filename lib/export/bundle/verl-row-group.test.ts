import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { verlParquetColumns, type VerlRow } from "../formats/verl";
import { VerlRowGroup } from "./verl-row-group";

function verlRow(i: number, content: string): VerlRow {
  return {
    ability: "physics", data_source: "qft-1",
    extra_info: {
      difficulty: i % 2 ? "hard" : null, index: i, item_id: `item-${i}`, level: i % 3 ? "graduate" : null, source: "Peskin & Schroeder, § 7.1",
      split: "validation", topic: i % 5 ? "Schwinger–Dyson ∂μ" : null, version: 2 ** 40 + i,
    },
    prompt: [{ content, role: "user" }],
    reward_model: { ground_truth: `{"function_name":"f${i}","test_cases":[{"expected":${i}}]}`, style: "rule" },
  };
}

/** Every column's values as a Parquet writer reads them (getters included), comparable with toEqual. */
const read = (columns: { name: string; data: { slice: () => unknown[] } | unknown[] }[]) =>
  columns.map(({ name, data }) => ({ name, values: data.slice().map((v) => materialise(v)) }));
function materialise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(materialise);
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if ("content" in o) return { content: o.content, role: o.role };
  if ("ground_truth" in o) return { ground_truth: o.ground_truth, style: o.style };
  return { ...o };
}

describe("a verl row group held as bytes", () => {
  it("gives the Parquet columns of exactly the rows added (non-ASCII, empty, null, long, past its first buffer), and starts over when cleared", () => {
    const contents = ["", "ASCII", "Énergie ½ħω — 能级 😀", "y".repeat(700_000)];
    const rows = Array.from({ length: 10 }, (_, i) => verlRow(i, contents[i % contents.length]));
    const group = new VerlRowGroup(10);
    for (const row of rows) group.add(row);
    expect(group.isFull).toBe(true);
    expect(() => group.add(rows[0])).toThrow(/full/);
    expect(read(group.parquetColumns())).toEqual(read(verlParquetColumns(rows)));
    group.clear();
    group.add(rows[2]);
    expect(read(group.parquetColumns())).toEqual(read(verlParquetColumns([rows[2]])));
  });

  it("builds a column only when the writer takes it, and decodes prompts only when it reads them", () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const group = new VerlRowGroup(1000);
    for (let i = 0; i < 1000; i++) group.add(verlRow(i, `${i} `.padEnd(50_000, "z"))); // 50 MB of prompts
    gc();
    const before = process.memoryUsage().heapUsed;
    const columns = group.parquetColumns();
    const prompts = columns.find((c) => c.name === "prompt")!.data.slice() as VerlRow["prompt"][];
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(5 * 1024 * 1024);
    expect(prompts[999][0].content).toMatch(/^999 z+$/);
    expect(columns.map((c) => c.data.length)).toEqual([1000, 1000, 1000, 1000, 1000]);
  });
});

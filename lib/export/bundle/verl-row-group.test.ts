import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { VerlRow } from "../formats/verl";
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

/** What a Parquet writer reads of a row: every field, getters included. */
const plain = (row: VerlRow) => JSON.parse(JSON.stringify({ ...row, prompt: row.prompt.map((m) => ({ content: m.content, role: m.role })), reward_model: { ground_truth: row.reward_model.ground_truth, style: row.reward_model.style } })) as unknown;

describe("a verl row group held as bytes", () => {
  it("gives back exactly the rows added (non-ASCII, empty, null, long, past its first buffer), and starts over when cleared", () => {
    const contents = ["", "ASCII", "Énergie ½ħω — 能级 😀", "y".repeat(700_000)];
    const rows = Array.from({ length: 10 }, (_, i) => verlRow(i, contents[i % contents.length]));
    const group = new VerlRowGroup(10);
    for (const row of rows) group.add(row);
    expect(group.isFull).toBe(true);
    expect(() => group.add(rows[0])).toThrow(/full/);
    expect(group.rows().map(plain)).toEqual(rows.map(plain));
    group.clear();
    group.add(rows[2]);
    expect(group.rows().map(plain)).toEqual([plain(rows[2])]);
  });

  it("decodes the prompts and ground truths only when they are read, so rebuilding a group costs little heap", () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const group = new VerlRowGroup(1000);
    for (let i = 0; i < 1000; i++) group.add(verlRow(i, `${i} `.padEnd(50_000, "z"))); // 50 MB of prompts
    gc();
    const before = process.memoryUsage().heapUsed;
    const rows = group.rows();
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(5 * 1024 * 1024);
    expect(rows[999].prompt[0].content).toMatch(/^999 z+$/);
  });
});

// Release files encoded in the export's worker threads are the bytes one thread writes: every format, batches
// in flight on several threads yielded in row order, the Parquet writer fed across batches, and the same with
// no threads (EXPORT_THREADS=0); and release creation's pass (every file of a split at once, with the tally).
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GOOD_ITEM } from "../support/item-fixtures";
import { encodeFile, encodeFilesOfSplit } from "../../lib/export/bundle/encode-off-thread";
import { CountTally } from "../../lib/export/bundle/manifest";
import { createEncoder } from "../../lib/export/bundle/encoders";
import { layoutFor, type DataFileKind } from "../../lib/export/bundle/layout";
import type { Provenance } from "../../lib/export/model/release-row";
import { releaseRowsOf, type RawBatch } from "../../lib/export/release-rows-of";
import { resetEnvCache } from "../../lib/env";
import { closeWorkerPools } from "../../lib/workers/run-task";

const STATEMENTS = ["Plain ASCII.", "Énergie du niveau $n$ — ½ħω.", "能级 $E_n$ 😀 (a surrogate pair).", "Quote \" and \\ and a tab\t.", "Long: " + "x".repeat(20_000)];
const START = 40; // the split's first position in the release

function provenanceOf(i: number): Provenance {
  return {
    seed: { id: `seed-${i}`, title: i % 3 ? `Seed ${i}` : null, problem: `Problem ${i} with $x^2$.`, solution: null, location: i % 2 ? `Problem ${i}` : null },
    source: {
      kind: i % 2 ? "ARXIV" : "TEXTBOOK", identifier: i % 2 ? "arXiv:2101.00001v2" : "Schwartz QFT", title: "A source", authors: ["A. Author", "B. Author"],
      url: null, license: i % 4 ? "CC-BY-4.0" : null, version: null, category: "hep-th",
    },
    author: { id: "author-1", name: "Ada" },
    reviews: [{ reviewer: "Lead", decision: "APPROVE", version: 2, at: "2026-11-30T10:00:00.000Z" }],
    approval: { by: "Lead", at: "2026-11-30T10:00:00.000Z" },
    checks: i % 5 ? { runId: `run-${i}`, ranAt: "2026-11-30T09:59:00.000Z", passed: true, isolation: "bwrap", total: 12, failedBlocking: 0, failedWarnings: 1, failing: ["w1"] } : null,
  };
}

/** Raw batches as PostgreSQL sends them (JSON columns as text, keys in any order). */
function rawBatches(count: number, size: number, need: RawBatch["need"]): RawBatch[] {
  const rows = Array.from({ length: count }, (_, i) => ({
    position: START + i, itemId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, version: 1 + (i % 3), revisionId: `rev-${i}`,
    provenance: JSON.stringify(provenanceOf(i)),
    snapshot: JSON.stringify({ ...GOOD_ITEM, statement: STATEMENTS[i % STATEMENTS.length], topic: i % 4 ? "Scattering" : "", answerSpec: { ...GOOD_ITEM.answerSpec, functionName: `f${i % 11}` } }),
  }));
  return Array.from({ length: Math.ceil(count / size) }, (_, b) => ({ release: "qft-1", split: "train", start: START, need, rows: rows.slice(b * size, (b + 1) * size) }));
}

/** The file as one thread writes it from the parsed rows. */
function inOneThread(kind: DataFileKind, batches: RawBatch[]): Buffer {
  const encoder = createEncoder(kind);
  const out: Buffer[] = [];
  for (const batch of batches) out.push(...encoder.push(releaseRowsOf(batch)));
  return Buffer.concat([...out, ...encoder.end()]);
}

async function offThread(kind: DataFileKind, batches: RawBatch[]): Promise<Buffer> {
  async function* source() {
    for (const batch of batches) yield batch;
  }
  const out: Buffer[] = [];
  for await (const chunk of encodeFile(kind, source())) out.push(chunk);
  return Buffer.concat(out);
}

async function withThreads<T>(threads: string, fn: () => Promise<T>): Promise<T> {
  await closeWorkerPools(); // pools read their size when they start
  process.env.EXPORT_THREADS = threads;
  resetEnvCache();
  return fn();
}

describe("encodeFile (release files off the event loop)", () => {
  afterEach(() => {
    delete process.env.EXPORT_THREADS;
    resetEnvCache();
  });
  afterAll(() => closeWorkerPools());

  it("gives every format's file byte for byte as one thread writes it, with 0, 1 or 3 threads", async () => {
    const files = layoutFor(2).kinds.map((kind) => {
      const batches = rawBatches(2345, 200, kind.provenance); // 12 batches, the Parquet row groups spanning them
      return { kind, batches, expected: inOneThread(kind, batches) };
    });
    for (const threads of ["0", "1", "3"]) {
      await withThreads(threads, async () => {
        for (const { kind, batches, expected } of files) {
          expect(expected.byteLength).toBeGreaterThan(10_000);
          const got = await offThread(kind, batches);
          expect(got.equals(expected), `${kind.dir}/*.${kind.ext} with ${threads} threads`).toBe(true);
        }
      });
    }
  }, 120_000);

  it("gives release creation's pass (every file of a split at once, and the tally's facts) the same bytes and counts", async () => {
    const kinds = layoutFor(2).kinds;
    const batches = rawBatches(2345, 200, "all");
    const expected = kinds.map((kind) => inOneThread(kind, batches));
    const oneThreadTally = new CountTally();
    for (const batch of batches) for (const row of releaseRowsOf(batch)) oneThreadTally.add(row);
    for (const threads of ["0", "2"]) {
      await withThreads(threads, async () => {
        const files: Buffer[][] = kinds.map(() => []);
        const tally = new CountTally();
        async function* source() {
          for (const batch of batches) yield batch;
        }
        for await (const step of encodeFilesOfSplit(kinds, source())) {
          step.files.forEach((chunks, i) => files[i].push(...chunks));
          for (const fact of step.facts) tally.addFact(fact);
        }
        kinds.forEach((kind, i) => expect(Buffer.concat(files[i]).equals(expected[i]), `${kind.dir}/*.${kind.ext} with ${threads} threads`).toBe(true));
        expect(tally.result()).toEqual(oneThreadTally.result());
        expect(tally.result().counts.total).toBe(2345);
      });
    }
  }, 120_000);

  it("numbers rows within their split and reads each row's own item and provenance", async () => {
    const kind = layoutFor(2).kinds.find((k) => k.format === "native")!;
    const lines = (await withThreads("2", () => offThread(kind, rawBatches(450, 200, "all")))).toString("utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(450);
    const rows = lines.map((l) => JSON.parse(l) as { index: number; id: string; item: { statement: string }; seed: { id: string }; version: number });
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: 450 }, (_, i) => i));
    for (const i of [0, 199, 200, 449]) {
      expect(rows[i].id).toBe(`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
      expect(rows[i].seed.id).toBe(`seed-${i}`);
      expect(rows[i].item.statement).toBe(STATEMENTS[i % STATEMENTS.length]);
      expect(rows[i].version).toBe(1 + (i % 3));
    }
  }, 60_000);
});


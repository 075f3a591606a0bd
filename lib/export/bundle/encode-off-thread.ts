import "server-only";
// A data file of a release encoded by the export's worker threads while this thread reads the next rows from
// PostgreSQL and writes the finished bytes: up to one batch per thread (and one more) in flight, their bytes
// yielded in row order, so the file is the same as encoded in one thread (lines are independent; the Parquet
// writer, whose row groups span batches, runs here on the verl rows the threads build). With the rows parsed
// and encoded in another thread, a download is no longer bound by what one thread can encode (measured: the
// bench's native files went from ≈ 19,000 to ≈ 24,000 items/s on two cores). When the pool is full (a
// thousand batches waiting: many downloads at once) a batch is encoded here instead of being refused. Release creation's one pass over the
// rows (every file of a split, hashed, and the manifest's counts) runs the same way.
import { runTask, exportThreads } from "../../workers/run-task";
import { isPoolBusy } from "../../workers/errors";
import type { RawBatch } from "../read-release-rows";
import { encodeAll, encodeBatch } from "./encode-batch";
import { verlParquetWriter } from "./encoders";
import type { DataFileKind } from "./layout";
import type { TallyFact } from "./manifest";

/** Run a task in the export's threads, or here when there are none or all are busy. */
function runSomewhere<T extends "export.encode" | "export.encodeAll", I, O>(task: T, input: I, here: (input: I) => O, threads: number): Promise<O> {
  if (threads === 0) return Promise.resolve().then(() => here(input));
  const done = (runTask(task, input as never) as Promise<O>).catch((error: unknown) => {
    if (isPoolBusy(error)) return here(input);
    throw error;
  });
  done.catch(() => undefined); // surfaced when awaited; not an unhandled rejection if the reader stops early
  return done;
}

/** Outputs in input order, with up to `threads` + 1 inputs being worked on while the caller uses the first. */
async function* inOrder<I, O>(inputs: AsyncIterable<I>, work: (input: I) => Promise<O>, threads: number): AsyncGenerator<O> {
  const inflight: Promise<O>[] = [];
  for await (const input of inputs) {
    inflight.push(work(input));
    if (inflight.length > threads) yield await inflight.shift()!;
  }
  while (inflight.length) yield await inflight.shift()!;
}

// a thread's bytes arrive as a Uint8Array over memory it handed over (serve.ts): viewed as a Buffer, not copied
const asBuffer = (lines: Uint8Array) => Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength);

/** The file's bytes from its raw rows, in order. */
export async function* encodeFile(kind: DataFileKind, batches: AsyncIterable<RawBatch>): AsyncGenerator<Buffer> {
  const threads = exportThreads();
  const parquet = kind.encoding === "parquet" ? verlParquetWriter() : null;
  for await (const encoded of inOrder(batches, (batch) => runSomewhere("export.encode", { kind, batch }, encodeBatch, threads), threads)) {
    if ("verl" in encoded) yield* parquet!.push(encoded.verl);
    else yield asBuffer(encoded.lines);
  }
  if (parquet) yield* parquet.end();
}

/** Release creation's pass over a split: per batch, in order, each file's bytes (as `kinds`) and the tally's facts. */
export async function* encodeFilesOfSplit(kinds: DataFileKind[], batches: AsyncIterable<RawBatch>): AsyncGenerator<{ files: Buffer[][]; facts: TallyFact[] }> {
  const threads = exportThreads();
  const writers = kinds.map((kind) => (kind.encoding === "parquet" ? verlParquetWriter() : null));
  for await (const { encoded, facts } of inOrder(batches, (batch) => runSomewhere("export.encodeAll", { kinds, batch }, encodeAll, threads), threads)) {
    yield { files: encoded.map((e, i) => ("verl" in e ? writers[i]!.push(e.verl) : [asBuffer(e.lines)])), facts };
  }
  yield { files: writers.map((w) => (w ? w.end() : [])), facts: [] };
}

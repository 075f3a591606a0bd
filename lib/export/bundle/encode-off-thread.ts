import "server-only";
// A data file of a release encoded by the export's worker threads while this thread reads the next rows from
// PostgreSQL and writes the finished bytes: up to one batch per thread (and one more) in flight, their bytes
// yielded in row order, so the file is the same as encoded in one thread (lines are independent; the Parquet
// writer, whose row groups span batches, runs here on the verl rows the threads build). With the rows parsed
// and encoded in another thread, a download is no longer bound by what one thread can encode (measured: the
// bench's native files went from ≈ 19,000 to ≈ 24,000 items/s on two cores). When the threads are all busy
// (many downloads at once) a batch is encoded here instead of being refused.
import { runTask, exportThreads } from "../../workers/run-task";
import { isPoolBusy } from "../../workers/errors";
import type { RawBatch } from "../read-release-rows";
import { encodeBatch, type EncodeTask, type EncodedBatch } from "./encode-batch";
import { verlParquetWriter } from "./encoders";
import type { DataFileKind } from "./layout";

function encodeSomewhere(task: EncodeTask, threads: number): Promise<EncodedBatch> {
  if (threads === 0) return Promise.resolve().then(() => encodeBatch(task));
  const encoded = runTask("export.encode", task).catch((error: unknown) => {
    if (isPoolBusy(error)) return encodeBatch(task);
    throw error;
  });
  encoded.catch(() => undefined); // surfaced when awaited; not an unhandled rejection if the reader stops early
  return encoded;
}

/** The file's bytes from its raw rows, in order. */
export async function* encodeFile(kind: DataFileKind, batches: AsyncIterable<RawBatch>): AsyncGenerator<Buffer> {
  const threads = exportThreads();
  const parquet = kind.encoding === "parquet" ? verlParquetWriter() : null;
  const inflight: Promise<EncodedBatch>[] = [];
  const bytesOf = (encoded: EncodedBatch): Buffer[] => {
    if ("verl" in encoded) return parquet!.push(encoded.verl);
    // a thread's bytes arrive as a Uint8Array over their own memory: viewed as a Buffer, not copied
    return [Buffer.from(encoded.lines.buffer, encoded.lines.byteOffset, encoded.lines.byteLength)];
  };
  for await (const batch of batches) {
    inflight.push(encodeSomewhere({ kind, batch }, threads));
    if (inflight.length > threads) yield* bytesOf(await inflight.shift()!);
  }
  while (inflight.length) yield* bytesOf(await inflight.shift()!);
  if (parquet) yield* parquet.end();
}

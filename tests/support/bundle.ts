// Reading a release's bundle in tests: every file's bytes, the .tar.gz bytes, and a tar.gz unpacked with
// tar-stream (a reader independent of ours).
import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import * as tar from "tar-stream";
import { getDb } from "../../lib/db";
import { bundleFiles } from "../../lib/export/bundle-files";
import { tarGzStream } from "../../lib/export/bundle/tar";
import { loadRelease } from "../../lib/export/release-record";

export async function collect(chunks: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

export async function bundleBytes(name: string): Promise<Map<string, Buffer>> {
  const release = await loadRelease(getDb(), name);
  const out = new Map<string, Buffer>();
  for (const file of await bundleFiles(release)) out.set(file.path, await collect(file.body()));
  return out;
}

export async function tarGzBytes(name: string): Promise<Buffer> {
  const release = await loadRelease(getDb(), name);
  return collect(tarGzStream(await bundleFiles(release), release.createdAt));
}

export type Unpacked = { path: string; header: tar.Header; bytes: Buffer }[];

export async function untarGz(bytes: Buffer): Promise<Unpacked> {
  const extract = tar.extract();
  const out: Unpacked = [];
  Readable.from([bytes]).pipe(createGunzip()).pipe(extract);
  for await (const entry of extract) out.push({ path: entry.header.name, header: entry.header, bytes: await collect(entry as AsyncIterable<Buffer>) });
  return out;
}

export function jsonLines(bytes: Buffer): Record<string, unknown>[] {
  return bytes.toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

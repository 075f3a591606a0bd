import "server-only";
// The bundle over HTTP: the whole .tar.gz, or one file. The response streams from PostgreSQL with the
// client's pace (web stream pulled from the Node stream); a failure mid-stream errors the stream, so the
// client sees a broken transfer (and the manifest's checksums would reveal a partial file), never a clean end.
import { Readable } from "node:stream";
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { bundleFile, bundleFiles, type BundleFile } from "./bundle-files";
import { tarGzStream } from "./bundle/tar";
import { loadRelease } from "./release-record";

const CONTENT_TYPES: [RegExp, string][] = [
  [/\.parquet$/, "application/vnd.apache.parquet"],
  [/^manifest\.json$/, "application/json"],
  [/\.(jsonl|json)$/, "application/jsonl; charset=utf-8"],
  [/\.md$/, "text/markdown; charset=utf-8"],
  [/\.py$/, "text/x-python; charset=utf-8"],
];

function webStream(body: AsyncIterable<Buffer> | Readable): ReadableStream<Uint8Array> {
  const node = body instanceof Readable ? body : Readable.from(body);
  return Readable.toWeb(node) as ReadableStream<Uint8Array>;
}

export async function downloadBundle(actor: Actor, name: unknown): Promise<Response> {
  assertCan(actor, "release.read");
  const release = await loadRelease(getDb(), name);
  const stream = tarGzStream(await bundleFiles(release), release.createdAt);
  return new Response(webStream(stream), {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="${release.name}.tar.gz"`,
      "cache-control": "private, no-cache",
      "x-manifest-sha256": release.manifestSha256,
    },
  });
}

export async function downloadBundleFile(actor: Actor, name: unknown, path: string): Promise<Response> {
  assertCan(actor, "release.read");
  const release = await loadRelease(getDb(), name);
  const file: BundleFile = await bundleFile(release, path);
  const type = CONTENT_TYPES.find(([re]) => re.test(file.path))?.[1] ?? "application/octet-stream";
  return new Response(webStream(file.body()), {
    headers: {
      "content-type": type,
      "content-length": String(file.bytes),
      "content-disposition": `${type.startsWith("application/vnd") ? "attachment" : "inline"}; filename="${release.name}-${file.path.replace(/\//g, "-")}"`,
      etag: `"${file.sha256}"`,
      "cache-control": "private, no-cache",
      "x-content-sha256": file.sha256,
    },
  });
}

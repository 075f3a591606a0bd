import "server-only";
// The files of a release's bundle, rebuilt from the frozen rows: README.md and manifest.json from the stored
// manifest, each data file streamed from PostgreSQL through its encoder. Every file is checked against the
// manifest as it streams (bytes and sha256): a file that would differ ends in an error instead. Rows are
// encoded in the export's worker threads (bundle/encode-off-thread.ts).
import { createHash } from "node:crypto";
import { getDb, getPgPool } from "../db";
import { AppError } from "../errors";
import { datasetCard } from "./bundle/dataset-card";
import { encodeFile } from "./bundle/encode-off-thread";
import { MANIFEST_PATH, README_PATH, comparePaths, dataFiles, layoutFor } from "./bundle/layout";
import type { TarEntry } from "./bundle/tar";
import { staticFileBytes } from "./static-files";
import { canonicalJsonPretty } from "./model/canonical-json";
import { SPLIT_NAMES } from "./model/release-row";
import { readRawSplitRows, splitRanges, type RowReader } from "./read-release-rows";
import type { ReleaseRecord } from "./release-record";

export type BundleFile = TarEntry & { sha256: string; rows: number | null };

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/** Pass the chunks through, then fail unless they add up to the manifest's bytes and sha256. */
async function* verified(path: string, expected: { bytes: number; sha256: string }, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    bytes += chunk.byteLength;
    yield chunk;
  }
  const sha256 = hash.digest("hex");
  if (bytes !== expected.bytes || sha256 !== expected.sha256) {
    throw new Error(`${path} rebuilt as ${bytes} bytes with sha256 ${sha256}, but the manifest says ${expected.bytes} bytes, ${expected.sha256}`);
  }
}

/** Every file of the bundle, sorted by path (the tar's order), bodies opened lazily. */
export async function bundleFiles(release: ReleaseRecord, db: RowReader = getPgPool()): Promise<BundleFile[]> {
  // outside a transaction (the pool, or the app's client: read through its pool) the next batch is fetched while one is encoded
  const outside = db === getDb() || !("$queryRaw" in db);
  if (db === getDb()) db = getPgPool();
  const manifestBytes = Buffer.from(canonicalJsonPretty(release.manifest), "utf8");
  const listed = new Map(release.manifest.files.map((f) => [f.path, f]));
  const entry = (path: string, body: () => AsyncIterable<Buffer>): BundleFile => {
    const m = listed.get(path);
    if (!m) throw new Error(`${path} is not in the manifest of ${release.name}`);
    return { path, bytes: m.bytes, sha256: m.sha256, rows: m.rows, body: () => verified(path, m, body()) };
  };
  const ranges = await splitRanges(db, release.id);
  const counts = Object.fromEntries(SPLIT_NAMES.map((s) => [s, ranges[s].count])) as Record<(typeof SPLIT_NAMES)[number], number>;
  const files: BundleFile[] = [
    {
      path: MANIFEST_PATH, bytes: manifestBytes.byteLength, sha256: release.manifestSha256, rows: null,
      body: () => verified(MANIFEST_PATH, { bytes: manifestBytes.byteLength, sha256: release.manifestSha256 }, once(manifestBytes)),
    },
    entry(README_PATH, () => once(Buffer.from(datasetCard({ ...release.manifest, files: release.manifest.files.filter((f) => f.path !== README_PATH) }), "utf8"))),
    ...layoutFor(release.schemaVersion).staticFiles.map((f) => entry(f.path, () => once(staticFileBytes(release, f.path)))),
    ...dataFiles(release.schemaVersion, counts).map((f) =>
      entry(f.path, () => encodeFile(f.kind, readRawSplitRows(db, release, f.split, ranges[f.split], { need: f.kind.provenance, prefetch: outside }))),
    ),
  ];
  return files.sort((a, b) => comparePaths(a.path, b.path));
}

/** One file of the bundle by its path, or 404. */
export async function bundleFile(release: ReleaseRecord, path: string, db?: RowReader): Promise<BundleFile> {
  const file = (await bundleFiles(release, db)).find((f) => f.path === path);
  if (!file) throw new AppError("NOT_FOUND", `${release.name} has no file ${path}. Its files: ${release.manifest.files.map((f) => f.path).join(", ")}, ${MANIFEST_PATH}.`);
  return file;
}

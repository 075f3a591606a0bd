import "server-only";
// One pass over a release's rows builds every data file once, to hash it: bytes, rows and sha256 per
// file, the counts and sources, then README.md (the dataset card) and manifest.json. Run by the creating
// transaction; memory holds one batch and one Parquet row group per file.
import { createHash } from "node:crypto";
import { FORMATS } from "./formats";
import { datasetCard } from "./bundle/dataset-card";
import { createEncoder } from "./bundle/encoders";
import { README_PATH, comparePaths, dataFiles, layoutFor } from "./bundle/layout";
import { staticFileBytes } from "./static-files";
import { CountTally, type Manifest, type ManifestFile } from "./bundle/manifest";
import { canonicalJsonPretty } from "./model/canonical-json";
import { SPLIT_NAMES } from "./model/release-row";
import { readSplitRows, splitRanges, type RowReader } from "./read-release-rows";
import type { ReleaseHead } from "./release-record";

export type BuiltManifest = { manifest: Manifest; bytes: Buffer; sha256: string };

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

export async function buildManifest(db: RowReader, release: ReleaseHead): Promise<BuiltManifest> {
  const ranges = await splitRanges(db, release.id);
  const counts = Object.fromEntries(SPLIT_NAMES.map((s) => [s, ranges[s].count])) as Record<(typeof SPLIT_NAMES)[number], number>;
  const files = dataFiles(release.schemaVersion, counts);
  const tally = new CountTally();
  const entries: ManifestFile[] = [];
  for (const split of SPLIT_NAMES) {
    const mine = files.filter((f) => f.split === split);
    if (!mine.length) continue;
    const sinks = mine.map((f) => ({ file: f, encoder: createEncoder(f.kind), hash: createHash("sha256"), bytes: 0 }));
    const write = (sink: (typeof sinks)[number], chunks: Buffer[]) => {
      for (const chunk of chunks) {
        sink.hash.update(chunk);
        sink.bytes += chunk.byteLength;
      }
    };
    for await (const rows of readSplitRows(db, release, split, ranges[split])) {
      for (const row of rows) tally.add(row);
      for (const sink of sinks) write(sink, sink.encoder.push(rows));
    }
    for (const sink of sinks) {
      write(sink, sink.encoder.end());
      entries.push({ path: sink.file.path, bytes: sink.bytes, rows: ranges[split].count, sha256: sink.hash.digest("hex") });
    }
  }
  for (const file of layoutFor(release.schemaVersion).staticFiles) {
    const content = staticFileBytes(release, file.path);
    entries.push({ path: file.path, bytes: content.byteLength, rows: null, sha256: sha256(content) });
  }
  entries.sort((a, b) => comparePaths(a.path, b.path));
  const { counts: allCounts, sources } = tally.result();
  const head: Omit<Manifest, "files"> = {
    schemaVersion: release.schemaVersion,
    name: release.name,
    description: release.description,
    createdAt: release.createdAt.toISOString(),
    createdBy: release.createdByName,
    filters: release.filters,
    splitRatios: release.splitRatios,
    counts: allCounts,
    sources,
    formats: Object.fromEntries(Object.values(FORMATS).map((f) => [f.name, f.summary])) as Manifest["formats"],
  };
  const readme = Buffer.from(datasetCard({ ...head, files: entries }), "utf8");
  const manifest: Manifest = {
    ...head,
    files: [...entries, { path: README_PATH, bytes: readme.byteLength, rows: null, sha256: sha256(readme) }].sort((a, b) => comparePaths(a.path, b.path)),
  };
  const bytes = Buffer.from(canonicalJsonPretty(manifest), "utf8");
  return { manifest, bytes, sha256: sha256(bytes) };
}

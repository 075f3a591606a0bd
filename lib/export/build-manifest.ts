import "server-only";
// One pass over a release's rows builds every data file once, to hash it: bytes, rows and sha256 per
// file, the counts and sources, then README.md (the dataset card) and manifest.json. Run by the creating
// transaction, the batches encoded in the export's worker threads; memory holds a few batches and one Parquet
// row group per Parquet file.
import { createHash } from "node:crypto";
import { FORMATS } from "./formats";
import { datasetCard } from "./bundle/dataset-card";
import { encodeFilesOfSplit } from "./bundle/encode-off-thread";
import { README_PATH, comparePaths, dataFiles, layoutFor } from "./bundle/layout";
import { staticFileBytes } from "./static-files";
import { CountTally, type Manifest, type ManifestFile } from "./bundle/manifest";
import { canonicalJsonPretty } from "./model/canonical-json";
import { SPLIT_NAMES } from "./model/release-row";
import { readRawSplitRows, splitRanges, type RowReader } from "./read-release-rows";
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
    const sinks = mine.map((f) => ({ file: f, hash: createHash("sha256"), bytes: 0 }));
    // every file of the split from one read of its rows, encoded in the export's worker threads, in order
    for await (const { files, facts } of encodeFilesOfSplit(mine.map((f) => f.kind), readRawSplitRows(db, release, split, ranges[split]))) {
      for (const fact of facts) tally.addFact(fact);
      files.forEach((chunks, i) => {
        for (const chunk of chunks) {
          sinks[i].hash.update(chunk);
          sinks[i].bytes += chunk.byteLength;
        }
      });
    }
    for (const sink of sinks) entries.push({ path: sink.file.path, bytes: sink.bytes, rows: ranges[split].count, sha256: sink.hash.digest("hex") });
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

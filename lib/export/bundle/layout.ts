// The bundle's layout, by bundle schema version: which data files exist for which formats, and which fixed
// files travel with them. A release records the version it was created with and is always rebuilt with
// that layout, so adding a file (layout 2: the reward module) to new releases leaves the bytes of older ones
// unchanged; the fixed files' contents are stored with each release when it is created (Release.staticFiles),
// so a later change to the reward module leaves existing releases' bytes unchanged too. Pure.
import type { FormatName } from "../formats/types";
import { SPLIT_NAMES, type SplitName } from "../model/release-row";

export const BUNDLE_SCHEMA_VERSION = 2;

export type Encoding = "jsonl" | "parquet";
/** `provenance`: how much of the frozen provenance the format reads (less to fetch for verl and sft). */
export type DataFileKind = { dir: string; ext: string; format: FormatName; encoding: Encoding; provenance: "all" | "seed-source" | "source" };
/** A fixed file of a layout (reward/fieldwork_reward.py): where it goes, and which file of the app it is a copy of when a release is created. */
export type StaticFile = { path: string; from: "reward-module" };
type Layout = { kinds: DataFileKind[]; staticFiles: StaticFile[] };

const KINDS_V1: DataFileKind[] = [
  { dir: "native", ext: "jsonl", format: "native", encoding: "jsonl", provenance: "all" },
  { dir: "pipeline", ext: "jsonl", format: "pipeline", encoding: "jsonl", provenance: "seed-source" },
  { dir: "verl", ext: "parquet", format: "verl", encoding: "parquet", provenance: "source" },
  { dir: "verl", ext: "json", format: "verl", encoding: "jsonl", provenance: "source" },
  { dir: "sft", ext: "jsonl", format: "sft", encoding: "jsonl", provenance: "source" },
];

export const REWARD_MODULE_BUNDLE_PATH = "reward/fieldwork_reward.py";

// Version 2: the same data files, and the Python reward module (the dataset card's "How to grade" names it).
const LAYOUTS: Record<number, Layout> = {
  1: { kinds: KINDS_V1, staticFiles: [] },
  2: { kinds: KINDS_V1, staticFiles: [{ path: REWARD_MODULE_BUNDLE_PATH, from: "reward-module" }] },
};

export function layoutFor(schemaVersion: number): Layout {
  const layout = LAYOUTS[schemaVersion];
  if (!layout) throw new Error(`This version of Fieldwork cannot build bundles of schema version ${schemaVersion}.`);
  return layout;
}

export type DataFile = { path: string; kind: DataFileKind; split: SplitName };

/** The data files of a release (splits without items have none), sorted by path. */
export function dataFiles(schemaVersion: number, splitCounts: Record<SplitName, number>): DataFile[] {
  const files = layoutFor(schemaVersion).kinds.flatMap((kind) =>
    SPLIT_NAMES.filter((split) => splitCounts[split] > 0).map((split) => ({ path: `${kind.dir}/${split}.${kind.ext}`, kind, split })),
  );
  return files.sort((a, b) => comparePaths(a.path, b.path));
}

/** Byte order of the UTF-8 paths (tar entries and manifest files are sorted by it). */
export function comparePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

export const README_PATH = "README.md";
export const MANIFEST_PATH = "manifest.json";

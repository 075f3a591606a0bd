// manifest.json: what a release is (name, description, creator, filters, split ratios, schema version), what
// it holds (counts by split, topic, source, difficulty, level, license; the sources), and every file with
// its bytes, rows and sha256. Tallied from the rows themselves while the files are hashed. Pure.
import type { FormatName } from "../formats/types";
import type { TReleaseFilter, SplitRatios } from "../model/schemas";
import { SPLIT_NAMES, licenseOf, type ReleaseRow, type SplitName } from "../model/release-row";
import { comparePaths } from "./layout";

export type ManifestFile = { path: string; bytes: number; rows: number | null; sha256: string };
export type CountMap = Record<string, number>;
export type Counts = {
  total: number;
  bySplit: Record<SplitName, number>;
  byTopic: CountMap;
  bySource: CountMap;
  byDifficulty: CountMap;
  byLevel: CountMap;
  byLicense: CountMap;
};
export type ManifestSource = { identifier: string; kind: string; title: string | null; url: string | null; license: string | null; items: number };

export type Manifest = {
  schemaVersion: number;
  name: string;
  description: string | null;
  createdAt: string;
  createdBy: string;
  filters: TReleaseFilter;
  splitRatios: SplitRatios;
  counts: Counts;
  sources: ManifestSource[];
  formats: Record<FormatName, string>;
  files: ManifestFile[];
};

export const NONE = "(none)";

const bump = (map: CountMap, key: string | null | undefined) => {
  const k = key || NONE;
  map[k] = (map[k] ?? 0) + 1;
};

/** Counts and sources, one row at a time (memory grows with distinct topics and sources, not rows). */
export class CountTally {
  private counts: Counts = {
    total: 0, bySplit: { train: 0, validation: 0, test: 0 }, byTopic: {}, bySource: {}, byDifficulty: {}, byLevel: {}, byLicense: {},
  };
  private sources = new Map<string, ManifestSource>();

  add(row: ReleaseRow): void {
    const c = this.counts;
    c.total++;
    c.bySplit[row.split]++;
    bump(c.byTopic, row.item.topic);
    bump(c.bySource, row.provenance.source.identifier);
    bump(c.byDifficulty, row.item.difficulty);
    bump(c.byLevel, row.item.level);
    bump(c.byLicense, licenseOf(row));
    const s = row.provenance.source;
    const known = this.sources.get(s.identifier);
    if (known) known.items++;
    else this.sources.set(s.identifier, { identifier: s.identifier, kind: s.kind, title: s.title, url: s.url, license: s.license, items: 1 });
  }

  result(): { counts: Counts; sources: ManifestSource[] } {
    const sources = [...this.sources.values()].sort((a, b) => comparePaths(a.identifier, b.identifier));
    return { counts: structuredClone(this.counts), sources };
  }
}

export function emptySplitCounts(): Record<SplitName, number> {
  return Object.fromEntries(SPLIT_NAMES.map((s) => [s, 0])) as Record<SplitName, number>;
}

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

/** What the tally reads of a row (small: worker threads hand it over with each batch they encode). */
export type TallyFact = {
  split: SplitName; topic: string; difficulty: string | null; level: string | null; license: string | null;
  source: Pick<ReleaseRow["provenance"]["source"], "identifier" | "kind" | "title" | "url" | "license">;
};

export function tallyFactOf(row: ReleaseRow): TallyFact {
  const s = row.provenance.source;
  return {
    split: row.split, topic: row.item.topic, difficulty: row.item.difficulty, level: row.item.level, license: licenseOf(row),
    source: { identifier: s.identifier, kind: s.kind, title: s.title, url: s.url, license: s.license },
  };
}

/** Counts and sources, one row at a time (memory grows with distinct topics and sources, not rows). */
export class CountTally {
  private counts: Counts = {
    total: 0, bySplit: { train: 0, validation: 0, test: 0 }, byTopic: {}, bySource: {}, byDifficulty: {}, byLevel: {}, byLicense: {},
  };
  private sources = new Map<string, ManifestSource>();

  add(row: ReleaseRow): void {
    this.addFact(tallyFactOf(row));
  }

  addFact(fact: TallyFact): void {
    const c = this.counts;
    c.total++;
    c.bySplit[fact.split]++;
    bump(c.byTopic, fact.topic);
    bump(c.bySource, fact.source.identifier);
    bump(c.byDifficulty, fact.difficulty);
    bump(c.byLevel, fact.level);
    bump(c.byLicense, fact.license);
    const s = fact.source;
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

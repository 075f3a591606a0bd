// What every export format reads: one frozen item version of a release with its frozen provenance. The
// server builds these from ReleaseItem + ItemRevision (lib/export/read-release-rows.ts); formats are pure
// functions of them (lib/export/formats/). Pure.
import type { ItemFields } from "../../items/schemas";

/** Split names as training stacks and Hugging Face `datasets` spell them (file names, `extra_info.split`). */
export const SPLIT_NAMES = ["train", "validation", "test"] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

export const SPLIT_OF_DB = { TRAIN: "train", VAL: "validation", TEST: "test" } as const satisfies Record<string, SplitName>;
export const DB_OF_SPLIT = { train: "TRAIN", validation: "VAL", test: "TEST" } as const satisfies Record<SplitName, keyof typeof SPLIT_OF_DB>;

/** The newest check run on the frozen version up to its approval, summarised. */
export type CheckSummary = {
  runId: string;
  ranAt: string;
  passed: boolean;
  isolation: string | null;
  total: number;
  failedBlocking: number;
  failedWarnings: number;
  /** ids of the checks that did not pass (warnings included) */
  failing: string[];
};

/** Frozen when the release is created: later edits of seeds, sources or people do not change a release. */
export type Provenance = {
  seed: { id: string; title: string | null; problem: string; solution: string | null; location: string | null };
  source: {
    kind: string; identifier: string; title: string | null; authors: string[]; url: string | null; license: string | null;
    version: string | null; category: string | null;
  };
  author: { id: string; name: string };
  /** every decision on this item up to the frozen version, oldest first */
  reviews: { reviewer: string; decision: string; version: number; at: string }[];
  approval: { by: string | null; at: string | null };
  checks: CheckSummary | null;
};

/**
 * One frozen item of a release. Every object in `item` and `provenance` has its keys in sorted order (the
 * reader re-keys them), so formats that build their rows with sorted keys get canonical JSON from
 * JSON.stringify.
 */
export type ReleaseRow = {
  /** the release's name (verl's `data_source`) */
  release: string;
  split: SplitName;
  /** 0-based row number within its split file */
  index: number;
  itemId: string;
  version: number;
  revisionId: string;
  item: ItemFields;
  provenance: Provenance;
};

/** `arXiv:2101.00001v2` → { id: "2101.00001", version: "v2" } for arXiv sources (the version column wins). */
export function arxivOf(source: Provenance["source"]): { id: string; version: string | null } | null {
  if (source.kind !== "ARXIV") return null;
  const m = /^(?:arxiv:\s*)?(.+?)(v\d+)?$/i.exec(source.identifier.trim());
  if (!m) return null;
  return { id: m[1], version: source.version ?? m[2] ?? null };
}

/** The item's license, else its source's, else null. */
export function licenseOf(row: Pick<ReleaseRow, "item" | "provenance">): string | null {
  return row.item.license || row.provenance.source.license || null;
}

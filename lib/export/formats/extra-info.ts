// verl's `extra_info` (also carried by SFT rows): where a row comes from. Pure.
import type { ReleaseRow, SplitName } from "../model/release-row";

export type ExtraInfo = {
  split: SplitName;
  index: number;
  item_id: string;
  version: number;
  source: string;
  topic: string | null;
  difficulty: string | null;
  level: string | null;
};

const words = (v: string | null) => (v ? v.toLowerCase().replace(/_/g, " ") : null);

export function extraInfo(row: ReleaseRow): ExtraInfo {
  // keys in sorted order (canonical JSON by JSON.stringify)
  return {
    difficulty: words(row.item.difficulty),
    index: row.index,
    item_id: row.itemId,
    level: words(row.item.level),
    source: row.provenance.source.identifier,
    split: row.split,
    topic: row.item.topic || null,
    version: row.version,
  };
}

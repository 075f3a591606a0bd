// Which split an item without a split of its own lands in: from a hash of the item id and the release name,
// so re-creating a release gives the same split, and another release name reshuffles. The SQL that
// freezes a release computes the same thing (create-release.ts); tests check both agree. Pure (Node's crypto).
import { createHash } from "node:crypto";
import type { SplitName } from "./release-row";
import type { SplitRatios } from "./schemas";

const TWO_32 = 2 ** 32;

/** The text hashed for an item: also the order of items within a split (a stable shuffle). */
export function splitKey(itemId: string, releaseName: string): string {
  return `${itemId}/${releaseName}`;
}

/** Integer bounds on the first 32 bits of the hash: below `train` → train, below `validation` → validation. */
export function splitBounds(ratios: SplitRatios): { train: number; validation: number } {
  return { train: Math.round(ratios.train * TWO_32), validation: Math.round((ratios.train + ratios.validation) * TWO_32) };
}

export function assignSplit(itemId: string, releaseName: string, ratios: SplitRatios): SplitName {
  const h = createHash("sha256").update(splitKey(itemId, releaseName), "utf8").digest().readUInt32BE(0);
  const bounds = splitBounds(ratios);
  return h < bounds.train ? "train" : h < bounds.validation ? "validation" : "test";
}

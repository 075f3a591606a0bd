import "server-only";
// The counts a release would have (by split, topic, source, difficulty, level), before anything is written:
// the same SQL as the freeze, grouped.
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { Prisma } from "../generated/prisma/client";
import { NONE, type CountMap, type Counts } from "./bundle/manifest";
import { SPLIT_OF_DB } from "./model/release-row";
import { ZPreviewReleaseInput } from "./model/schemas";
import { candidatesSql } from "./release-sql";

export type ReleasePreview = Omit<Counts, "byLicense"> & {
  /** false when no name was given: items without a split would move between splits under another name */
  splitExact: boolean;
};

type Group = { split: keyof typeof SPLIT_OF_DB; topic: string | null; source: string; difficulty: string | null; level: string | null; n: number };

export async function previewRelease(actor: Actor, rawInput: unknown): Promise<ReleasePreview> {
  assertCan(actor, "release.create");
  const input = ZPreviewReleaseInput.parse(rawInput);
  const groups = await getDb().$queryRaw<Group[]>(Prisma.sql`
    SELECT c."split", c."topic", c."source", c."difficulty", c."level", count(*)::int AS "n"
    FROM (${candidatesSql(input.name ?? "", input.filter, input.splitRatios, false)}) c
    GROUP BY 1, 2, 3, 4, 5`);
  const preview: ReleasePreview = {
    total: 0, bySplit: { train: 0, validation: 0, test: 0 }, byTopic: {}, bySource: {}, byDifficulty: {}, byLevel: {}, splitExact: input.name !== undefined,
  };
  const add = (map: CountMap, key: string | null, n: number) => (map[key || NONE] = (map[key || NONE] ?? 0) + n);
  for (const g of groups) {
    preview.total += g.n;
    preview.bySplit[SPLIT_OF_DB[g.split]] += g.n;
    add(preview.byTopic, g.topic, g.n);
    add(preview.bySource, g.source, g.n);
    add(preview.byDifficulty, g.difficulty, g.n);
    add(preview.byLevel, g.level, g.n);
  }
  return preview;
}

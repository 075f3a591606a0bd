import "server-only";
// GET /api/releases and /releases: every release, newest first (releases are few: no pagination).
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import type { Counts } from "./bundle/manifest";

export type ReleaseSummary = {
  name: string;
  description: string | null;
  itemCount: number;
  counts: Pick<Counts, "total" | "bySplit">;
  createdAt: string;
  createdBy: string;
  manifestSha256: string;
  deprecated: { at: string; reason: string } | null;
};

export async function listReleases(actor: Actor): Promise<{ releases: ReleaseSummary[] }> {
  assertCan(actor, "release.read");
  const rows = await getDb().$queryRaw<{
    name: string; description: string | null; itemCount: number; bySplit: Counts["bySplit"] | null; createdAt: Date; createdByName: string;
    manifestSha256: string; deprecatedAt: Date | null; deprecationReason: string | null;
  }[]>`
    SELECT "name", "description", "itemCount", "manifest"->'counts'->'bySplit' AS "bySplit", "createdAt", "createdByName", "manifestSha256",
           "deprecatedAt", "deprecationReason"
    FROM "Release" WHERE "manifestSha256" IS NOT NULL ORDER BY "createdAt" DESC, "id" DESC`;
  return {
    releases: rows.map((r) => ({
      name: r.name,
      description: r.description,
      itemCount: r.itemCount,
      counts: { total: r.itemCount, bySplit: r.bySplit ?? { train: 0, validation: 0, test: 0 } },
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdByName,
      manifestSha256: r.manifestSha256,
      deprecated: r.deprecatedAt ? { at: r.deprecatedAt.toISOString(), reason: r.deprecationReason ?? "" } : null,
    })),
  };
}

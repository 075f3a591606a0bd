import "server-only";
// GET /api/releases/[name] and /releases/[name]: the manifest and the release's state; its frozen items a
// page at a time (keyset by position) for the page.
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { itemTitle } from "../items/item-title";
import { NONE, type Manifest } from "./bundle/manifest";
import { SPLIT_OF_DB, type SplitName } from "./model/release-row";
import { loadRelease } from "./release-record";

export type ReleaseView = {
  name: string;
  description: string | null;
  itemCount: number;
  createdAt: string;
  createdBy: string;
  manifestSha256: string;
  deprecated: { at: string; reason: string; by: string | null } | null;
  manifest: Manifest;
  /** counts per split and topic (the chart) */
  splitTopics: { split: SplitName; topic: string; count: number }[];
};

export async function getRelease(actor: Actor, name: unknown): Promise<ReleaseView> {
  assertCan(actor, "release.read");
  const r = await loadRelease(getDb(), name);
  const cross = await getDb().$queryRaw<{ split: keyof typeof SPLIT_OF_DB; topic: string | null; count: number }[]>`
    SELECT ri."split", nullif(r."snapshot"->>'topic', '') AS "topic", count(*)::int AS "count"
    FROM "ReleaseItem" ri JOIN "ItemRevision" r ON r."id" = ri."revisionId"
    WHERE ri."releaseId" = ${r.id}::uuid GROUP BY 1, 2 ORDER BY 1, 2`;
  return {
    name: r.name,
    description: r.description,
    itemCount: r.itemCount,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdByName,
    manifestSha256: r.manifestSha256,
    deprecated: r.deprecatedAt ? { at: r.deprecatedAt.toISOString(), reason: r.deprecationReason ?? "", by: r.deprecatedByName } : null,
    manifest: r.manifest,
    splitTopics: cross.map((c) => ({ split: SPLIT_OF_DB[c.split], topic: c.topic ?? NONE, count: c.count })),
  };
}

export type FrozenItemRow = { position: number; split: SplitName; itemId: string; version: number; title: string; topic: string | null; source: string };

/** The frozen items in bundle order, `limit` from position `from`. */
export async function listReleaseItems(actor: Actor, name: unknown, from = 0, limit = 50): Promise<{ items: FrozenItemRow[]; next: number | null }> {
  assertCan(actor, "release.read");
  const release = await loadRelease(getDb(), name);
  const rows = await getDb().$queryRaw<{ position: number; split: keyof typeof SPLIT_OF_DB; itemId: string; version: number; statement: string; topic: string | null; seedTitle: string | null; source: string }[]>`
    SELECT ri."position", ri."split", ri."itemId", ri."version", left(r."snapshot"->>'statement', 400) AS "statement",
           nullif(r."snapshot"->>'topic', '') AS "topic", ri."provenance"->'seed'->>'title' AS "seedTitle", ri."provenance"->'source'->>'identifier' AS "source"
    FROM "ReleaseItem" ri JOIN "ItemRevision" r ON r."id" = ri."revisionId"
    WHERE ri."releaseId" = ${release.id}::uuid AND ri."position" >= ${from}
    ORDER BY ri."position" LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({ position: r.position, split: SPLIT_OF_DB[r.split], itemId: r.itemId, version: r.version, title: itemTitle(r.seedTitle, r.statement), topic: r.topic, source: r.source })),
    next: rows.length > limit ? rows[limit].position : null,
  };
}

import "server-only";
// /releases/[name]/items/[itemId]: one frozen item exactly as the release holds it (the revision it froze and
// the provenance frozen with it), whatever the item became since.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { fieldsOf } from "../items/item-record";
import type { ItemFields } from "../items/schemas";
import { DB_OF_SPLIT, SPLIT_OF_DB, type Provenance, type SplitName } from "./model/release-row";
import { loadRelease } from "./release-record";

export type FrozenItem = {
  release: string;
  itemId: string;
  version: number;
  revisionId: string;
  split: SplitName;
  position: number;
  fields: ItemFields;
  provenance: Provenance;
  /** the item's version now, to say whether it moved on */
  currentVersion: number;
};

type Row = { itemId: string; version: number; revisionId: string; split: keyof typeof SPLIT_OF_DB; position: number; provenance: Provenance; snapshot: Record<string, unknown>; currentVersion: number };

/**
 * One frozen item by its item id, or by its row in a split (`extra_info.split` and `extra_info.index` of the
 * verl and SFT rows): how the grading API finds "the frozen version" of a release item.
 */
export async function getReleaseItem(actor: Actor, name: unknown, at: string | { split: SplitName; index: number }): Promise<FrozenItem> {
  assertCan(actor, "release.read");
  const release = await loadRelease(getDb(), name);
  const itemId = typeof at === "string" && /^[0-9a-f-]{36}$/i.test(at) ? at : null;
  const row = typeof at === "object" ? await rowAt(release.id, at) : itemId ? await rowOf(release.id, itemId) : null;
  if (!row) throw new AppError("NOT_FOUND", `${release.name} has no such item.`);
  return {
    release: release.name, itemId: row.itemId, version: row.version, revisionId: row.revisionId, split: SPLIT_OF_DB[row.split], position: row.position,
    fields: fieldsOf(row.snapshot), provenance: row.provenance, currentVersion: row.currentVersion,
  };
}

async function rowOf(releaseId: string, itemId: string): Promise<Row | null> {
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT ri."itemId", ri."version", ri."revisionId", ri."split", ri."position", ri."provenance", r."snapshot", i."version" AS "currentVersion"
    FROM "ReleaseItem" ri JOIN "ItemRevision" r ON r."id" = ri."revisionId" JOIN "Item" i ON i."id" = ri."itemId"
    WHERE ri."releaseId" = ${releaseId}::uuid AND ri."itemId" = ${itemId}::uuid`;
  return rows[0] ?? null;
}

async function rowAt(releaseId: string, at: { split: SplitName; index: number }): Promise<Row | null> {
  if (!Number.isSafeInteger(at.index) || at.index < 0 || !(at.split in DB_OF_SPLIT)) return null;
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT ri."itemId", ri."version", ri."revisionId", ri."split", ri."position", ri."provenance", r."snapshot", i."version" AS "currentVersion"
    FROM "ReleaseItem" ri JOIN "ItemRevision" r ON r."id" = ri."revisionId" JOIN "Item" i ON i."id" = ri."itemId"
    WHERE ri."releaseId" = ${releaseId}::uuid AND ri."split" = ${DB_OF_SPLIT[at.split]}::"Split"
      AND ri."position" = (SELECT min("position") FROM "ReleaseItem" WHERE "releaseId" = ${releaseId}::uuid AND "split" = ${DB_OF_SPLIT[at.split]}::"Split") + ${at.index}`;
  return rows[0] ?? null;
}

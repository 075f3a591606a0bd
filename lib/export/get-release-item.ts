import "server-only";
// /releases/[name]/items/[itemId]: one frozen item exactly as the release holds it (the revision it froze and
// the provenance frozen with it), whatever the item became since.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { fieldsOf } from "../items/item-record";
import type { ItemFields } from "../items/schemas";
import { SPLIT_OF_DB, type Provenance, type SplitName } from "./model/release-row";
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

export async function getReleaseItem(actor: Actor, name: unknown, rawItemId: unknown): Promise<FrozenItem> {
  assertCan(actor, "release.read");
  const release = await loadRelease(getDb(), name);
  const itemId = typeof rawItemId === "string" && /^[0-9a-f-]{36}$/i.test(rawItemId) ? rawItemId : null;
  const rows = itemId
    ? await getDb().$queryRaw<{ version: number; revisionId: string; split: keyof typeof SPLIT_OF_DB; position: number; provenance: Provenance; snapshot: Record<string, unknown>; currentVersion: number }[]>`
        SELECT ri."version", ri."revisionId", ri."split", ri."position", ri."provenance", r."snapshot", i."version" AS "currentVersion"
        FROM "ReleaseItem" ri JOIN "ItemRevision" r ON r."id" = ri."revisionId" JOIN "Item" i ON i."id" = ri."itemId"
        WHERE ri."releaseId" = ${release.id}::uuid AND ri."itemId" = ${itemId}::uuid`
    : [];
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", `${release.name} has no such item.`);
  return {
    release: release.name, itemId: itemId!, version: row.version, revisionId: row.revisionId, split: SPLIT_OF_DB[row.split], position: row.position,
    fields: fieldsOf(row.snapshot), provenance: row.provenance, currentVersion: row.currentVersion,
  };
}

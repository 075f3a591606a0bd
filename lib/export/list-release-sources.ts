import "server-only";
// The sources that have approved items (for the source filter of /releases/new).
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";

export async function listReleaseSources(actor: Actor): Promise<string[]> {
  assertCan(actor, "release.create");
  const rows = await getDb().$queryRaw<{ identifier: string }[]>`
    SELECT src."identifier" FROM "Source" src
    WHERE EXISTS (SELECT 1 FROM "Item" i WHERE i."sourceId" = src."id" AND i."approvedVersion" IS NOT NULL)
    ORDER BY 1 LIMIT 1000`;
  return rows.map((r) => r.identifier);
}

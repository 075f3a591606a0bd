import "server-only";
// The content key of an item version: sha256 of its fields (read the one way rows and snapshots are read,
// then as canonical JSON). Versions whose fields are equal — a submit or a review decision changes only
// the status — have the same key, so a check run stored for one holds for the others.
import { createHash } from "node:crypto";
import { fieldsOf } from "./item-record";
import { canonicalJson, type ItemFields } from "./schemas";

export function fieldsHash(fields: ItemFields | Record<string, unknown>): string {
  return createHash("sha256").update(canonicalJson(fieldsOf(fields as Record<string, unknown>))).digest("hex");
}

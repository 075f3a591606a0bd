import "server-only";
// What the dashboard's source and annotator filters offer: sources by identifier, active people by name.
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { MAX_SOURCE_OPTIONS, type FilterOptions } from "./model/filters";


export async function listFilterOptions(actor: Actor): Promise<FilterOptions> {
  assertCan(actor, "dashboard.view");
  const db = getDb();
  const [sources, people] = await Promise.all([
    db.source.findMany({ orderBy: { identifier: "asc" }, take: MAX_SOURCE_OPTIONS + 1, select: { identifier: true, title: true } }),
    db.user.findMany({ where: { active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, role: true } }),
  ]);
  return { sources, people };
}

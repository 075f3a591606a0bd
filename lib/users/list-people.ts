import "server-only";
// Active people a lead can assign work to or filter by (names only; no emails to annotators).
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";

export type Person = { id: string; name: string; role: string };

export async function listPeople(actor: Actor): Promise<Person[]> {
  assertCan(actor, "seed.assign");
  return getDb().user.findMany({ where: { active: true }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, role: true } });
}

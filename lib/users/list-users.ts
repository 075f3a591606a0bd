import "server-only";
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { toPublicUser, type PublicUser } from "./public-user";

export async function listUsers(actor: Actor): Promise<PublicUser[]> {
  assertCan(actor, "user.manage");
  const users = await getDb().user.findMany({ orderBy: [{ role: "asc" }, { email: "asc" }] });
  return users.map(toPublicUser);
}

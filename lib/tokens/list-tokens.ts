import "server-only";
// Your tokens; an admin (and the CLI) sees everyone's, or one user's.
import { getDb } from "../db";
import { assertCan, can } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { TOKEN_VIEW_SELECT, toTokenView, type TokenView } from "./token-view";

export async function listTokens(actor: Actor, options: { userEmail?: string } = {}): Promise<TokenView[]> {
  assertCan(actor, "token.create");
  const everyone = can(actor, "token.manage");
  const where = everyone
    ? options.userEmail ? { user: { email: options.userEmail.trim().toLowerCase() } } : {}
    : { userId: actor.id ?? "00000000-0000-0000-0000-000000000000" };
  const rows = await getDb().apiToken.findMany({ where, select: TOKEN_VIEW_SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1000 });
  return rows.map(toTokenView);
}

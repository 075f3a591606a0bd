import "server-only";
// Revoke a token (yours; admins any): it stops working on the next request. Revoking twice changes nothing.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan, can } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { ZTokenId } from "./schemas";
import { TOKEN_VIEW_SELECT, toTokenView, type TokenView } from "./token-view";

export async function revokeToken(actor: Actor, rawId: unknown): Promise<TokenView> {
  assertCan(actor, "token.create");
  const parsed = ZTokenId.safeParse(rawId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "No such token.");
  const id = parsed.data;
  return getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { userId: true, revokedAt: true } });
    // Someone else's token is "not found" unless you may manage everyone's (its existence is not yours to learn).
    if (!token || (token.userId !== actor.id && !can(actor, "token.manage"))) throw new AppError("NOT_FOUND", "No such token.");
    if (!token.revokedAt) {
      await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
      await recordEvent(tx, actor, { action: "token.revoke", entityType: "ApiToken", entityId: id, data: { userId: token.userId } });
    }
    return toTokenView(await tx.apiToken.findUniqueOrThrow({ where: { id }, select: TOKEN_VIEW_SELECT }));
  });
}

import "server-only";
// Create an API token: for yourself, or (admins, the CLI) for another user. Its scopes must be ones the
// user's role may have; the secret is returned once and only its hash is stored.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan, can, scopesForRole } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { fieldErrors } from "../items/item-record";
import { ZCreateTokenInput } from "./schemas";
import { newToken } from "./token-secret";
import { TOKEN_VIEW_SELECT, toTokenView, type TokenView } from "./token-view";

export type CreatedToken = TokenView & { token: string };

const DAY_MS = 86_400_000;

export async function createToken(actor: Actor, raw: unknown): Promise<CreatedToken> {
  assertCan(actor, "token.create");
  const input = ZCreateTokenInput.parse(raw);
  const userId = input.userId ?? actor.id;
  if (userId === null) throw new AppError("INVALID", "Say whose token this is.");
  if (userId !== actor.id && !can(actor, "token.manage")) throw new AppError("FORBIDDEN", "You may create tokens for yourself only.");
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { role: true, active: true, email: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  if (!user.active) throw new AppError("CONFLICT", `${user.email} is deactivated: a token of theirs would not work.`);
  const allowed = scopesForRole(user.role);
  const refused = input.scopes.filter((s) => !allowed.includes(s));
  if (refused.length) {
    throw fieldErrors([{ path: ["scopes"], message: `The role ${user.role.toLowerCase()} may not have ${refused.map((s) => `"${s}"`).join(", ")} (allowed: ${allowed.join(", ")}).` }]);
  }
  const secret = newToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  return getDb().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId, name: input.name, tokenHash: secret.hash, prefix: secret.prefix, scopes: input.scopes, expiresAt },
      select: TOKEN_VIEW_SELECT,
    });
    await recordEvent(tx, actor, { action: "token.create", entityType: "ApiToken", entityId: row.id, data: { userId, name: input.name, scopes: input.scopes, expiresAt: expiresAt.toISOString() } });
    return { ...toTokenView(row), token: secret.token };
  });
}

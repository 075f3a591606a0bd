import "server-only";
// `Authorization: Bearer fw_…` → the token's user, limited to the token's scopes (the policy intersects them
// with the role). Unknown, revoked and expired tokens and deactivated accounts get 401 saying which; past the
// per-token rate limit, 429 with Retry-After. Every request reads the token and its user from the database
// (one indexed query), so revocation, expiry, deactivation and role changes apply at once; lastUsedAt is
// written at most once a minute per token.
import { getDb } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import type { SessionUser } from "../auth/types";
import { TokenRateLimiter } from "./rate-limit";
import { hashToken, looksLikeToken } from "./token-secret";
import { knownScopes } from "./token-view";

const LAST_USED_EVERY_MS = 60_000;

const globalForTokens = globalThis as unknown as { fieldworkTokenLimiter?: { limit: number; limiter: TokenRateLimiter } };

function limiter(): TokenRateLimiter {
  const limit = getEnv().API_TOKEN_RATE_LIMIT;
  if (globalForTokens.fieldworkTokenLimiter?.limit !== limit) globalForTokens.fieldworkTokenLimiter = { limit, limiter: new TokenRateLimiter(limit) };
  return globalForTokens.fieldworkTokenLimiter.limiter;
}

/** For tests: forget every token's request count. */
export function resetTokenRateLimits(): void {
  globalForTokens.fieldworkTokenLimiter = undefined;
}

const unauthenticated = (message: string, reason: string) => new AppError("UNAUTHENTICATED", message, { reason });

/** The bearer credential of an Authorization header, or null when the request does not use one. */
export function bearerOf(authorization: string | null): string | null {
  const match = authorization?.match(/^Bearer[ \t]+(.*)$/i);
  return match ? match[1].trim() : null;
}

export async function authenticateToken(secret: string): Promise<SessionUser> {
  if (!looksLikeToken(secret)) throw unauthenticated("Unknown API token (a token looks like fw_ followed by 43 letters and digits).", "unknown");
  const now = new Date();
  const token = await getDb().apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!token) throw unauthenticated("Unknown API token.", "unknown");
  if (token.revokedAt) throw unauthenticated(`This API token was revoked on ${token.revokedAt.toISOString()}.`, "revoked");
  if (token.expiresAt && token.expiresAt <= now) throw unauthenticated(`This API token expired on ${token.expiresAt.toISOString()}.`, "expired");
  if (!token.user.active) throw unauthenticated("The account this API token belongs to is deactivated.", "deactivated");
  const decision = limiter().take(token.id);
  if (!decision.ok) {
    throw new AppError("RATE_LIMITED", `Too many requests with this API token (limit ${getEnv().API_TOKEN_RATE_LIMIT} per minute); try again in ${decision.retryAfterSeconds} s.`, undefined, { retryAfter: decision.retryAfterSeconds });
  }
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // Conditional, so concurrent requests (on any instance) write it once.
    await getDb().apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  const { id, email, name, role } = token.user;
  return { id, email, name, role, token: { id: token.id, scopes: knownScopes(token.scopes) } };
}

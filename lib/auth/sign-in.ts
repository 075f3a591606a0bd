import "server-only";
// Credentials sign-in with a database-backed rate limit (works across stateless app instances).
import { z } from "zod";
import { getDb } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { verifyPassword } from "./password";
import { tooManyAttemptsMessage } from "./sign-in-messages";
import type { SessionUser } from "./types";

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/**
 * Failures are counted per email + address, and per address across emails (credential stuffing). The
 * address is the socket's (or a trusted proxy's; see lib/http/client-address.ts), never a client header.
 */
export async function isSignInRateLimited(email: string, ip: string): Promise<boolean> {
  const { SIGNIN_MAX_FAILURES, SIGNIN_MAX_FAILURES_PER_ADDRESS, SIGNIN_WINDOW_MINUTES } = getEnv();
  const since = new Date(Date.now() - SIGNIN_WINDOW_MINUTES * 60_000);
  const db = getDb();
  const [byPair, byIp] = await Promise.all([
    db.signInAttempt.count({ where: { email, ip, success: false, createdAt: { gte: since } } }),
    db.signInAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return byPair >= SIGNIN_MAX_FAILURES || byIp >= SIGNIN_MAX_FAILURES_PER_ADDRESS;
}

/** Returns the user on success, null on bad credentials; throws RATE_LIMITED after too many failures. */
export async function signInWithPassword(raw: unknown, ip: string): Promise<SessionUser | null> {
  const parsed = ZSignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await isSignInRateLimited(email, ip)) {
    throw new AppError("RATE_LIMITED", tooManyAttemptsMessage(getEnv().SIGNIN_WINDOW_MINUTES));
  }
  const db = getDb();
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = await verifyPassword(password, user?.passwordHash);
  const success = Boolean(ok && user?.active);
  await db.signInAttempt.create({ data: { email, ip, success } });
  if (!success || !user) return null;
  await db.auditEvent.create({ data: { actorId: user.id, action: "auth.sign-in", entityType: "User", entityId: user.id, ip } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

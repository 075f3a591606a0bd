import "server-only";
// Who is asking, for pages, actions and routes. The JWT says who signed in; the database says whether
// that account is still active and what its role is now (so deactivation and role changes apply at once).
// A route request made with an API token was authenticated by the route wrapper (lib/http/with-route.ts):
// requireUser() returns the token's user, with the token's scopes, and never looks at cookies then.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db";
import { AppError } from "../errors";
import { getAuthOptions } from "./options";
import { requestActor } from "./request-actor";
import type { SessionUser } from "./types";

// Memoised per request: the layout and the page both ask, the database is asked once.
export const getSessionUser = cache(async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export async function requireUser(): Promise<SessionUser> {
  const viaToken = requestActor();
  if (viaToken) return viaToken;
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return user;
}

/** For Server Component pages: redirect to /login instead of throwing. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

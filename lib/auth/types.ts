import type { Role } from "../generated/prisma/enums";

export type { Role };
export const ROLES = ["ADMIN", "LEAD", "ANNOTATOR"] as const satisfies readonly Role[];

/** What an API token may be allowed to do (lib/auth/permissions.ts maps each action to the scope that covers it). */
export const SCOPES = ["grade", "export:read", "items:read", "import"] as const;
export type Scope = (typeof SCOPES)[number];

/** The API token a request authenticated with: its id and what it may do on top of its user's role. */
export type TokenGrant = { id: string; scopes: readonly Scope[] };

/**
 * Who is asking: a signed-in user, or the local operator running the CLI (id null). A request made with an
 * API token is its user with `token` set: it may do what the role allows AND a scope of the token covers.
 */
export type Actor = { id: string | null; email: string; name: string; role: Role; token?: TokenGrant };
export type SessionUser = Actor & { id: string };

export const CLI_ACTOR: Actor = { id: null, email: "cli@localhost", name: "Command line", role: "ADMIN" };

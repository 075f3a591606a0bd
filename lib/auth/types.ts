import type { Role } from "../generated/prisma/enums";

export type { Role };
export const ROLES = ["ADMIN", "LEAD", "ANNOTATOR"] as const satisfies readonly Role[];

/** Who is asking: a signed-in user, or the local operator running the CLI (id null). */
export type Actor = { id: string | null; email: string; name: string; role: Role };
export type SessionUser = Actor & { id: string };

export const CLI_ACTOR: Actor = { id: null, email: "cli@localhost", name: "Command line", role: "ADMIN" };

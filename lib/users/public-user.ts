import type { Role } from "../auth/types";

export type PublicUser = { id: string; email: string; name: string; role: Role; active: boolean; createdAt: string };

export function toPublicUser(u: { id: string; email: string; name: string; role: Role; active: boolean; createdAt: Date }): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active, createdAt: u.createdAt.toISOString() };
}

// What lists and the API show of a token: never its hash or secret.
import { SCOPES, type Scope } from "../auth/types";

export type TokenStatus = "active" | "expired" | "revoked";

export type TokenView = {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: TokenStatus;
  user: { id: string; email: string; name: string };
};

export const TOKEN_VIEW_SELECT = {
  id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true,
  user: { select: { id: true, email: true, name: true } },
} as const;

type Row = {
  id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null;
  user: { id: string; email: string; name: string };
};

export function knownScopes(scopes: readonly string[]): Scope[] {
  return scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
}

export function tokenStatus(row: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TokenStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

export function toTokenView(row: Row): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: knownScopes(row.scopes),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: tokenStatus(row),
    user: row.user,
  };
}

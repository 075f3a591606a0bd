// Helpers for integration tests: the run's database, and small factories for users and seeds.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { getDb } from "../../lib/db";
import { resetEnvCache } from "../../lib/env";
import type { Role, SessionUser } from "../../lib/auth/types";
import { hashPassword } from "../../lib/auth/password";

export function useTestDatabase(): string {
  const url = inject("databaseUrl");
  process.env.DATABASE_URL = url;
  resetEnvCache();
  return url;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.local`;
}

export async function makeUser(role: Role, password = "correct horse battery"): Promise<SessionUser> {
  const email = uniqueEmail(role.toLowerCase());
  const user = await getDb().user.create({ data: { email, name: email.split("@")[0], role, passwordHash: await hashPassword(password) } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function makeSource(identifier = `src-${randomUUID().slice(0, 8)}`) {
  return getDb().source.create({ data: { identifier, kind: "OTHER" } });
}

export async function makeSeed(problem = `Compute $Z_${randomUUID().slice(0, 6)}$.`, solution: string | null = "$Z = 1$.") {
  const source = await makeSource();
  return getDb().seed.create({
    data: { sourceId: source.id, problem, solution, location: "Problem 1", contentHash: randomUUID() },
  });
}

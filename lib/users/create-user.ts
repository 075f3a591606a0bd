import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { ZCreateUserInput } from "./schemas";
import { toPublicUser, type PublicUser } from "./public-user";

export async function createUser(actor: Actor, raw: unknown): Promise<PublicUser> {
  assertCan(actor, "user.manage");
  const input = ZCreateUserInput.parse(raw);
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `A user with email ${input.email} already exists.`);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name ?? input.email.split("@")[0], role: input.role, passwordHash },
    });
    await recordEvent(tx, actor, { action: "user.create", entityType: "User", entityId: user.id, data: { role: user.role } });
    return toPublicUser(user);
  });
}

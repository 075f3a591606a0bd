import "server-only";
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { ZUpdateUserInput, ZUserId } from "./schemas";
import { toPublicUser, type PublicUser } from "./public-user";

/** Change a user's role, name or active flag. The last active admin can be neither demoted nor deactivated. */
export async function updateUser(actor: Actor, rawId: unknown, raw: unknown): Promise<PublicUser> {
  assertCan(actor, "user.manage");
  const id = ZUserId.parse(rawId);
  const input = ZUpdateUserInput.parse(raw);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    const losesAdmin = user.role === "ADMIN" && user.active && (input.active === false || (input.role && input.role !== "ADMIN"));
    if (losesAdmin) {
      // Lock the admin rows so two concurrent demotions cannot both pass this check.
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active FOR UPDATE`;
      if (admins.length <= 1) throw new AppError("CONFLICT", "This is the last active admin: make another admin first.");
    }
    const updated = await tx.user.update({ where: { id }, data: input });
    await recordEvent(tx, actor, { action: "user.update", entityType: "User", entityId: id, data: input });
    return toPublicUser(updated);
  });
}

import "server-only";
// Mark a release deprecated with a reason (the only change a release ever takes; it stays downloadable).
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { ZDeprecateInput } from "./model/schemas";
import { loadRelease } from "./release-record";

export async function deprecateRelease(actor: Actor, name: unknown, rawInput: unknown): Promise<{ name: string; deprecated: { at: string; reason: string } }> {
  assertCan(actor, "release.create");
  const { reason } = ZDeprecateInput.parse(rawInput);
  return getDb().$transaction(async (tx) => {
    const release = await loadRelease(tx, name);
    if (release.deprecatedAt) throw new AppError("CONFLICT", `${release.name} was already deprecated on ${release.deprecatedAt.toISOString().slice(0, 10)}: ${release.deprecationReason}`);
    const at = new Date();
    await tx.release.update({ where: { id: release.id }, data: { deprecatedAt: at, deprecationReason: reason, deprecatedById: actor.id } });
    await recordEvent(tx, actor, { action: "release.deprecate", entityType: "Release", entityId: release.id, data: { name: release.name, reason } });
    return { name: release.name, deprecated: { at: at.toISOString(), reason } };
  });
}

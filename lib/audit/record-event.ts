import "server-only";
import type { Tx } from "../db";
import type { Actor } from "../auth/types";

type EventInput = { action: string; entityType: string; entityId?: string | null; data?: Record<string, unknown>; ip?: string };

/** Append one audit event inside the caller's transaction. */
export async function recordEvent(tx: Tx, actor: Actor, event: EventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      data: { ...(event.data ?? {}), ...(actor.id === null ? { via: "cli" } : {}) } as object,
      ip: event.ip ?? null,
    },
  });
}

import "server-only";
import type { Tx } from "../db";
import type { Actor } from "../auth/types";

type EventInput = { action: string; entityType: string; entityId?: string | null; data?: Record<string, unknown>; ip?: string };

const rowOf = (actor: Actor, event: EventInput) => ({
  actorId: actor.id,
  action: event.action,
  entityType: event.entityType,
  entityId: event.entityId ?? null,
  data: { ...(event.data ?? {}), ...(actor.id === null ? { via: "cli" } : {}) } as object,
  ip: event.ip ?? null,
});

/** Append one audit event inside the caller's transaction. */
export async function recordEvent(tx: Tx, actor: Actor, event: EventInput): Promise<void> {
  await tx.auditEvent.create({ data: rowOf(actor, event) });
}

/** Append several (one per entity of a bulk action) in one statement. */
export async function recordEvents(tx: Tx, actor: Actor, events: EventInput[]): Promise<void> {
  if (events.length) await tx.auditEvent.createMany({ data: events.map((e) => rowOf(actor, e)) });
}

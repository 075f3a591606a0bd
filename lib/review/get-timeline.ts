import "server-only";
// An item's story, newest first: created, saved vN, checks, submitted, comments, decisions, reopened.
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { FIELD_LABELS, type ItemFields } from "../items/schemas";

export type TimelineEntry = { at: string; kind: "saved" | "submitted" | "created" | "checks" | "comment" | "decision" | "event"; who: string | null; text: string };

const DECISION_TEXT = { APPROVE: "approved", REQUEST_CHANGES: "requested changes on", REJECT: "rejected" } as const;
const EVENT_TEXT: Record<string, string> = {
  "item.reopen": "reopened the item",
  "item.apply-suggestion": "applied a suggestion",
  "item.assign": "assigned the item",
  "item.withdraw": "withdrew the item from review",
  "item.edit-approved": "edited the approved item: a new draft",
};
const LIMIT = 200;
const TIE_ORDER: Record<TimelineEntry["kind"], number> = { event: 0, decision: 1, comment: 2, checks: 3, submitted: 4, saved: 5, created: 6 };

export async function getTimeline(actor: Actor, itemId: string): Promise<TimelineEntry[]> {
  assertCan(actor, "item.read");
  const db = getDb();
  const [revisions, runs, reviews, comments, events] = await Promise.all([
    db.itemRevision.findMany({ where: { itemId }, orderBy: { version: "desc" }, take: LIMIT, select: { version: true, status: true, createdAt: true, editor: { select: { name: true } } } }),
    db.checkRun.findMany({ where: { itemId }, orderBy: { createdAt: "desc" }, take: LIMIT, select: { version: true, passed: true, createdAt: true, createdBy: { select: { name: true } } } }),
    db.review.findMany({ where: { itemId }, orderBy: { createdAt: "desc" }, take: LIMIT, select: { version: true, decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } } }),
    db.comment.findMany({ where: { itemId }, orderBy: { createdAt: "desc" }, take: LIMIT, select: { field: true, body: true, createdAt: true, author: { select: { name: true } } } }),
    db.auditEvent.findMany({ where: { entityType: "Item", entityId: itemId, action: { in: Object.keys(EVENT_TEXT) } }, orderBy: { createdAt: "desc" }, take: LIMIT, select: { action: true, createdAt: true, actor: { select: { name: true } } } }),
  ]);
  const entries: TimelineEntry[] = [
    ...revisions.map((r): TimelineEntry => ({
      at: r.createdAt.toISOString(),
      kind: r.version === 1 ? "created" : r.status === "SUBMITTED" ? "submitted" : "saved",
      who: r.editor?.name ?? null,
      text: r.version === 1 ? "created the item (v1)" : r.status === "SUBMITTED" ? `submitted v${r.version} for review` : `saved v${r.version}`,
    })),
    ...runs.map((r): TimelineEntry => ({ at: r.createdAt.toISOString(), kind: "checks", who: r.createdBy?.name ?? null, text: `ran the checks on v${r.version}: ${r.passed ? "blocking checks pass" : "a blocking check fails"}` })),
    ...reviews.map((r): TimelineEntry => ({ at: r.createdAt.toISOString(), kind: "decision", who: r.reviewer.name, text: `${DECISION_TEXT[r.decision]} v${r.version}${r.comment ? `: ${r.comment}` : ""}` })),
    ...comments.map((c): TimelineEntry => ({ at: c.createdAt.toISOString(), kind: "comment", who: c.author.name, text: `commented${c.field ? ` on ${(FIELD_LABELS[c.field as keyof ItemFields] ?? c.field).toLowerCase()}` : ""}: ${c.body}` })),
    ...events.map((e): TimelineEntry => ({ at: e.createdAt.toISOString(), kind: "event", who: e.actor?.name ?? null, text: EVENT_TEXT[e.action] ?? e.action })),
  ];
  // Newest first; entries of the same moment (one transaction: a save and the status change it made) in a fixed
  // order, the change before the save that caused it.
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : TIE_ORDER[a.kind] - TIE_ORDER[b.kind])).slice(0, LIMIT);
}

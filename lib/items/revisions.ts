import "server-only";
// Revision history: every saved version of an item, readable, and restorable as a new version.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { z } from "zod";
import { ZRestoreInput, type ItemFields } from "./schemas";
import { fieldsOf, parseItemId } from "./item-record";
import { applyPatch, type SaveResult } from "./save-item";

export type RevisionSummary = { version: number; status: string; editorId: string | null; editor: string | null; createdAt: string };
export type Revision = RevisionSummary & { fields: ItemFields };

const ZRevisionVersion = z.coerce.number().int().min(1);

export async function listRevisions(actor: Actor, rawId: unknown): Promise<RevisionSummary[]> {
  assertCan(actor, "item.read");
  const itemId = parseItemId(rawId);
  const rows = await getDb().itemRevision.findMany({
    where: { itemId },
    orderBy: { version: "desc" },
    select: { version: true, status: true, createdAt: true, editorId: true, editor: { select: { name: true } } },
  });
  if (rows.length === 0) throw new AppError("NOT_FOUND", "No such item.");
  return rows.map((r) => ({ version: r.version, status: r.status, editorId: r.editorId, editor: r.editor?.name ?? null, createdAt: r.createdAt.toISOString() }));
}

export async function getRevision(actor: Actor, rawId: unknown, rawVersion: unknown): Promise<Revision> {
  assertCan(actor, "item.read");
  const itemId = parseItemId(rawId);
  const version = ZRevisionVersion.safeParse(rawVersion);
  const row = version.success
    ? await getDb().itemRevision.findUnique({
        where: { itemId_version: { itemId, version: version.data } },
        select: { version: true, status: true, createdAt: true, snapshot: true, editorId: true, editor: { select: { name: true } } },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "No such revision.");
  return {
    version: row.version,
    status: row.status,
    editorId: row.editorId,
    editor: row.editor?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    fields: fieldsOf(row.snapshot as Record<string, unknown>),
  };
}

/** Save the fields of an old revision as a new version (history is never rewritten). */
export async function restoreRevision(actor: Actor, rawId: unknown, rawVersion: unknown, rawInput: unknown): Promise<SaveResult> {
  const { version, withdraw } = ZRestoreInput.parse(rawInput);
  const revision = await getRevision(actor, rawId, rawVersion);
  return getDb().$transaction((tx) => applyPatch(tx, actor, parseItemId(rawId), version, revision.fields, { withdraw }));
}

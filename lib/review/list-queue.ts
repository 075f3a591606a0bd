import "server-only";
// GET /api/review/queue and /review: SUBMITTED items, oldest submission first, keyset-paginated, with the
// total for the filter.
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { itemTitle } from "../items/item-title";
import { QUEUE_JOINS, queueAfter, queueWhere } from "./queue-sql";
import { ZQueueQuery, type CheckStateName } from "./schemas";

export type QueueRow = {
  id: string;
  title: string;
  author: { id: string; name: string };
  source: string;
  topic: string | null;
  submittedAt: string;
  version: number;
  /** the newest check run's outcome on this version, or null when none ran on it */
  checkState: CheckStateName | null;
  rounds: number;
  /** the viewer saved the current version: another reviewer must decide */
  editedByViewer: boolean;
};
export type QueuePage = { items: QueueRow[]; nextCursor: string | null; total: number };

type Row = {
  id: string; seedTitle: string | null; statement: string; authorId: string; authorName: string; source: string; topic: string | null;
  submittedAt: Date; version: number; checkState: CheckStateName | null; checkedVersion: number | null; reviewRounds: number; lastEditorId: string | null;
};

export async function listReviewQueue(actor: Actor, rawQuery: unknown): Promise<QueuePage> {
  assertCan(actor, "item.review");
  const query = ZQueueQuery.parse(rawQuery);
  const cursor = decodeCursor(query.cursor);
  const where = queueWhere(query);
  const db = getDb();
  const [rows, counted] = await Promise.all([
    // The page's ids come from the queue's indexes alone (every filter column is in them), then the rows are
    // read and joined: a misestimated filter (the planner takes "checkedVersion" = "version" for rare) must not
    // make it fetch, join and sort every matching item to keep 26.
    db.$queryRaw<Row[]>`
      SELECT i."id", s."title" AS "seedTitle", left(i."statement", 400) AS "statement", u."id" AS "authorId", u."name" AS "authorName",
             src."identifier" AS "source", i."topic", i."submittedAt", i."version", i."checkState", i."checkedVersion",
             i."reviewRounds", i."lastEditorId"
      FROM (
        SELECT i."id" FROM "Item" i
        WHERE ${where} AND ${queueAfter(cursor)}
        ORDER BY i."submittedAt", i."id"
        LIMIT ${query.limit + 1}
      ) page
      JOIN "Item" i ON i."id" = page."id"
      ${QUEUE_JOINS}
      ORDER BY i."submittedAt", i."id"`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM "Item" i WHERE ${where}`,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      title: itemTitle(r.seedTitle, r.statement),
      author: { id: r.authorId, name: r.authorName },
      source: r.source,
      topic: r.topic,
      submittedAt: r.submittedAt.toISOString(),
      version: r.version,
      checkState: r.checkedVersion === r.version ? r.checkState : null,
      rounds: r.reviewRounds,
      editedByViewer: actor.id !== null && r.lastEditorId === actor.id,
    })),
    nextCursor: rows.length > query.limit ? encodeCursor(last.submittedAt, last.id) : null,
    total: counted[0]?.n ?? 0,
  };
}

/** The items before and after this one in the queue with the same filters (for j/k on the review page). */
export async function getQueueNeighbours(actor: Actor, itemId: string, rawFilter: unknown): Promise<{ previous: string | null; next: string | null }> {
  assertCan(actor, "item.review");
  const filter = ZQueueQuery.parse(rawFilter);
  const db = getDb();
  const current = await db.item.findUnique({ where: { id: itemId }, select: { submittedAt: true } });
  if (!current?.submittedAt) return { previous: null, next: null };
  const position = { at: current.submittedAt, id: itemId };
  const where = queueWhere(filter);
  const [next, previous] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT i."id" FROM "Item" i WHERE ${where} AND ${queueAfter(position)} ORDER BY i."submittedAt", i."id" LIMIT 1`,
    db.$queryRaw<{ id: string }[]>`SELECT i."id" FROM "Item" i WHERE ${where} AND ${queueAfter(position, "before")} ORDER BY i."submittedAt" DESC, i."id" DESC LIMIT 1`,
  ]);
  return { previous: previous[0]?.id ?? null, next: next[0]?.id ?? null };
}


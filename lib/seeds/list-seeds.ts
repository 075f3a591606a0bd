import "server-only";
// GET /api/seeds and /seeds: newest first, keyset-paginated, filtered by status, source, text, batch and
// assignee, with the total for the filter (for "select all N matching").
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { Prisma } from "../generated/prisma/client";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { ZListSeedsQuery } from "./schemas";
import { SEED_FROM, seedWhere } from "./seed-filter-sql";

export type SeedListRow = {
  id: string;
  title: string | null;
  location: string | null;
  status: string;
  source: string;
  excerpt: string;
  itemCount: number;
  assignee: { id: string; name: string } | null;
  createdAt: string;
};
export type SeedPage = { seeds: SeedListRow[]; nextCursor: string | null; total: number };

const EXCERPT_CHARS = 180;

type Row = { id: string; title: string | null; location: string | null; status: string; source: string; excerpt: string; itemCount: number; assigneeId: string | null; assigneeName: string | null; createdAt: Date };

export async function listSeeds(actor: Actor, rawQuery: unknown): Promise<SeedPage> {
  assertCan(actor, "seed.read");
  const query = ZListSeedsQuery.parse(rawQuery);
  const cursor = decodeCursor(query.cursor);
  const where = seedWhere(query);
  const after = cursor ? Prisma.sql`(s."createdAt", s."id") < (${cursor.at}, ${cursor.id}::uuid)` : Prisma.sql`TRUE`;
  const db = getDb();
  const [rows, counted] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT s."id", s."title", s."location", s."status"::text AS "status", src."identifier" AS "source",
             left(s."problem", ${EXCERPT_CHARS + 1}) AS "excerpt", s."createdAt",
             (SELECT count(*)::int FROM "Item" i WHERE i."seedId" = s."id") AS "itemCount",
             u."id" AS "assigneeId", u."name" AS "assigneeName"
      ${SEED_FROM} LEFT JOIN "User" u ON u."id" = s."assigneeId"
      WHERE ${where} AND ${after}
      ORDER BY s."createdAt" DESC, s."id" DESC
      LIMIT ${query.limit + 1}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" ${SEED_FROM} WHERE ${where}`,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    seeds: page.map((s) => ({
      id: s.id,
      title: s.title,
      location: s.location,
      status: s.status,
      source: s.source,
      excerpt: s.excerpt.length > EXCERPT_CHARS ? `${s.excerpt.slice(0, EXCERPT_CHARS)}…` : s.excerpt,
      itemCount: s.itemCount,
      assignee: s.assigneeId ? { id: s.assigneeId, name: s.assigneeName ?? "" } : null,
      createdAt: s.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? encodeCursor(last.createdAt, last.id) : null,
    total: counted[0]?.n ?? 0,
  };
}

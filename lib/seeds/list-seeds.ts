import "server-only";
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { afterCursor, decodeCursor, encodeCursor } from "../pagination/cursor";
import { ZListSeedsQuery } from "./schemas";

export type SeedListRow = {
  id: string;
  title: string | null;
  location: string | null;
  status: string;
  source: string;
  excerpt: string;
  itemCount: number;
  createdAt: string;
};
export type SeedPage = { seeds: SeedListRow[]; nextCursor: string | null };

const EXCERPT_CHARS = 180;

/** Newest first, keyset-paginated, filtered by status, source identifier and text. */
export async function listSeeds(actor: Actor, rawQuery: unknown): Promise<SeedPage> {
  assertCan(actor, "seed.read");
  const query = ZListSeedsQuery.parse(rawQuery);
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().seed.findMany({
    where: {
      ...(query.status ? { status: query.status } : {}),
      ...(query.source ? { source: { identifier: query.source } } : {}),
      ...(query.batch ? { importBatchId: query.batch } : {}),
      // Text search and the cursor are both OR-conditions: combine them with AND, never by spreading.
      AND: [
        query.q
          ? { OR: [{ problem: { contains: query.q, mode: "insensitive" as const } }, { title: { contains: query.q, mode: "insensitive" as const } }] }
          : {},
        afterCursor(cursor),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true, title: true, location: true, status: true, problem: true, createdAt: true,
      source: { select: { identifier: true } },
      _count: { select: { items: true } },
    },
  });
  const page = rows.slice(0, query.limit);
  return {
    seeds: page.map((s) => ({
      id: s.id,
      title: s.title,
      location: s.location,
      status: s.status,
      source: s.source.identifier,
      excerpt: s.problem.length > EXCERPT_CHARS ? `${s.problem.slice(0, EXCERPT_CHARS)}…` : s.problem,
      itemCount: s._count.items,
      createdAt: s.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].createdAt, page[page.length - 1].id) : null,
  };
}

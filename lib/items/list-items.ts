import "server-only";
// GET /api/items and /items: most recently edited first, keyset-paginated, filtered by status, author, source, seed.
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { latexExcerpt } from "../latex/excerpt";
import { afterCursor, decodeCursor, encodeCursor } from "../pagination/cursor";
import { itemTitle } from "./item-title";
import { ZListItemsQuery } from "./schemas";

export type ItemListRow = {
  id: string;
  /** the seed's title, else the statement's first sentence */
  title: string;
  status: string;
  version: number;
  excerpt: string;
  seed: { id: string; title: string | null; location: string | null };
  source: string;
  author: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  updatedAt: string;
};
export type ItemPage = { items: ItemListRow[]; nextCursor: string | null; author: string };

const EXCERPT_CHARS = 160;

export async function listItems(actor: Actor, rawQuery: unknown): Promise<ItemPage> {
  assertCan(actor, "item.read");
  const query = ZListItemsQuery.parse(rawQuery);
  // Annotators see their own work unless they ask for everyone's.
  const author = query.author ?? (actor.role === "ANNOTATOR" ? "me" : "all");
  const authorId = author === "all" ? undefined : author === "me" ? actor.id : author;
  const cursor = decodeCursor(query.cursor);
  const rows = await getDb().item.findMany({
    where: {
      ...(query.status ? { status: query.status } : {}),
      // The CLI operator (no id) has no items of its own.
      ...(authorId !== undefined ? { authorId: authorId ?? "00000000-0000-0000-0000-000000000000" } : {}),
      ...(query.source ? { seed: { source: { identifier: query.source } } } : {}),
      ...(query.seed ? { seedId: query.seed } : {}),
      ...afterCursor(cursor, "updatedAt"),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true, status: true, version: true, statement: true, updatedAt: true,
      author: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      seed: { select: { id: true, title: true, location: true, source: { select: { identifier: true } } } },
    },
  });
  const page = rows.slice(0, query.limit);
  return {
    author,
    items: page.map((r) => {
      return {
        id: r.id,
        title: itemTitle(r.seed.title, r.statement),
        status: r.status,
        version: r.version,
        excerpt: latexExcerpt(r.statement, EXCERPT_CHARS),
        seed: { id: r.seed.id, title: r.seed.title, location: r.seed.location },
        source: r.seed.source.identifier,
        author: r.author,
        assignee: r.assignee,
        updatedAt: r.updatedAt.toISOString(),
      };
    }),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].updatedAt, page[page.length - 1].id) : null,
  };
}

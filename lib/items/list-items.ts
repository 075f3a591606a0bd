import "server-only";
// GET /api/items and /items: most recently edited first, keyset-paginated, filtered by status, author, source, seed
// (item-filter.ts); when asked (?total=1: the items page asks when a lead selects a page), with how many of the
// filter's items a reassignment would move.
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { latexExcerpt } from "../latex/excerpt";
import { afterCursor, decodeCursor, encodeCursor } from "../pagination/cursor";
import { itemTitle } from "./item-title";
import { ASSIGN_MAX } from "../seeds/schemas";
import { REASSIGNABLE, itemWhere } from "./item-filter";
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
/** `total` (asked for by pages that reassign: the reassignable items of the filter) is exact up to ASSIGN_MAX; past it `totalCapped` says "more". */
export type ItemPage = { items: ItemListRow[]; nextCursor: string | null; author: string; total?: number; totalCapped?: boolean };

const EXCERPT_CHARS = 160;

export async function listItems(actor: Actor, rawQuery: unknown, { withTotal = false }: { withTotal?: boolean } = {}): Promise<ItemPage> {
  assertCan(actor, "item.read");
  const query = ZListItemsQuery.parse(rawQuery);
  const { where, author } = itemWhere(actor, query);
  const cursor = decodeCursor(query.cursor);
  const [rows, counted] = await Promise.all([getDb().item.findMany({
    where: { ...where, ...afterCursor(cursor, "updatedAt") },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true, status: true, version: true, statement: true, updatedAt: true,
      author: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      seed: { select: { id: true, title: true, location: true, source: { select: { identifier: true } } } },
    },
  }),
  // The items of the filter a reassignment would move (drafts, changes requested); counting stops past
  // ASSIGN_MAX, as for seeds: more could not be reassigned at once anyway.
  withTotal ? getDb().item.count({ where: { AND: [where, REASSIGNABLE] }, take: ASSIGN_MAX + 1 }) : null]);
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
    ...(counted === null ? {} : { total: Math.min(counted, ASSIGN_MAX), totalCapped: counted > ASSIGN_MAX }),
  };
}

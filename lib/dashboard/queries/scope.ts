import "server-only";
// The filters as SQL fragments, shared by the panels' queries. The annotator of an item is its author (an
// assignee edits for them; the author stays), of a decision the item's author (copied onto the Review), of a
// submission who submitted it, of a seed its assignee. Sources compare the sourceId copied onto Item and
// Review by triggers, so no panel joins Seed or Item to filter by source.
import { Prisma } from "../../generated/prisma/client";

export type Scope = { start: Date; end: Date; source?: string; annotator?: string };

const sourceId = (identifier: string) => Prisma.sql`(SELECT "id" FROM "Source" WHERE "identifier" = ${identifier})`;

/** `column` in [start, end). */
export function inRange(column: Prisma.Sql, scope: Scope): Prisma.Sql {
  return Prisma.sql`${column} >= ${scope.start} AND ${column} < ${scope.end}`;
}

/** The source and annotator filters on an Item row (alias `i` unless given). */
export function itemFilter(scope: Scope, alias = "i"): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  const parts: Prisma.Sql[] = [];
  if (scope.source) parts.push(Prisma.sql`${a}."sourceId" = ${sourceId(scope.source)}`);
  if (scope.annotator) parts.push(Prisma.sql`${a}."authorId" = ${scope.annotator}::uuid`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The source and annotator filters on a Seed row (alias `s`): the annotator is the seed's assignee. */
export function seedFilter(scope: Scope, alias = "s"): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  const parts: Prisma.Sql[] = [];
  if (scope.source) parts.push(Prisma.sql`${a}."sourceId" = ${sourceId(scope.source)}`);
  if (scope.annotator) parts.push(Prisma.sql`${a}."assigneeId" = ${scope.annotator}::uuid`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The filters on a Review row (alias `r`), through the item facts copied onto it. */
export function reviewFilter(scope: Scope, alias = "r"): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  const parts: Prisma.Sql[] = [];
  if (scope.source) parts.push(Prisma.sql`${a}."itemSourceId" = ${sourceId(scope.source)}`);
  if (scope.annotator) parts.push(Prisma.sql`${a}."itemAuthorId" = ${scope.annotator}::uuid`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The filters on an item.submit AuditEvent (alias `e`): submitted by the annotator, an item of the source. */
export function submissionFilter(scope: Scope, alias = "e"): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  const parts: Prisma.Sql[] = [];
  if (scope.source) parts.push(Prisma.sql`${a}."entityId" IN (SELECT f."id"::text FROM "Item" f WHERE f."sourceId" = ${sourceId(scope.source)})`);
  if (scope.annotator) parts.push(Prisma.sql`${a}."actorId" = ${scope.annotator}::uuid`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** A row about an item (a check run) whose item passes the filters: a semi-join on the filtered items. */
export function ofFilteredItems(itemIdColumn: Prisma.Sql, scope: Scope): Prisma.Sql {
  if (!scope.source && !scope.annotator) return Prisma.sql`TRUE`;
  return Prisma.sql`${itemIdColumn} IN (SELECT f."id" FROM "Item" f WHERE ${itemFilter(scope, "f")})`;
}

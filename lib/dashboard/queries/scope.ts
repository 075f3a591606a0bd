import "server-only";
// The filters as SQL fragments, shared by the panels' queries. The annotator of an item is its author (an
// assignee edits for them; the author stays), of a decision the item's author (copied onto the Review), of a
// submission who submitted it, of a seed its assignee. Sources compare the sourceId copied onto Item and
// Review by triggers, so no panel joins Seed or Item to filter by source. Counts are read from the daily
// rollup "DashboardCount" (kept exact by triggers, see its migration) at the grain the filters ask for.
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

/** The filters on a Review row (alias `r`), through the item facts copied onto it. */
export function reviewFilter(scope: Scope, alias = "r"): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  const parts: Prisma.Sql[] = [];
  if (scope.source) parts.push(Prisma.sql`${a}."itemSourceId" = ${sourceId(scope.source)}`);
  if (scope.annotator) parts.push(Prisma.sql`${a}."itemAuthorId" = ${scope.annotator}::uuid`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The id "DashboardCount" uses for "all sources" and "everyone". */
const ALL = "00000000-0000-0000-0000-000000000000";
const dayParam = (d: Date) => d.toISOString().slice(0, 10);

export type Grain = { perPerson?: boolean; perSource?: boolean };

/**
 * The daily counts of the facts in the range (scope bounds are whole UTC days), at the grain the filters ask
 * for: the source's rows or, unless `perSource`, the all-sources rows; likewise the annotator's rows or, unless
 * `perPerson`, the everyone rows. Rows of "DashboardCount" and the changes not folded into it yet (spread over the
 * grains as the fold does), as a
 * subquery with the columns sourceId, personId, day, key, n: group them and keep groups whose sum is not 0.
 */
export function countRows(facts: string[], scope: Scope, grain: Grain = {}): Prisma.Sql {
  const source = scope.source
    ? Prisma.sql`c."sourceId" = ${sourceId(scope.source)}`
    : grain.perSource ? Prisma.sql`c."sourceId" <> ${ALL}::uuid` : Prisma.sql`c."sourceId" = ${ALL}::uuid`;
  const person = scope.annotator
    ? Prisma.sql`c."personId" = ${scope.annotator}::uuid`
    : grain.perPerson ? Prisma.sql`c."personId" <> ${ALL}::uuid` : Prisma.sql`c."personId" = ${ALL}::uuid`;
  const where = Prisma.sql`c."fact" = ANY(${facts}::text[]) AND ${source} AND ${person}
    AND c."day" >= ${dayParam(scope.start)}::date AND c."day" < ${dayParam(scope.end)}::date`;
  return Prisma.sql`(
    SELECT c."fact", c."sourceId", c."personId", c."day", c."key", c."n" FROM "DashboardCount" c WHERE ${where}
    UNION ALL
    SELECT c."fact", c."sourceId", c."personId", c."day", c."key", c."n"
    FROM "DashboardCountPending" pd CROSS JOIN LATERAL "dashboard_count_grains"(pd."f", pd."d", pd."s", pd."p", pd."k", pd."n") c WHERE ${where})`;
}

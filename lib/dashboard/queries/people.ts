import "server-only";
// People panel, one query. Per annotator: seeds claimed by or assigned to them in the range, their items started
// in the range that are still drafts, the submissions they made, their items approved, the decisions on their
// items and how many requested changes, the median rounds of their approved items. Per reviewer: decisions in the range
// by outcome and the median hours from submission to their decision. Annotators' counts come from the daily rollup
// (the median rounds from its histogram); reviewers' from the decisions themselves (the median needs each one).
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { AnnotatorRow, ReviewerRow } from "../model/types";
import { countRows, inRange, reviewFilter, type Scope } from "./scope";

type Row = { annotators: AnnotatorRow[] | null; reviewers: ReviewerRow[] | null };

export async function queryPeople(scope: Scope): Promise<{ people: AnnotatorRow[]; reviewers: ReviewerRow[] }> {
  const [row] = await getDb().$queryRaw<Row[]>(peopleSql(scope));
  return {
    people: (row.annotators ?? []).map((a) => ({ ...a, changesRequestedRate: a.changesRequestedRate === null ? null : Number(a.changesRequestedRate), medianRounds: a.medianRounds === null ? null : Number(a.medianRounds) })),
    reviewers: (row.reviewers ?? []).map((r) => ({ ...r, medianTurnaroundHours: r.medianTurnaroundHours === null ? null : Number(r.medianTurnaroundHours) })),
  };
}

/** The panel's one query (exported to inspect it, e.g. with EXPLAIN). */
export function peopleSql(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    WITH claimed AS (
      SELECT c."personId" AS "who", sum(c."n")::int AS "n" FROM ${countRows(["claim"], scope, { perPerson: true })} c GROUP BY 1 HAVING sum(c."n") <> 0
    ),
    drafts AS (
      SELECT c."personId" AS "who", sum(c."n")::int AS "n" FROM ${countRows(["item"], scope, { perPerson: true })} c WHERE c."key" = 'DRAFT' GROUP BY 1 HAVING sum(c."n") <> 0
    ),
    rounds AS (
      SELECT c."personId" AS "who", c."key"::int AS "rounds", sum(c."n") AS "n" FROM ${countRows(["approval"], scope, { perPerson: true })} c GROUP BY 1, 2 HAVING sum(c."n") <> 0
    ),
    -- the median of a histogram, as percentile_cont(0.5) over its items: the mean of the values at the 0-based
    -- positions floor((N - 1) / 2) and ceil((N - 1) / 2) (the value at position k: the first whose running count exceeds k)
    rounds_running AS (
      SELECT "who", "rounds", sum("n") OVER (PARTITION BY "who" ORDER BY "rounds") AS "running", sum("n") OVER (PARTITION BY "who") AS "total" FROM rounds
    ),
    approved AS (
      SELECT "who", max("total")::int AS "n",
        ((min("rounds") FILTER (WHERE "running" > floor(("total" - 1) / 2.0)))::float8 + (min("rounds") FILTER (WHERE "running" > ceil(("total" - 1) / 2.0)))::float8) / 2 AS "medianRounds"
      FROM rounds_running GROUP BY 1
    ),
    submitted AS (
      SELECT c."personId" AS "who", sum(c."n")::int AS "n" FROM ${countRows(["submit"], scope, { perPerson: true })} c GROUP BY 1 HAVING sum(c."n") <> 0
    ),
    by_author AS (
      SELECT c."personId" AS "who", sum(c."n")::int AS "n", coalesce(sum(c."n") FILTER (WHERE c."key" = 'REQUEST_CHANGES'), 0)::int AS "changes"
      FROM ${countRows(["review"], scope, { perPerson: true })} c GROUP BY 1 HAVING sum(c."n") <> 0
    ),
    by_reviewer AS (
      SELECT r."reviewerId" AS "who", count(*)::int AS "n",
        count(*) FILTER (WHERE r."decision" = 'APPROVE')::int AS "approved", count(*) FILTER (WHERE r."decision" = 'REQUEST_CHANGES')::int AS "changes",
        count(*) FILTER (WHERE r."decision" = 'REJECT')::int AS "rejected",
        round(percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', r."createdAt" - r."submittedAt") / 3600)::numeric, 1)::float8 AS "medianHours"
      FROM "Review" r WHERE ${inRange(Prisma.sql`r."createdAt"`, scope)} AND ${reviewFilter(scope)} GROUP BY 1
    ),
    people AS (
      SELECT "who" FROM claimed UNION SELECT "who" FROM drafts UNION SELECT "who" FROM approved UNION SELECT "who" FROM submitted UNION SELECT "who" FROM by_author
    )
    SELECT
      (SELECT json_agg(json_build_object(
          'id', p."who", 'name', coalesce(u."name", '(deleted user)'), 'claimed', coalesce(c."n", 0), 'drafts', coalesce(d."n", 0),
          'submitted', coalesce(s."n", 0), 'approved', coalesce(a."n", 0), 'decisions', coalesce(b."n", 0), 'changesRequested', coalesce(b."changes", 0),
          'changesRequestedRate', CASE WHEN b."n" > 0 THEN round(b."changes"::numeric / b."n", 3) END, 'medianRounds', a."medianRounds")
        ORDER BY coalesce(a."n", 0) DESC, coalesce(s."n", 0) DESC, u."name", p."who")
       FROM people p LEFT JOIN "User" u ON u."id" = p."who" LEFT JOIN claimed c ON c."who" = p."who" LEFT JOIN drafts d ON d."who" = p."who"
         LEFT JOIN approved a ON a."who" = p."who" LEFT JOIN submitted s ON s."who" = p."who" LEFT JOIN by_author b ON b."who" = p."who") AS "annotators",
      (SELECT json_agg(json_build_object(
          'id', t."who", 'name', coalesce(u."name", '(deleted user)'), 'decisions', t."n", 'approved', t."approved",
          'changesRequested', t."changes", 'rejected', t."rejected", 'medianTurnaroundHours', t."medianHours")
        ORDER BY t."n" DESC, u."name", t."who")
       FROM by_reviewer t LEFT JOIN "User" u ON u."id" = t."who") AS "reviewers"`;
}

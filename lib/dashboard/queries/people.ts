import "server-only";
// People panel, one query. Per annotator: seeds claimed by or assigned to them in the range, their items started
// in the range that are still drafts, the submissions they made, their items approved, the decisions on their
// items and how many requested changes, the median rounds of their approved items. Per reviewer: decisions in the range
// by outcome and the median hours from submission to their decision.
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { AnnotatorRow, ReviewerRow } from "../model/types";
import { inRange, itemFilter, reviewFilter, seedFilter, submissionFilter, type Scope } from "./scope";

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
      SELECT s."assigneeId" AS "who", count(*)::int AS "n" FROM "Seed" s
      WHERE s."assigneeId" IS NOT NULL AND ${inRange(Prisma.sql`s."assignedAt"`, scope)} AND ${seedFilter(scope)} GROUP BY 1
    ),
    drafts AS (
      SELECT i."authorId" AS "who", count(*)::int AS "n" FROM "Item" i
      WHERE i."status" = 'DRAFT' AND ${inRange(Prisma.sql`i."createdAt"`, scope)} AND ${itemFilter(scope)} GROUP BY 1
    ),
    approved AS (
      SELECT i."authorId" AS "who", count(*)::int AS "n", percentile_cont(0.5) WITHIN GROUP (ORDER BY i."reviewRounds") AS "medianRounds" FROM "Item" i
      WHERE ${inRange(Prisma.sql`i."approvedAt"`, scope)} AND ${itemFilter(scope)} GROUP BY 1
    ),
    submitted AS (
      SELECT e."actorId" AS "who", count(*)::int AS "n" FROM "AuditEvent" e
      WHERE e."action" = 'item.submit' AND e."actorId" IS NOT NULL AND ${inRange(Prisma.sql`e."createdAt"`, scope)} AND ${submissionFilter(scope)} GROUP BY 1
    ),
    by_author AS (
      SELECT r."itemAuthorId" AS "who", count(*)::int AS "n", count(*) FILTER (WHERE r."decision" = 'REQUEST_CHANGES')::int AS "changes"
      FROM "Review" r WHERE ${inRange(Prisma.sql`r."createdAt"`, scope)} AND r."itemAuthorId" IS NOT NULL AND ${reviewFilter(scope)} GROUP BY 1
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

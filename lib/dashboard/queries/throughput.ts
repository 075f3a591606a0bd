import "server-only";
// Throughput panel, one query: items approved per day by annotator (the item's approvedAt: an item approved
// again after an edit counts on its latest approval), and submissions per day (every item.submit event,
// resubmissions included).
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { ApprovedPerDay, SubmittedPerDay } from "../model/types";
import { inRange, itemFilter, submissionFilter, type Scope } from "./scope";

type Row = { kind: "approved" | "submitted"; day: string; annotatorId: string | null; annotator: string | null; n: number };

export async function queryThroughput(scope: Scope): Promise<{ approvedPerDay: ApprovedPerDay[]; submittedPerDay: SubmittedPerDay[] }> {
  const rows = await getDb().$queryRaw<Row[]>(throughputSql(scope));
  return {
    approvedPerDay: rows.filter((r) => r.kind === "approved").map((r) => ({ day: r.day, annotatorId: r.annotatorId!, annotator: r.annotator ?? "(deleted user)", count: r.n })),
    submittedPerDay: rows.filter((r) => r.kind === "submitted").map((r) => ({ day: r.day, count: r.n })),
  };
}

/** The panel's one query (exported to inspect it, e.g. with EXPLAIN). */
export function throughputSql(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT t."kind", to_char(t."day", 'YYYY-MM-DD') AS "day", t."who"::text AS "annotatorId", u."name" AS "annotator", t."n"
    FROM (
      SELECT 'approved' AS "kind", (i."approvedAt" AT TIME ZONE 'UTC')::date AS "day", i."authorId" AS "who", count(*)::int AS "n"
      FROM "Item" i WHERE ${inRange(Prisma.sql`i."approvedAt"`, scope)} AND ${itemFilter(scope)}
      GROUP BY 2, 3
      UNION ALL
      SELECT 'submitted', (e."createdAt" AT TIME ZONE 'UTC')::date, NULL::uuid, count(*)::int
      FROM "AuditEvent" e
      WHERE e."action" = 'item.submit' AND ${inRange(Prisma.sql`e."createdAt"`, scope)} AND ${submissionFilter(scope)}
      GROUP BY 2
    ) t LEFT JOIN "User" u ON u."id" = t."who"
    ORDER BY 2, 1, 4`;
}

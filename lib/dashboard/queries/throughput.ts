import "server-only";
// Throughput panel, one query: items approved per day by annotator (the item's approvedAt: an item approved
// again after an edit counts on its latest approval), and submissions per day (every item.submit event,
// resubmissions included); both from the daily rollup's approval and submit facts.
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { ApprovedPerDay, SubmittedPerDay } from "../model/types";
import { countRows, type Scope } from "./scope";

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
      SELECT 'approved' AS "kind", c."day", c."personId" AS "who", sum(c."n")::int AS "n"
      FROM ${countRows(["approval"], scope, { perPerson: true })} c
      GROUP BY 2, 3 HAVING sum(c."n") <> 0
      UNION ALL
      SELECT 'submitted', c."day", NULL::uuid, sum(c."n")::int
      FROM ${countRows(["submit"], scope)} c
      GROUP BY 2 HAVING sum(c."n") <> 0
    ) t LEFT JOIN "User" u ON u."id" = t."who"
    ORDER BY 2, 1, 4`;
}

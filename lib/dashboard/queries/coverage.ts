import "server-only";
// Coverage panel, one query: per source, the seeds imported in the range, how many were adapted (have items:
// in progress or adapted) and how many have an approved item (ADAPTED: approval marks the seed).
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { CoverageRow } from "../model/types";
import { countRows, type Scope } from "./scope";

export async function queryCoverage(scope: Scope): Promise<CoverageRow[]> {
  return getDb().$queryRaw<CoverageRow[]>(coverageSql(scope));
}

/** The panel's one query (exported to inspect it, e.g. with EXPLAIN). */
export function coverageSql(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT src."identifier" AS "source", src."title", t."imported", t."adapted", t."approved"
    FROM (
      SELECT c."sourceId", sum(c."n")::int AS "imported",
        coalesce(sum(c."n") FILTER (WHERE c."key" IN ('IN_PROGRESS', 'ADAPTED')), 0)::int AS "adapted",
        coalesce(sum(c."n") FILTER (WHERE c."key" = 'ADAPTED'), 0)::int AS "approved"
      FROM ${countRows(["seed"], scope, { perSource: true })} c GROUP BY 1 HAVING sum(c."n") <> 0
    ) t JOIN "Source" src ON src."id" = t."sourceId"
    ORDER BY t."imported" DESC, src."identifier"`;
}

import "server-only";
// Quality panel, one query: failures by check at submit attempts and at approval's re-runs (runs of those
// purposes in the range; a run counts once per check however many findings failed, warnings included), the
// rounds of requested changes of the items approved in the range, and the reasons of the rejections in it.
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { CHECKS } from "../../checks/registry";
import type { CheckFailure, Quality } from "../model/types";
import { inRange, itemFilter, ofFilteredItems, reviewFilter, type Scope } from "./scope";

/** Distinct reasons listed (the most frequent first); the total counts every rejection. */
const MAX_REASONS = 50;

type Row = {
  failures: { check: string; atSubmit: number; atApproval: number }[] | null;
  runs: { atSubmit: number; atApproval: number };
  rounds: { rounds: number; count: number }[] | null;
  reasons: { reason: string; count: number }[] | null;
  rejected: number;
};

const LABELS = new Map(CHECKS.map((c) => [c.id, { label: c.title, blocking: c.blocking }]));

export async function queryQuality(scope: Scope): Promise<{ checkFailures: CheckFailure[]; quality: Quality }> {
  const [row] = await getDb().$queryRaw<Row[]>(qualitySql(scope));
  const checkFailures = (row.failures ?? [])
    .map((f) => ({ check: f.check, label: LABELS.get(f.check)?.label ?? f.check, blocking: LABELS.get(f.check)?.blocking ?? null, count: f.atSubmit + f.atApproval, atSubmit: f.atSubmit, atApproval: f.atApproval }))
    .sort((a, b) => b.count - a.count || a.check.localeCompare(b.check));
  return {
    checkFailures,
    quality: { checkRuns: row.runs, rounds: row.rounds ?? [], rejections: { total: row.rejected, reasons: row.reasons ?? [] } },
  };
}

/** The panel's one query (exported to inspect it, e.g. with EXPLAIN). */
export function qualitySql(scope: Scope): Prisma.Sql {
  // Runs are grouped by their set of failing checks first (a few dozen sets), then the sets are unnested.
  return Prisma.sql`
    WITH runs AS (
      SELECT c."purpose", c."failedChecks", count(*)::int AS "n" FROM "CheckRun" c
      WHERE c."purpose" IN ('SUBMIT', 'APPROVAL') AND ${inRange(Prisma.sql`c."createdAt"`, scope)} AND ${ofFilteredItems(Prisma.sql`c."itemId"`, scope)}
      GROUP BY 1, 2
    ),
    failures AS (
      SELECT f."check", coalesce(sum(runs."n") FILTER (WHERE runs."purpose" = 'SUBMIT'), 0)::int AS "atSubmit",
        coalesce(sum(runs."n") FILTER (WHERE runs."purpose" = 'APPROVAL'), 0)::int AS "atApproval"
      FROM runs CROSS JOIN LATERAL unnest(runs."failedChecks") AS f("check") GROUP BY f."check"
    ),
    rounds AS (
      SELECT i."reviewRounds" AS "rounds", count(*)::int AS "count" FROM "Item" i
      WHERE ${inRange(Prisma.sql`i."approvedAt"`, scope)} AND ${itemFilter(scope)} GROUP BY 1
    ),
    rejections AS (
      SELECT lower(regexp_replace(btrim(coalesce(r."comment", '')), '\\s+', ' ', 'g')) AS "key", min(btrim(coalesce(r."comment", ''))) AS "reason", count(*)::int AS "count"
      FROM "Review" r
      WHERE r."decision" = 'REJECT' AND ${inRange(Prisma.sql`r."createdAt"`, scope)} AND ${reviewFilter(scope)}
      GROUP BY 1
    )
    SELECT
      (SELECT json_agg(failures) FROM failures) AS "failures",
      (SELECT json_build_object('atSubmit', coalesce(sum("n") FILTER (WHERE "purpose" = 'SUBMIT'), 0), 'atApproval', coalesce(sum("n") FILTER (WHERE "purpose" = 'APPROVAL'), 0)) FROM runs) AS "runs",
      (SELECT json_agg(x ORDER BY x."rounds") FROM rounds x) AS "rounds",
      (SELECT json_agg(json_build_object('reason', t."reason", 'count', t."count")) FROM (SELECT * FROM rejections ORDER BY "count" DESC, "key" LIMIT ${MAX_REASONS}) t) AS "reasons",
      (SELECT coalesce(sum("count"), 0)::int FROM rejections) AS "rejected"`;
}

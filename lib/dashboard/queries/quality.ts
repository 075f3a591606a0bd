import "server-only";
// Quality panel, one query: failures by check at submit attempts and at approval's re-runs (runs of those
// purposes in the range; a run counts once per check however many findings failed, warnings included), the
// rounds of requested changes of the items approved in the range, and the reasons of the rejections in it. Runs and
// rounds come from the daily rollup; reasons from the decisions (grouped by their text).
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { CHECKS } from "../../checks/registry";
import type { CheckFailure, Quality } from "../model/types";
import { countRows, inRange, reviewFilter, type Scope } from "./scope";

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
  // Runs are counted by purpose and set of failing checks (the rollup's key "SUBMIT|check|check"), then the
  // sets are unnested.
  return Prisma.sql`
    WITH runs AS (
      SELECT split_part(c."key", '|', 1) AS "purpose", (string_to_array(c."key", '|'))[2:] AS "failedChecks", sum(c."n")::int AS "n"
      FROM ${countRows(["check"], scope)} c
      GROUP BY c."key" HAVING sum(c."n") <> 0
    ),
    failures AS (
      SELECT f."check", coalesce(sum(runs."n") FILTER (WHERE runs."purpose" = 'SUBMIT'), 0)::int AS "atSubmit",
        coalesce(sum(runs."n") FILTER (WHERE runs."purpose" = 'APPROVAL'), 0)::int AS "atApproval"
      FROM runs CROSS JOIN LATERAL unnest(runs."failedChecks") AS f("check") GROUP BY f."check"
    ),
    rounds AS (
      SELECT c."key"::int AS "rounds", sum(c."n")::int AS "count" FROM ${countRows(["approval"], scope)} c GROUP BY 1 HAVING sum(c."n") <> 0
    ),
    -- identical comments counted first, so each distinct text is normalised once
    rejections AS (
      SELECT lower(regexp_replace(btrim(coalesce(t."comment", '')), '\\s+', ' ', 'g')) AS "key", min(btrim(coalesce(t."comment", ''))) AS "reason", sum(t."n")::int AS "count"
      FROM (
        SELECT r."comment", count(*) AS "n" FROM "Review" r
        WHERE r."decision" = 'REJECT' AND ${inRange(Prisma.sql`r."createdAt"`, scope)} AND ${reviewFilter(scope)}
        GROUP BY 1
      ) t
      GROUP BY 1
    )
    SELECT
      (SELECT json_agg(failures) FROM failures) AS "failures",
      (SELECT json_build_object('atSubmit', coalesce(sum("n") FILTER (WHERE "purpose" = 'SUBMIT'), 0), 'atApproval', coalesce(sum("n") FILTER (WHERE "purpose" = 'APPROVAL'), 0)) FROM runs) AS "runs",
      (SELECT json_agg(x ORDER BY x."rounds") FROM rounds x) AS "rounds",
      (SELECT json_agg(json_build_object('reason', t."reason", 'count', t."count")) FROM (SELECT * FROM rejections ORDER BY "count" DESC, "key" LIMIT ${MAX_REASONS}) t) AS "reasons",
      (SELECT coalesce(sum("count"), 0)::int FROM rejections) AS "rejected"`;
}

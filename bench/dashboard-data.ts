// Review history on top of the scale data (bench/scale-data.ts), generated in SQL for the dashboard
// benchmark: a Review per decision (and a request for changes before the approvals that needed a round),
// the AuditEvents of submissions, decisions, item creation and claims (filled up to `auditEvents` with
// sign-ins), and `checkRuns` CheckRuns (approval re-runs, submit attempts, the rest run by hand) with
// realistic results. Decisions follow their submission by 1–120 hours, so turnaround is measurable.
import { getDb } from "../lib/db";
import { CHECKS } from "../lib/checks/registry";

export type HistoryOptions = { auditEvents: number; checkRuns: number };
export type HistoryCounts = { reviews: number; auditEvents: number; checkRuns: number };

const REJECT_REASONS = [
  "Not verifiable: the answer is a proof.",
  "Duplicate of an approved item.",
  "The seed problem is ill-posed.",
  "Outside the scope of the set (not QFT).",
  "Answer depends on an unstated convention.",
  "Too easy: a textbook formula.",
];

/** Results JSON of a run where `failing` checks failed (the rest passed): what runChecks stores. */
function resultsJson(failing: string[]): string {
  return JSON.stringify(CHECKS.map((c) => ({
    id: c.id, title: c.title, blocking: c.blocking, status: failing.includes(c.id) ? "fail" : "pass", passed: !failing.includes(c.id),
    message: failing.includes(c.id) ? `${c.title}: failed on the bench item.` : `${c.title}: fine.`, field: null, line: null, column: null,
  })));
}

// Outcomes of submit attempts and runs by hand, picked by a hash of the run: mostly clean, some warnings, some blocking failures.
const OUTCOMES: string[][] = [[], [], [], [], ["near-duplicates"], ["final-answer-vs-code"], ["expected-matches", "final-answer-vs-code"], ["statement-wording"]];
// Approval re-runs of approved versions: no blocking failure, at most a warning.
const APPROVAL_OUTCOMES: string[][] = [[], [], [], ["near-duplicates"]];

const BLOCKING = CHECKS.filter((c) => c.blocking).map((c) => c.id);

export async function generateReviewHistory(options: HistoryOptions): Promise<HistoryCounts> {
  const db = getDb();
  // Decisions 1–120 h after the submission (never in the future); approvedAt follows its decision.
  await db.$executeRaw`
    UPDATE "Item" SET "approvedAt" = LEAST(now(), "submittedAt" + (1 + (hashtext("id"::text) & 1023) % 120) * interval '1 hour')
    WHERE "status" = 'APPROVED'`;
  await db.$executeRaw`
    WITH leads AS (SELECT "id", row_number() OVER (ORDER BY "email") - 1 AS k FROM "User" WHERE "role" = 'LEAD'),
    decided AS (
      SELECT i."id", i."status", i."submittedAt", i."reviewRounds", hashtext(i."id"::text) & 1023 AS h,
        COALESCE(i."approvedAt", LEAST(now(), i."submittedAt" + (1 + (hashtext(i."id"::text) & 1023) % 120) * interval '1 hour')) AS "decidedAt"
      FROM "Item" i WHERE i."status" IN ('APPROVED', 'CHANGES_REQUESTED', 'REJECTED'))
    INSERT INTO "Review" ("itemId", "version", "reviewerId", "decision", "comment", "submittedAt", "createdAt")
    SELECT d."id", 3, l."id",
      (CASE d."status" WHEN 'APPROVED' THEN 'APPROVE' WHEN 'REJECTED' THEN 'REJECT' ELSE 'REQUEST_CHANGES' END)::"ReviewDecision",
      CASE d."status" WHEN 'REJECTED' THEN (${REJECT_REASONS}::text[])[1 + d.h % ${REJECT_REASONS.length}]
        WHEN 'CHANGES_REQUESTED' THEN 'Fix the conventions sentence.' END,
      d."submittedAt", d."decidedAt"
    FROM decided d JOIN leads l ON l.k = d.h % 3
    UNION ALL
    -- the round before an approval that needed one: first submitted 3 days earlier, changes requested a day later
    SELECT d."id", 2, l."id", 'REQUEST_CHANGES', 'Tighten the tolerance and state the metric.', d."submittedAt" - interval '3 days', d."submittedAt" - interval '2 days'
    FROM decided d JOIN leads l ON l.k = (d.h + 1) % 3 WHERE d."status" = 'APPROVED' AND d."reviewRounds" > 0`;

  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "data", "createdAt")
    SELECT i."authorId", 'item.create', 'Item', i."id"::text, jsonb_build_object('seedId', i."seedId"), i."createdAt" FROM "Item" i
    UNION ALL
    SELECT i."authorId", 'item.submit', 'Item', i."id"::text, jsonb_build_object('version', 3), i."submittedAt" FROM "Item" i WHERE i."submittedAt" IS NOT NULL
    UNION ALL
    SELECT i."authorId", 'item.submit', 'Item', r."itemId"::text, jsonb_build_object('version', 2), r."submittedAt"
    FROM "Review" r JOIN "Item" i ON i."id" = r."itemId" WHERE r."version" = 2
    UNION ALL
    SELECT r."reviewerId", 'item.' || replace(lower(r."decision"::text), '_', '-'), 'Item', r."itemId"::text,
      jsonb_build_object('version', r."version") || CASE WHEN r."comment" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('comment', r."comment") END, r."createdAt"
    FROM "Review" r
    UNION ALL
    SELECT s."assigneeId", 'seed.claim', 'Seed', s."id"::text, '{}'::jsonb, s."assignedAt" FROM "Seed" s WHERE s."assigneeId" IS NOT NULL`;
  const [{ n: events }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM "AuditEvent"`;
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "data", "ip", "createdAt")
    SELECT u."id", 'auth.sign-in', 'User', u."id"::text, '{}'::jsonb, '127.0.0.1', now() - (g % 120) * interval '1 day' - g * interval '7 seconds'
    FROM generate_series(1, GREATEST(0, ${options.auditEvents - events})) g
    JOIN (SELECT "id", row_number() OVER (ORDER BY "email") - 1 AS k, count(*) OVER () AS n FROM "User") u ON u.k = g % u.n`;

  // Check runs: one approval re-run per approval, one submit attempt per submission, the rest by hand.
  // Approval re-runs pick among APPROVAL_OUTCOMES, the others among OUTCOMES (k indexes both, in that order).
  const all = [...APPROVAL_OUTCOMES, ...OUTCOMES];
  const jsons = all.map(resultsJson);
  const fails = all.map((f) => f.join(","));
  const [{ n: planned }] = await db.$queryRaw<{ n: number }[]>`
    SELECT ((SELECT count(*) FROM "Review" WHERE "decision" = 'APPROVE') + (SELECT count(*) FROM "AuditEvent" WHERE "action" = 'item.submit'))::int AS "n"`;
  await db.$executeRaw`
    WITH runs AS (
      SELECT r."itemId", r."version", r."reviewerId" AS "by", 'APPROVAL' AS "purpose", r."createdAt" - interval '5 seconds' AS "at",
        1 + (hashtext(r."id"::text) & 1023) % ${APPROVAL_OUTCOMES.length} AS k
      FROM "Review" r WHERE r."decision" = 'APPROVE'
      UNION ALL
      SELECT e."entityId"::uuid, (e."data"->>'version')::int - 1, e."actorId", 'SUBMIT', e."createdAt" - interval '30 seconds',
        ${APPROVAL_OUTCOMES.length + 1} + (hashtext(e."id"::text) & 1023) % ${OUTCOMES.length}
      FROM "AuditEvent" e WHERE e."action" = 'item.submit'
      UNION ALL
      SELECT i."id", 3, i."authorId", 'MANUAL', i."updatedAt" - (g % 5) * interval '1 hour',
        ${APPROVAL_OUTCOMES.length + 1} + (hashtext(i."id"::text || g) & 1023) % ${OUTCOMES.length}
      FROM generate_series(1, GREATEST(0, ${options.checkRuns - planned})) g
      JOIN (SELECT "id", "authorId", "updatedAt", row_number() OVER (ORDER BY "id") - 1 AS k, count(*) OVER () AS n FROM "Item") i ON i.k = g % i.n),
    picked AS (SELECT runs.*, COALESCE(string_to_array(NULLIF((${fails}::text[])[runs.k], ''), ','), ARRAY[]::text[]) AS "failing" FROM runs)
    INSERT INTO "CheckRun" ("itemId", "version", "passed", "results", "durationMs", "isolation", "createdById", "purpose", "failedChecks", "createdAt")
    SELECT p."itemId", p."version", NOT (p."failing" && ${BLOCKING}::text[]), ((${jsons}::text[])[p.k])::jsonb, 12 + p.k * 3, 'bwrap', p."by",
      p."purpose"::"CheckRunPurpose", p."failing", p."at"
    FROM picked p`;
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  const [counts] = await db.$queryRaw<HistoryCounts[]>`
    SELECT (SELECT count(*)::int FROM "Review") AS "reviews", (SELECT count(*)::int FROM "AuditEvent") AS "auditEvents", (SELECT count(*)::int FROM "CheckRun") AS "checkRuns"`;
  return counts;
}


-- The lead dashboard's counts, rolled up per UTC day and kept exact by triggers, so a 90-day range reads a few
-- thousand rows instead of every seed, item, submission, decision and check run in it.
--
-- "DashboardCount" holds, per fact, day, source, person and key, how many rows of that fact there are; the
-- dashboard reads it plus the changes not yet folded into it ("DashboardCountDelta"). Each fact is counted at
-- four grains: all sources and everyone (both ids the zero UUID), one source and everyone, all sources and one
-- person, one source and one person. A fact without a source (or person) is only counted at the grains that do
-- not name one. Facts (day = UTC date of the timestamp named):
--   seed      Seed          createdAt   sourceId      assigneeId   status
--   claim     Seed          assignedAt  sourceId      assigneeId   ''            (assigned seeds only)
--   item      Item          createdAt   sourceId      authorId     status
--   approval  Item          approvedAt  sourceId      authorId     reviewRounds  (approved items only)
--   submit    AuditEvent    createdAt   item's source actorId      ''            (item.submit only)
--   review    Review        createdAt   itemSourceId  itemAuthorId decision
--   check     CheckRun      createdAt   item's source item's author purpose|failed|checks (SUBMIT and APPROVAL runs)
--
-- A run's and a submission's source and author are read from the item when the row is written: an item's source
-- and author never change (the copies on Review rely on the same).
--
-- Concurrency: writers only INSERT their changes into "DashboardCountDelta" (no row is shared, so writers never
-- wait for each other or deadlock on counters). The one transaction that holds the fold lock (a transaction-level
-- advisory lock, tried without waiting) moves the committed deltas into "DashboardCount" in one statement (DELETE …
-- RETURNING into INSERT … ON CONFLICT DO UPDATE SET n = n + delta); deltas it cannot see yet stay for the next fold.
-- Readers sum both tables, so a count is exact whether or not its change was folded. Rows whose count went back
-- to 0 stay (the queries skip them).
CREATE TABLE "DashboardCount" (
  "fact" TEXT NOT NULL,
  "sourceId" UUID NOT NULL,
  "personId" UUID NOT NULL,
  "day" DATE NOT NULL,
  "key" TEXT NOT NULL,
  "n" INTEGER NOT NULL,
  CONSTRAINT "DashboardCount_pkey" PRIMARY KEY ("fact", "sourceId", "personId", "day", "key")
);

CREATE TABLE "DashboardCountDelta" (
  "id" BIGSERIAL NOT NULL,
  "fact" TEXT NOT NULL,
  "sourceId" UUID NOT NULL,
  "personId" UUID NOT NULL,
  "day" DATE NOT NULL,
  "key" TEXT NOT NULL,
  "n" INTEGER NOT NULL,
  CONSTRAINT "DashboardCountDelta_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DashboardCountDelta_fact_sourceId_personId_day_idx" ON "DashboardCountDelta"("fact", "sourceId", "personId", "day");

-- Moves the committed deltas into the counts, if no other transaction is folding (then they wait for the next).
CREATE FUNCTION "dashboard_count_fold"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF pg_try_advisory_xact_lock(4402120601) THEN
    WITH moved AS (DELETE FROM "DashboardCountDelta" RETURNING "fact", "sourceId", "personId", "day", "key", "n")
    INSERT INTO "DashboardCount" AS t ("fact", "sourceId", "personId", "day", "key", "n")
    SELECT "fact", "sourceId", "personId", "day", "key", sum("n")::int FROM moved
    GROUP BY 1, 2, 3, 4, 5 HAVING sum("n") <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("fact", "sourceId", "personId", "day", "key") DO UPDATE SET "n" = t."n" + excluded."n";
  END IF;
END $$;

-- Records deltas given as parallel arrays (fact, day, source, person, key, delta), at every grain, then folds.
CREATE FUNCTION "dashboard_count_add"(f TEXT[], d DATE[], s UUID[], p UUID[], k TEXT[], n INTEGER[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DashboardCountDelta" ("fact", "sourceId", "personId", "day", "key", "n")
  SELECT x.f, g.s, g.p, x.d, x.k, sum(x.n)::int
  FROM unnest(f, d, s, p, k, n) AS x(f, d, s, p, k, n)
  CROSS JOIN LATERAL (VALUES
    ('00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid),
    (x.s, '00000000-0000-0000-0000-000000000000'::uuid),
    ('00000000-0000-0000-0000-000000000000'::uuid, x.p),
    (x.s, x.p)) AS g(s, p)
  WHERE x.d IS NOT NULL AND g.s IS NOT NULL AND g.p IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.n) <> 0;
  IF FOUND THEN PERFORM "dashboard_count_fold"(); END IF;
END $$;

-- The facts of each table, as SQL over `r` (the changed rows with a `sign`: +1 new, -1 old), columns f d s p k n.
CREATE FUNCTION "dashboard_facts_sql"(tbl TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE tbl
    WHEN 'Seed' THEN $q$
      SELECT 'seed' AS f, (r."createdAt" AT TIME ZONE 'UTC')::date AS d, r."sourceId" AS s, r."assigneeId" AS p, r."status"::text AS k, r.sign AS n FROM r
      UNION ALL
      SELECT 'claim', (r."assignedAt" AT TIME ZONE 'UTC')::date, r."sourceId", r."assigneeId", '', r.sign FROM r
      WHERE r."assigneeId" IS NOT NULL AND r."assignedAt" IS NOT NULL $q$
    WHEN 'Item' THEN $q$
      SELECT 'item' AS f, (r."createdAt" AT TIME ZONE 'UTC')::date AS d, r."sourceId" AS s, r."authorId" AS p, r."status"::text AS k, r.sign AS n FROM r
      UNION ALL
      SELECT 'approval', (r."approvedAt" AT TIME ZONE 'UTC')::date, r."sourceId", r."authorId", r."reviewRounds"::text, r.sign FROM r
      WHERE r."approvedAt" IS NOT NULL $q$
    WHEN 'AuditEvent' THEN $q$
      SELECT 'submit' AS f, (r."createdAt" AT TIME ZONE 'UTC')::date AS d, i."sourceId" AS s, r."actorId" AS p, '' AS k, r.sign AS n
      FROM r LEFT JOIN "Item" i ON i."id" = CASE WHEN r."entityId" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN r."entityId"::uuid END
      WHERE r."action" = 'item.submit' $q$
    WHEN 'Review' THEN $q$
      SELECT 'review' AS f, (r."createdAt" AT TIME ZONE 'UTC')::date AS d, r."itemSourceId" AS s, r."itemAuthorId" AS p, r."decision"::text AS k, r.sign AS n FROM r $q$
    WHEN 'CheckRun' THEN $q$
      SELECT 'check' AS f, (r."createdAt" AT TIME ZONE 'UTC')::date AS d, i."sourceId" AS s, i."authorId" AS p,
        array_to_string(ARRAY[r."purpose"::text] || r."failedChecks", '|') AS k, r.sign AS n
      FROM r LEFT JOIN "Item" i ON i."id" = r."itemId"
      WHERE r."purpose" IN ('SUBMIT', 'APPROVAL') $q$
  END
$$;

-- One statement-level trigger function for every table: the new rows count +1, the old ones -1, so an update
-- that changes no counted column cancels out and writes nothing.
CREATE FUNCTION "dashboard_count_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed TEXT := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o' END;
BEGIN
  EXECUTE format('WITH r AS (%s) SELECT "dashboard_count_add"(array_agg(x.f), array_agg(x.d), array_agg(x.s), array_agg(x.p), array_agg(x.k), array_agg(x.n)) FROM (%s) x',
    changed, "dashboard_facts_sql"(TG_TABLE_NAME));
  RETURN NULL;
END $$;

CREATE TRIGGER "Seed_dashboard_insert" AFTER INSERT ON "Seed" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "Seed_dashboard_update" AFTER UPDATE ON "Seed" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "Seed_dashboard_delete" AFTER DELETE ON "Seed" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "Item_dashboard_insert" AFTER INSERT ON "Item" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "Item_dashboard_update" AFTER UPDATE ON "Item" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "Item_dashboard_delete" AFTER DELETE ON "Item" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "AuditEvent_dashboard_insert" AFTER INSERT ON "AuditEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "AuditEvent_dashboard_update" AFTER UPDATE ON "AuditEvent" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "AuditEvent_dashboard_delete" AFTER DELETE ON "AuditEvent" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "Review_dashboard_insert" AFTER INSERT ON "Review" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "Review_dashboard_update" AFTER UPDATE ON "Review" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "Review_dashboard_delete" AFTER DELETE ON "Review" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "CheckRun_dashboard_insert" AFTER INSERT ON "CheckRun" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "CheckRun_dashboard_update" AFTER UPDATE ON "CheckRun" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();
CREATE TRIGGER "CheckRun_dashboard_delete" AFTER DELETE ON "CheckRun" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_count_trigger"();

-- A check run is counted under its item's source and author, read from the item: when an item is deleted, its
-- runs go first (while the item is still there to read), rather than by the cascade after it.
CREATE FUNCTION "item_delete_check_runs_first"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CheckRun" WHERE "itemId" = OLD."id";
  RETURN OLD;
END $$;
CREATE TRIGGER "Item_delete_check_runs_first" BEFORE DELETE ON "Item" FOR EACH ROW EXECUTE FUNCTION "item_delete_check_runs_first"();

-- Backfill: the rows there are now, counted by the same SQL as the triggers.
DO $$
DECLARE tbl TEXT;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['Seed', 'Item', 'AuditEvent', 'Review', 'CheckRun'] LOOP
    EXECUTE format('WITH r AS (SELECT t.*, 1 AS sign FROM %I t) SELECT "dashboard_count_add"(array_agg(x.f), array_agg(x.d), array_agg(x.s), array_agg(x.p), array_agg(x.k), array_agg(x.n)) FROM (%s) x',
      tbl, "dashboard_facts_sql"(tbl));
  END LOOP;
END $$;


-- Per-reviewer decisions with their median turnaround (read from the decisions, not the rollup): an index in
-- reviewer order covering what the query reads, so it is an index-only scan with no sort. It replaces the plain
-- (reviewerId, createdAt) index, of which it is an extension.
DROP INDEX "Review_reviewerId_createdAt_idx";
CREATE INDEX "Review_reviewer_dashboard_idx" ON "Review"("reviewerId", "createdAt", "submittedAt", "decision", "itemAuthorId", "itemSourceId");

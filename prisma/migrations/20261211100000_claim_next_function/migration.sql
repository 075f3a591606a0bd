-- Claim next (POST /api/seeds/claim-next) as one function call: one round trip and no open transaction held
-- between statements by the app (with an interactive transaction a claim was four round trips, and concurrent
-- claimers spent most of their time "idle in transaction" waiting for the app's next statement).
--
-- Statements inside a (volatile) PL/pgSQL function each take a fresh snapshot, which the cap needs: the
-- claimer's lock comes first, so the count that follows sees every claim of theirs committed while this one
-- waited for it, and the cap of open claims holds exactly under concurrency. The lock is a transaction-level
-- advisory lock on the claimer (class 7117, a hash of their id), not their "User" row: a row lock writes WAL
-- and dirties the page every claimer's row shares. Two claimers whose ids hash alike merely take turns. SKIP LOCKED lets concurrent
-- claimers pass each other's rows, so no seed is handed out twice.
--
-- Returns one row: the claimer's open claims before this call, and the claimed seed (nulls when none: the cap
-- was reached, open >= max_open; or no NEW unassigned seed matches). source_identifier and topic (a source's
-- category) narrow the seeds when not null.
CREATE FUNCTION "claim_next_seed"(claimer UUID, max_open INTEGER, source_identifier TEXT, topic TEXT)
RETURNS TABLE ("open" INTEGER, "id" UUID, "title" TEXT, "location" TEXT, "source" TEXT)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  held INTEGER;
  sources UUID[];
  picked UUID;
BEGIN
  PERFORM pg_advisory_xact_lock(7117, hashtext(claimer::text));
  SELECT count(*)::int INTO held FROM "Seed" s WHERE s."assigneeId" = claimer AND s."status" IN ('ASSIGNED', 'IN_PROGRESS');
  IF held >= max_open THEN
    RETURN QUERY SELECT held, NULL::uuid, NULL::text, NULL::text, NULL::text;
    RETURN;
  END IF;
  IF source_identifier IS NULL AND topic IS NULL THEN
    SELECT s."id" INTO picked FROM "Seed" s
    WHERE s."status" = 'NEW' AND s."assigneeId" IS NULL
    ORDER BY s."createdAt", s."id" LIMIT 1
    FOR UPDATE SKIP LOCKED;
  ELSE
    SELECT coalesce(array_agg(src."id"), '{}') INTO sources FROM "Source" src
    WHERE (source_identifier IS NULL OR src."identifier" = source_identifier) AND (topic IS NULL OR src."category" = topic);
    SELECT s."id" INTO picked FROM "Seed" s
    WHERE s."status" = 'NEW' AND s."assigneeId" IS NULL AND s."sourceId" = ANY (sources)
    ORDER BY s."createdAt", s."id" LIMIT 1
    FOR UPDATE SKIP LOCKED;
  END IF;
  IF picked IS NULL THEN
    RETURN QUERY SELECT held, NULL::uuid, NULL::text, NULL::text, NULL::text;
    RETURN;
  END IF;
  UPDATE "Seed" s SET "status" = 'ASSIGNED', "assigneeId" = claimer, "assignedAt" = now(), "updatedAt" = now() WHERE s."id" = picked;
  INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId") VALUES (claimer, 'seed.claim', 'Seed', picked::text);
  RETURN QUERY SELECT held, s."id", s."title", s."location", src."identifier"
    FROM "Seed" s JOIN "Source" src ON src."id" = s."sourceId" WHERE s."id" = picked;
END $$;

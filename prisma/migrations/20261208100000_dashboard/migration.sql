-- The lead dashboard: facts the data lacked, and the indexes its panels read (each panel is one query over
-- index-only scans).

-- 1. Why a check run happened (a CheckRun had no purpose) and which checks failed in it, so failures are
--    counted by check without reading every run's results JSON.
CREATE TYPE "CheckRunPurpose" AS ENUM ('MANUAL', 'SUBMIT', 'APPROVAL');

ALTER TABLE "CheckRun"
  ADD COLUMN "purpose" "CheckRunPurpose" NOT NULL DEFAULT 'MANUAL',
  ADD COLUMN "failedChecks" TEXT[] DEFAULT ARRAY[]::TEXT[];

UPDATE "CheckRun" c SET "failedChecks" = ARRAY(
  SELECT DISTINCT r->>'id' FROM jsonb_array_elements(c."results") r WHERE (r->>'passed')::boolean IS FALSE ORDER BY 1)
WHERE jsonb_typeof(c."results") = 'array';

-- Runs stored before this migration: approval's re-run is the run its reviewer made on the approved version
-- within a minute before the decision; the rest stay MANUAL (which stored run gated a past submit is not known).
UPDATE "CheckRun" c SET "purpose" = 'APPROVAL'
FROM "Review" r
WHERE r."decision" = 'APPROVE' AND r."itemId" = c."itemId" AND r."version" = c."version" AND r."reviewerId" = c."createdById"
  AND c."createdAt" BETWEEN r."createdAt" - interval '1 minute' AND r."createdAt";

-- 2. On each Review, copied from its item by a trigger on insert (for every writer): when the decided version
--    was submitted (a decision is only taken on a SUBMITTED item, whose submittedAt is that submission's), and
--    the item's author and source, which never change. Turnaround and per-annotator counts need no join.
ALTER TABLE "Review"
  ADD COLUMN "submittedAt" TIMESTAMPTZ(3),
  ADD COLUMN "itemAuthorId" UUID,
  ADD COLUMN "itemSourceId" UUID;

UPDATE "Review" r SET "itemAuthorId" = i."authorId", "itemSourceId" = i."sourceId",
  "submittedAt" = (
    SELECT max(e."createdAt") FROM "AuditEvent" e
    WHERE e."entityType" = 'Item' AND e."entityId" = r."itemId"::text AND e."action" = 'item.submit' AND e."createdAt" <= r."createdAt")
FROM "Item" i WHERE i."id" = r."itemId";

CREATE FUNCTION "review_facts_from_item"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT coalesce(NEW."submittedAt", i."submittedAt"), i."authorId", i."sourceId"
    INTO NEW."submittedAt", NEW."itemAuthorId", NEW."itemSourceId"
    FROM "Item" i WHERE i."id" = NEW."itemId";
  RETURN NEW;
END $$;
CREATE TRIGGER "Review_facts_from_item" BEFORE INSERT ON "Review"
  FOR EACH ROW EXECUTE FUNCTION "review_facts_from_item"();

-- 3. Indexes for the panels' date ranges, each covering the columns its query reads.
CREATE INDEX "CheckRun_purpose_createdAt_itemId_failedChecks_idx" ON "CheckRun"("purpose", "createdAt", "itemId", "failedChecks");
CREATE INDEX "Review_dashboard_idx" ON "Review"("decision", "createdAt", "reviewerId", "itemAuthorId", "itemSourceId", "submittedAt");
CREATE INDEX "AuditEvent_action_createdAt_actorId_entityId_idx" ON "AuditEvent"("action", "createdAt", "actorId", "entityId");
CREATE INDEX "Item_createdAt_status_sourceId_authorId_idx" ON "Item"("createdAt", "status", "sourceId", "authorId");
CREATE INDEX "Item_approvedAt_authorId_sourceId_reviewRounds_idx" ON "Item"("approvedAt", "authorId", "sourceId", "reviewRounds");
CREATE INDEX "Item_sourceId_authorId_id_idx" ON "Item"("sourceId", "authorId", "id");
CREATE INDEX "Seed_createdAt_sourceId_status_assigneeId_idx" ON "Seed"("createdAt", "sourceId", "status", "assigneeId");

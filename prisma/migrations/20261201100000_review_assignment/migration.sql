-- Review and assignment: the review queue's denormalised facts on Item, anchored comments with suggested
-- replacements, and trigram indexes for the seed text search.
CREATE TYPE "CheckState" AS ENUM ('PASSING', 'WARNINGS', 'FAILING');

ALTER TABLE "Item"
  ADD COLUMN "approvedVersion" INTEGER,
  ADD COLUMN "approvedById" UUID,
  ADD COLUMN "lastReviewedVersion" INTEGER,
  ADD COLUMN "reviewRounds" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "checkState" "CheckState",
  ADD COLUMN "checkedVersion" INTEGER;

ALTER TABLE "Item" ADD CONSTRAINT "Item_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Item_lastEditorId_idx" ON "Item"("lastEditorId");

-- Items approved before this migration: their current version is the approved one.
UPDATE "Item" SET "approvedVersion" = "version" WHERE "status" = 'APPROVED';

-- The newest stored check run of each item, summarised.
UPDATE "Item" i SET "checkState" = s."state", "checkedVersion" = s."version"
FROM (
  SELECT DISTINCT ON (c."itemId") c."itemId", c."version",
    (CASE
      WHEN NOT c."passed" THEN 'FAILING'
      WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(c."results") r WHERE (r->>'passed')::boolean IS FALSE) THEN 'WARNINGS'
      ELSE 'PASSING' END)::"CheckState" AS "state"
  FROM "CheckRun" c ORDER BY c."itemId", c."createdAt" DESC
) s WHERE s."itemId" = i."id";

ALTER TABLE "Comment"
  ADD COLUMN "quote" TEXT,
  ADD COLUMN "suggestion" TEXT,
  ADD COLUMN "appliedAt" TIMESTAMPTZ(3);

CREATE INDEX "Seed_problem_idx" ON "Seed" USING GIN ("problem" gin_trgm_ops);
CREATE INDEX "Seed_title_idx" ON "Seed" USING GIN ("title" gin_trgm_ops);

-- Submitting changes no field: a submitted item's newest run (on the version it was submitted from) holds for it.
UPDATE "Item" SET "checkedVersion" = "version" WHERE "status" = 'SUBMITTED' AND "checkedVersion" = "version" - 1;

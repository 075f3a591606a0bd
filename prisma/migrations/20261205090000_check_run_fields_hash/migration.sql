-- Check runs keyed by the content of the fields they checked: a status-only change (submit, a review
-- decision) makes a new version with the same fields, and the run still holds for it. Older rows keep a
-- NULL hash and are matched by their version number.
ALTER TABLE "CheckRun" ADD COLUMN "fieldsHash" TEXT;
ALTER TABLE "ItemRevision" ADD COLUMN "fieldsHash" TEXT;

CREATE INDEX "CheckRun_itemId_fieldsHash_createdAt_idx" ON "CheckRun"("itemId", "fieldsHash", "createdAt");

-- Releases (issue 14): the split each frozen item lands in and its frozen provenance; split ratios, the
-- manifest's sha256, the creator's name as it was, deprecation. Releases are immutable: triggers refuse
-- any change to a release item, deleting a release, and changing a release other than deprecating it
-- (the manifest and item count are written once, from empty, by the transaction that creates the release).
ALTER TABLE "ReleaseItem" ADD COLUMN "split" "Split" NOT NULL DEFAULT 'TRAIN';
ALTER TABLE "ReleaseItem" ALTER COLUMN "split" DROP DEFAULT;
ALTER TABLE "ReleaseItem" ADD COLUMN "provenance" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "Release" ADD COLUMN "splitRatios" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Release" ADD COLUMN "manifestSha256" TEXT;
ALTER TABLE "Release" ADD COLUMN "createdByName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Release" ADD COLUMN "deprecatedAt" TIMESTAMPTZ(3);
ALTER TABLE "Release" ADD COLUMN "deprecationReason" TEXT;
ALTER TABLE "Release" ADD COLUMN "deprecatedById" UUID;
ALTER TABLE "Release" ALTER COLUMN "createdById" DROP NOT NULL;

CREATE INDEX "Release_createdAt_id_idx" ON "Release"("createdAt", "id");

ALTER TABLE "Release" ADD CONSTRAINT "Release_deprecatedById_fkey" FOREIGN KEY ("deprecatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE FUNCTION "release_item_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'release items are immutable' USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER "ReleaseItem_frozen" BEFORE UPDATE OR DELETE ON "ReleaseItem"
  FOR EACH ROW EXECUTE FUNCTION "release_item_frozen"();

CREATE FUNCTION "release_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'releases are never deleted (deprecate one instead)' USING ERRCODE = 'P0001';
  END IF;
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."name" IS DISTINCT FROM OLD."name"
    OR NEW."description" IS DISTINCT FROM OLD."description" OR NEW."schemaVersion" IS DISTINCT FROM OLD."schemaVersion"
    OR NEW."filters" IS DISTINCT FROM OLD."filters" OR NEW."splitRatios" IS DISTINCT FROM OLD."splitRatios"
    OR NEW."createdById" IS DISTINCT FROM OLD."createdById"
    OR NEW."createdByName" IS DISTINCT FROM OLD."createdByName" OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt"
    OR (OLD."manifestSha256" IS NOT NULL AND (NEW."manifest" IS DISTINCT FROM OLD."manifest"
        OR NEW."manifestSha256" IS DISTINCT FROM OLD."manifestSha256" OR NEW."itemCount" IS DISTINCT FROM OLD."itemCount"))
    OR (OLD."deprecatedAt" IS NOT NULL AND (NEW."deprecatedAt" IS DISTINCT FROM OLD."deprecatedAt" OR NEW."deprecationReason" IS DISTINCT FROM OLD."deprecationReason"))
  THEN
    RAISE EXCEPTION 'releases are immutable: only deprecation may change one' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Release_frozen" BEFORE UPDATE OR DELETE ON "Release"
  FOR EACH ROW EXECUTE FUNCTION "release_frozen"();

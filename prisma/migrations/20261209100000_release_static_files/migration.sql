-- The fixed files a release's bundle carries (bundle layout 2: reward/fieldwork_reward.py), stored with the
-- release as they were when it was created ({path: text}), so a later change to the reward module never
-- changes an existing release's bytes. Frozen like every other column.
ALTER TABLE "Release" ADD COLUMN "staticFiles" JSONB NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION "release_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'releases are never deleted (deprecate one instead)' USING ERRCODE = 'P0001';
  END IF;
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."name" IS DISTINCT FROM OLD."name"
    OR NEW."description" IS DISTINCT FROM OLD."description" OR NEW."schemaVersion" IS DISTINCT FROM OLD."schemaVersion"
    OR NEW."filters" IS DISTINCT FROM OLD."filters" OR NEW."splitRatios" IS DISTINCT FROM OLD."splitRatios"
    OR NEW."staticFiles" IS DISTINCT FROM OLD."staticFiles"
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

-- The review queue reads one covering index: its order (status, submittedAt, id) and every filter column,
-- so a page and the total for a filter are index-only scans. The item's source is copied from its seed
-- on insert by a trigger (a seed never changes source), so every insert path gets it.
ALTER TABLE "Item" ADD COLUMN "sourceId" UUID;
UPDATE "Item" i SET "sourceId" = s."sourceId" FROM "Seed" s WHERE s."id" = i."seedId";

CREATE FUNCTION "item_source_from_seed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."sourceId" := (SELECT "sourceId" FROM "Seed" WHERE "id" = NEW."seedId");
  RETURN NEW;
END $$;
CREATE TRIGGER "Item_source_from_seed" BEFORE INSERT OR UPDATE OF "seedId" ON "Item"
  FOR EACH ROW EXECUTE FUNCTION "item_source_from_seed"();

DROP INDEX "Item_status_submittedAt_id_idx";
CREATE INDEX "Item_review_queue_idx" ON "Item"("status", "submittedAt", "id", "sourceId", "authorId", "topic", "level", "difficulty", "checkState", "checkedVersion", "version");

-- /seeds text search moves to a table of its own. The trigram (GIN) indexes on "Seed"."problem" and "title"
-- were rewritten by every status or assignee change (neither is a HOT update: both columns are indexed), and
-- adding a row's trigrams to two GIN indexes cost two thirds of a 10,000-seed bulk assignment (1.0 of 1.56 s
-- measured at 100,000 seeds) and most of a claim. "SeedSearch" holds a copy of each seed's title and problem,
-- kept by the triggers below (on insert, and when either text changes), so the workflow columns of "Seed" can
-- change without touching the text indexes.
CREATE TABLE "SeedSearch" (
  "seedId" UUID NOT NULL,
  "title" TEXT,
  "problem" TEXT NOT NULL,
  CONSTRAINT "SeedSearch_pkey" PRIMARY KEY ("seedId")
);
-- No foreign key: only the triggers below write this table, and they delete a seed's row with the seed. A
-- foreign key's check, one per inserted row, added a fifth to an import's inserts (0.25 s per 10,000 seeds).

INSERT INTO "SeedSearch" ("seedId", "title", "problem") SELECT "id", "title", "problem" FROM "Seed";

DROP INDEX "Seed_problem_idx";
DROP INDEX "Seed_title_idx";
CREATE INDEX "SeedSearch_problem_idx" ON "SeedSearch" USING GIN ("problem" gin_trgm_ops);
CREATE INDEX "SeedSearch_title_idx" ON "SeedSearch" USING GIN ("title" gin_trgm_ops);

-- New seeds: one statement-level trigger per INSERT statement (an import inserts its seeds in batches).
CREATE FUNCTION "seed_search_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SeedSearch" ("seedId", "title", "problem") SELECT "id", "title", "problem" FROM new_rows;
  RETURN NULL;
END $$;
CREATE TRIGGER "Seed_search_insert" AFTER INSERT ON "Seed" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "seed_search_insert"();

-- Deleted seeds (one statement-level trigger per DELETE statement).
CREATE FUNCTION "seed_search_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SeedSearch" WHERE "seedId" IN (SELECT "id" FROM old_rows);
  RETURN NULL;
END $$;
CREATE TRIGGER "Seed_search_delete" AFTER DELETE ON "Seed" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "seed_search_delete"();

-- A changed title or problem (rare: a seed's text is what was imported); status and assignee changes never fire it.
CREATE FUNCTION "seed_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SeedSearch" SET "title" = NEW."title", "problem" = NEW."problem" WHERE "seedId" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "Seed_search_update" AFTER UPDATE OF "title", "problem" ON "Seed"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."problem" IS DISTINCT FROM NEW."problem")
  EXECUTE FUNCTION "seed_search_update"();

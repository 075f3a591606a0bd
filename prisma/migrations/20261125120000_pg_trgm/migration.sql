-- Trigram similarity for the near-duplicate check (pg_trgm is a trusted extension: a database owner may
-- create it). No index yet: the check compares one statement with every other item's (a sequential scan);
-- add a GIN (statement gin_trgm_ops) index when item counts make that slow.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

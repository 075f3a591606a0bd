import "server-only";
// Which items a release takes, in SQL shared by the preview and the freeze: items with an approved version
// (not since rejected), that version's revision, the filters on the frozen version's metadata, the split
// (the item's own, else from the hash of item id and release name — model/split.ts computes the same), a
// stable shuffle within each split, and, for the freeze, the frozen provenance.
import { Prisma } from "../generated/prisma/client";
import { DB_OF_SPLIT } from "./model/release-row";
import type { SplitRatios, TReleaseFilter } from "./model/schemas";
import { splitBounds } from "./model/split";

const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const PROVENANCE = Prisma.sql`jsonb_build_object(
  'seed', jsonb_build_object('id', s."id", 'title', s."title", 'problem', s."problem", 'solution', s."solution", 'location', s."location"),
  'source', jsonb_build_object('kind', src."kind", 'identifier', src."identifier", 'title', src."title", 'authors', to_jsonb(src."authors"),
    'url', src."url", 'license', src."license", 'version', src."version", 'category', src."category"),
  'author', (SELECT jsonb_build_object('id', au."id", 'name', au."name") FROM "User" au WHERE au."id" = i."authorId"),
  'reviews', coalesce((
    SELECT jsonb_agg(jsonb_build_object('reviewer', u."name", 'decision', rv."decision", 'version', rv."version", 'at', ${iso(Prisma.sql`rv."createdAt"`)})
      ORDER BY rv."createdAt", rv."id")
    FROM "Review" rv JOIN "User" u ON u."id" = rv."reviewerId"
    WHERE rv."itemId" = i."id" AND rv."version" <= i."approvedVersion"), '[]'::jsonb),
  'approval', jsonb_build_object('by', coalesce(ap."by", (SELECT au."name" FROM "User" au WHERE au."id" = i."approvedById")),
    'at', ${iso(Prisma.sql`coalesce(ap."at", i."approvedAt")`)}),
  'checks', (
    SELECT jsonb_build_object('runId', c."id", 'ranAt', ${iso(Prisma.sql`c."createdAt"`)}, 'passed', c."passed", 'isolation', c."isolation",
      'total', jsonb_array_length(c."results"),
      'failedBlocking', (SELECT count(*) FROM jsonb_array_elements(c."results") e WHERE (e->>'passed') = 'false' AND (e->>'blocking') = 'true'),
      'failedWarnings', (SELECT count(*) FROM jsonb_array_elements(c."results") e WHERE (e->>'passed') = 'false' AND (e->>'blocking') IS DISTINCT FROM 'true'),
      'failing', coalesce((SELECT jsonb_agg(e->>'id' ORDER BY o) FROM jsonb_array_elements(c."results") WITH ORDINALITY x(e, o) WHERE (e->>'passed') = 'false'), '[]'::jsonb))
    FROM "CheckRun" c
    WHERE c."itemId" = i."id" AND c."version" = i."approvedVersion" AND (ap."at" IS NULL OR c."createdAt" <= ap."at")
    ORDER BY c."createdAt" DESC, c."id" DESC LIMIT 1)
)`;

/**
 * The candidate rows: itemId, version, revisionId, split ('TRAIN' | 'VAL' | 'TEST'), shuffle, source, topic,
 * level, difficulty (and provenance when asked), filtered.
 */
export function candidatesSql(name: string, filter: TReleaseFilter, ratios: SplitRatios, withProvenance: boolean): Prisma.Sql {
  const bounds = splitBounds(ratios);
  const where: Prisma.Sql[] = [Prisma.sql`i."approvedVersion" IS NOT NULL`, Prisma.sql`i."status" <> 'REJECTED'`];
  if (filter.source) where.push(Prisma.sql`src."identifier" = ${filter.source}`);
  if (filter.topic) where.push(Prisma.sql`lower(r."snapshot"->>'topic') = lower(${filter.topic})`);
  if (filter.level) where.push(Prisma.sql`r."snapshot"->>'level' = ${filter.level}`);
  if (filter.difficulty) where.push(Prisma.sql`r."snapshot"->>'difficulty' = ${filter.difficulty}`);
  if (filter.approvedBefore) where.push(Prisma.sql`coalesce(ap."at", i."approvedAt") < ${`${filter.approvedBefore}T00:00:00Z`}::timestamptz`);
  const outer = filter.split ? Prisma.sql`WHERE c."split" = ${DB_OF_SPLIT[filter.split]}` : Prisma.empty;
  return Prisma.sql`
    SELECT * FROM (
      SELECT i."id" AS "itemId", i."approvedVersion" AS "version", r."id" AS "revisionId", hx."hex" AS "shuffle",
        CASE WHEN r."snapshot"->>'split' IN ('TRAIN', 'VAL', 'TEST') THEN r."snapshot"->>'split'
             WHEN hx."n" < ${bounds.train} THEN 'TRAIN' WHEN hx."n" < ${bounds.validation} THEN 'VAL' ELSE 'TEST' END AS "split",
        src."identifier" AS "source", nullif(r."snapshot"->>'topic', '') AS "topic", r."snapshot"->>'level' AS "level",
        r."snapshot"->>'difficulty' AS "difficulty"
        ${withProvenance ? Prisma.sql`, ${PROVENANCE} AS "provenance"` : Prisma.empty}
      FROM "Item" i
      JOIN "ItemRevision" r ON r."itemId" = i."id" AND r."version" = i."approvedVersion"
      JOIN "Seed" s ON s."id" = i."seedId"
      JOIN "Source" src ON src."id" = s."sourceId"
      CROSS JOIN LATERAL (
        SELECT d."hex", ('x' || lpad(left(d."hex", 8), 16, '0'))::bit(64)::bigint AS "n"
        FROM (SELECT encode(sha256(convert_to(i."id"::text || '/' || ${name}::text, 'UTF8')), 'hex') AS "hex") d
      ) hx
      LEFT JOIN LATERAL (
        SELECT rv."createdAt" AS "at", u."name" AS "by" FROM "Review" rv JOIN "User" u ON u."id" = rv."reviewerId"
        WHERE rv."itemId" = i."id" AND rv."version" = i."approvedVersion" AND rv."decision" = 'APPROVE'
        ORDER BY rv."createdAt" DESC, rv."id" DESC LIMIT 1
      ) ap ON TRUE
      WHERE ${Prisma.join(where, " AND ")}
    ) c ${outer}`;
}

/** Freeze the candidates into ReleaseItem rows: positions grouped by split (train, validation, test), shuffled within. */
export function insertReleaseItemsSql(releaseId: string, candidates: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ReleaseItem" ("releaseId", "itemId", "version", "revisionId", "position", "split", "provenance")
    SELECT ${releaseId}::uuid, c."itemId", c."version", c."revisionId",
      (row_number() OVER (ORDER BY CASE c."split" WHEN 'TRAIN' THEN 0 WHEN 'VAL' THEN 1 ELSE 2 END, c."shuffle", c."itemId") - 1)::int,
      c."split"::"Split", c."provenance"
    FROM (${candidates}) c`;
}

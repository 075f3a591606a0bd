import "server-only";
// The /seeds filters (status, source, text, import batch, assignee) as SQL over "Seed" s, on the seed's own
// columns (lists join "Source" src for display; counts need no join); the text through "SeedSearch", the copy
// of each seed's title and problem that carries the trigram indexes.
import { Prisma } from "../generated/prisma/client";
import type { TSeedFilter } from "./schemas";

export const SEED_FROM = Prisma.sql`FROM "Seed" s JOIN "Source" src ON src."id" = s."sourceId"`;

/** ILIKE pattern for a literal substring (the trigram indexes of "SeedSearch" serve it). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function seedWhere(filter: TSeedFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.status) parts.push(Prisma.sql`s."status" = ${filter.status}::"SeedStatus"`);
  // By id, so counting needs no join with Source.
  if (filter.source) parts.push(Prisma.sql`s."sourceId" = (SELECT "id" FROM "Source" WHERE "identifier" = ${filter.source})`);
  if (filter.batch) parts.push(Prisma.sql`s."importBatchId" = ${filter.batch}::uuid`);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    parts.push(Prisma.sql`s."id" IN (SELECT "seedId" FROM "SeedSearch" WHERE "problem" ILIKE ${pattern} OR "title" ILIKE ${pattern})`);
  }
  if (filter.assignee === "none") parts.push(Prisma.sql`s."assigneeId" IS NULL`);
  else if (filter.assignee) parts.push(Prisma.sql`s."assigneeId" = ${filter.assignee}::uuid`);
  return Prisma.join(parts, " AND ");
}

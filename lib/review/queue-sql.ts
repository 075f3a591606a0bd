import "server-only";
// The review queue's SQL: SUBMITTED items, oldest submission first, with the filters of ZQueueFilter.
// Shared by the queue page, its API and the review page's next/previous links. The check-state filter has its
// own index (status, checkState, submittedAt, id, checkedVersion, version): failing items are few, and in the
// queue index they are scattered through every SUBMITTED entry.
import { Prisma } from "../generated/prisma/client";
import type { TQueueFilter } from "./schemas";

/** What a queue row shows besides the item: joined to the page's items "i". */
export const QUEUE_JOINS = Prisma.sql`
  JOIN "Seed" s ON s."id" = i."seedId"
  JOIN "Source" src ON src."id" = s."sourceId"
  JOIN "User" u ON u."id" = i."authorId"`;

/**
 * The WHERE conditions of a filter (always: status SUBMITTED), on Item's own columns only, so the total
 * counts from the queue's covering index without joins. The source filter compares the copied sourceId.
 */
export function queueWhere(filter: TQueueFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`i."status" = 'SUBMITTED'`];
  if (filter.source) parts.push(Prisma.sql`i."sourceId" = (SELECT "id" FROM "Source" WHERE "identifier" = ${filter.source})`);
  if (filter.author) parts.push(Prisma.sql`i."authorId" = ${filter.author}::uuid`);
  if (filter.topic) parts.push(Prisma.sql`i."topic" = ${filter.topic}`);
  if (filter.level) parts.push(Prisma.sql`i."level" = ${filter.level}::"Level"`);
  if (filter.difficulty) parts.push(Prisma.sql`i."difficulty" = ${filter.difficulty}::"Difficulty"`);
  if (filter.submittedAfter) parts.push(Prisma.sql`i."submittedAt" >= ${filter.submittedAfter}`);
  if (filter.submittedBefore) parts.push(Prisma.sql`i."submittedAt" < ${filter.submittedBefore}`);
  // A run on an older version says nothing about this one.
  if (filter.checks) parts.push(Prisma.sql`i."checkState" = ${filter.checks}::"CheckState" AND i."checkedVersion" = i."version"`);
  return Prisma.join(parts, " AND ");
}

/** Rows after (or before) the (submittedAt, id) position, in queue order. */
export function queueAfter(position: { at: Date; id: string } | undefined, direction: "after" | "before" = "after"): Prisma.Sql {
  if (!position) return Prisma.sql`TRUE`;
  return direction === "after"
    ? Prisma.sql`(i."submittedAt", i."id") > (${position.at}, ${position.id}::uuid)`
    : Prisma.sql`(i."submittedAt", i."id") < (${position.at}, ${position.id}::uuid)`;
}

import "server-only";
// Review turnaround panel, one query: hours from submission to the decision on it (each submission gets
// exactly one decision), median and p90 per week of the decision and over the range; and the queue now:
// SUBMITTED items by how long they have waited (the date range does not apply to the queue).
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { QUEUE_AGE_BUCKETS, type Turnaround } from "../model/types";
import { inRange, itemFilter, reviewFilter, type Scope } from "./scope";

type Row = {
  weeks: { week: string; decisions: number; p50Hours: number; p90Hours: number }[] | null;
  overall: { decisions: number; p50Hours: number | null; p90Hours: number | null };
  queue: { bucket: number; count: number }[] | null;
};

/** Upper bounds of the queue-age buckets in hours, for width_bucket (the last bucket is open-ended). */
const BOUNDS = QUEUE_AGE_BUCKETS.slice(0, -1).map(([, hours]) => hours);

export async function queryTurnaround(scope: Scope, now: Date = new Date()): Promise<Turnaround> {
  const [row] = await getDb().$queryRaw<Row[]>(turnaroundSql(scope, now));
  const counts = new Map((row.queue ?? []).map((q) => [q.bucket, q.count]));
  const queueAge = QUEUE_AGE_BUCKETS.map(([label], bucket) => ({ bucket, label, count: counts.get(bucket) ?? 0 }));
  return {
    weeks: row.weeks ?? [],
    overall: { decisions: row.overall.decisions, p50Hours: row.overall.p50Hours === null ? null : Number(row.overall.p50Hours), p90Hours: row.overall.p90Hours === null ? null : Number(row.overall.p90Hours) },
    queueAge,
    queued: queueAge.reduce((sum, q) => sum + q.count, 0),
  };
}

/** The panel's one query (exported to inspect it, e.g. with EXPLAIN). */
export function turnaroundSql(scope: Scope, now: Date = new Date()): Prisma.Sql {
  // One pass over the decisions: per week and (the empty grouping set) over the whole range. The week's Monday is
  // date arithmetic on the UTC day (1970-01-05 was a Monday): date_trunc on a timestamptz costs far more per row.
  const day = Prisma.sql`(r."createdAt" AT TIME ZONE 'UTC')::date`;
  return Prisma.sql`
    WITH stats AS (
      SELECT ${day} - (((${day} - DATE '1970-01-05') % 7 + 7) % 7) AS "week", count(*)::int AS "decisions",
        percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY date_part('epoch', r."createdAt" - r."submittedAt") / 3600) AS "hours"
      FROM "Review" r
      WHERE ${inRange(Prisma.sql`r."createdAt"`, scope)} AND r."submittedAt" IS NOT NULL AND ${reviewFilter(scope)}
      GROUP BY GROUPING SETS ((1), ())
    ),
    queue AS (
      SELECT width_bucket(date_part('epoch', ${now}::timestamptz - i."submittedAt") / 3600, ${BOUNDS}::float8[]) AS "bucket", count(*)::int AS "count"
      FROM "Item" i WHERE i."status" = 'SUBMITTED' AND ${itemFilter(scope)} GROUP BY 1
    )
    SELECT
      (SELECT json_agg(json_build_object('week', to_char("week", 'YYYY-MM-DD'), 'decisions', "decisions", 'p50Hours', round("hours"[1]::numeric, 1), 'p90Hours', round("hours"[2]::numeric, 1)) ORDER BY "week")
       FROM stats WHERE "week" IS NOT NULL) AS "weeks",
      (SELECT json_build_object('decisions', "decisions", 'p50Hours', round("hours"[1]::numeric, 1), 'p90Hours', round("hours"[2]::numeric, 1)) FROM stats WHERE "week" IS NULL) AS "overall",
      (SELECT json_agg(queue) FROM queue) AS "queue"`;
}

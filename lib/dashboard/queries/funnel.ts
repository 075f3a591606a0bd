import "server-only";
// Funnel panel, one query: seeds imported and items started in the range, counted by their status now.
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { ITEM_STATUSES, SEED_STATUSES, type Funnel } from "../model/types";
import { inRange, itemFilter, seedFilter, type Scope } from "./scope";

type Row = { kind: "seed" | "item"; status: string; n: number };

export async function queryFunnel(scope: Scope): Promise<Funnel> {
  const rows = await getDb().$queryRaw<Row[]>(funnelSql(scope));
  const funnel: Funnel = {
    seeds: Object.fromEntries(SEED_STATUSES.map((s) => [s, 0])) as Funnel["seeds"],
    items: Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Funnel["items"],
  };
  for (const r of rows) (r.kind === "seed" ? (funnel.seeds as Record<string, number>) : (funnel.items as Record<string, number>))[r.status] = r.n;
  return funnel;
}

/** The panel's one query (exported to inspect it, e.g. with EXPLAIN). */
export function funnelSql(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT 'seed' AS "kind", s."status"::text AS "status", count(*)::int AS "n" FROM "Seed" s
    WHERE ${inRange(Prisma.sql`s."createdAt"`, scope)} AND ${seedFilter(scope)} GROUP BY s."status"
    UNION ALL
    SELECT 'item', i."status"::text, count(*)::int FROM "Item" i
    WHERE ${inRange(Prisma.sql`i."createdAt"`, scope)} AND ${itemFilter(scope)} GROUP BY i."status"`;
}

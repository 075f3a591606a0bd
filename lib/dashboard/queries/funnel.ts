import "server-only";
// Funnel panel, one query: seeds imported and items started in the range, counted by their status now (the
// daily rollup's seed and item facts).
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { ITEM_STATUSES, SEED_STATUSES, type Funnel } from "../model/types";
import { countRows, type Scope } from "./scope";

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
    SELECT c."fact" AS "kind", c."key" AS "status", sum(c."n")::int AS "n" FROM ${countRows(["seed", "item"], scope)} c GROUP BY 1, 2 HAVING sum(c."n") <> 0`;
}

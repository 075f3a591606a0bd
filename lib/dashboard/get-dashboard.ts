import "server-only";
// GET /api/dashboard and /dashboard: every panel's data for the filters, one query per panel, run side by side.
import { getDb } from "../db";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { rangeBounds, resolveRange, ZDashboardQuery } from "./model/filters";
import type { DashboardData } from "./model/types";
import { queryCoverage } from "./queries/coverage";
import { queryFunnel } from "./queries/funnel";
import { queryPeople } from "./queries/people";
import { queryQuality } from "./queries/quality";
import { queryThroughput } from "./queries/throughput";
import { queryTurnaround } from "./queries/turnaround";
import type { Scope } from "./queries/scope";

export async function getDashboard(actor: Actor, rawQuery: unknown, now: Date = new Date()): Promise<DashboardData> {
  assertCan(actor, "dashboard.view");
  const query = ZDashboardQuery.parse(rawQuery ?? {});
  const range = resolveRange(query, now);
  const scope: Scope = { ...rangeBounds(range), source: query.source, annotator: query.annotator };
  const [annotator, funnel, throughput, quality, turnaround, people, coverage] = await Promise.all([
    query.annotator ? getDb().user.findUnique({ where: { id: query.annotator }, select: { id: true, name: true } }) : null,
    queryFunnel(scope),
    queryThroughput(scope),
    queryQuality(scope),
    queryTurnaround(scope, now),
    queryPeople(scope),
    queryCoverage(scope),
  ]);
  return {
    range,
    filters: { source: query.source ?? null, annotator: annotator ?? (query.annotator ? { id: query.annotator, name: "(unknown user)" } : null) },
    funnel,
    ...throughput,
    checkFailures: quality.checkFailures,
    quality: quality.quality,
    turnaround,
    ...people,
    coverage,
    generatedAt: now.toISOString(),
  };
}

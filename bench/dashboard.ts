// The lead dashboard at scale: the review benchmark's 100,000 seeds and 100,000 items plus review history
// (300,000 audit events, 150,000 check runs, a Review per decision), generated in SQL. Over HTTP against the
// production server, signed in as a lead: GET /api/dashboard for the last 90 days without filters, by source,
// by annotator and by both — target ≤ 200 ms p95 each; the page itself unfiltered; and each panel's query alone.
import os from "node:os";
import { getDb, disconnectDb } from "../lib/db";
import { rangeBounds, resolveRange } from "../lib/dashboard/model/filters";
import { queryCoverage } from "../lib/dashboard/queries/coverage";
import { queryFunnel } from "../lib/dashboard/queries/funnel";
import { queryPeople } from "../lib/dashboard/queries/people";
import { queryQuality } from "../lib/dashboard/queries/quality";
import { queryThroughput } from "../lib/dashboard/queries/throughput";
import { queryTurnaround } from "../lib/dashboard/queries/turnaround";
import type { Scope } from "../lib/dashboard/queries/scope";
import { startScratchDatabase } from "../tests/support/scratch-database";
import { signInCookie, startAppServer, timeGets } from "./app-server";
import { generateReviewHistory } from "./dashboard-data";
import { generateScaleData } from "./scale-data";
import { ms, summarise } from "./stats";

const SEEDS = 100_000;
const ITEMS = 100_000;
const AUDIT_EVENTS = 300_000;
const CHECK_RUNS = 150_000;
const PANELS: Record<string, (scope: Scope) => Promise<unknown>> = {
  funnel: queryFunnel, throughput: queryThroughput, quality: queryQuality, turnaround: queryTurnaround, people: queryPeople, coverage: queryCoverage,
};

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" / ");

export async function benchDashboard(): Promise<void> {
  const database = await startScratchDatabase("fieldwork_bench_dashboard");
  let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
  try {
    const t0 = performance.now();
    const data = await generateScaleData({ seeds: SEEDS, items: ITEMS });
    const history = await generateReviewHistory({ auditEvents: AUDIT_EVENTS, checkRuns: CHECK_RUNS });
    console.log(`dashboard: generated ${SEEDS.toLocaleString("en")} seeds, ${ITEMS.toLocaleString("en")} items, ${history.reviews.toLocaleString("en")} reviews, `
      + `${history.auditEvents.toLocaleString("en")} audit events, ${history.checkRuns.toLocaleString("en")} check runs in SQL in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const annotator = await getDb().user.findUniqueOrThrow({ where: { email: data.annotatorEmails[3] }, select: { id: true } });
    const filters: [string, Record<string, string>][] = [
      ["no filter", {}], ["source", { source: data.sources[4] }], ["annotator", { annotator: annotator.id }], ["source + annotator", { source: data.sources[4], annotator: annotator.id }],
    ];

    // Each panel's one query alone, in the data layer (sequential, so they do not share the cores).
    const scopeOf = (f: Record<string, string>): Scope => ({ ...rangeBounds(resolveRange({ days: 90 })), ...f });
    for (const [label, f] of filters) {
      const parts: string[] = [];
      for (const [name, query] of Object.entries(PANELS)) {
        const samples: number[] = [];
        for (let i = 0; i < 13; i++) {
          const start = performance.now();
          await query(scopeOf(f));
          if (i >= 3) samples.push(performance.now() - start);
        }
        parts.push(`${name} ${summarise(samples).p50.toFixed(0)}`);
      }
      console.log(`dashboard: panel queries alone, 90 days, ${label.padEnd(18)} p50 ms: ${parts.join(", ")}`);
    }

    server = await startAppServer(database.url);
    const cookie = await signInCookie(server.base, data.leadEmail, data.password);
    for (const [label, f] of filters) {
      const query = new URLSearchParams({ days: "90", ...f }).toString();
      const s = summarise(await timeGets(`${server.base}/api/dashboard?${query}`, cookie, 60));
      console.log(`dashboard: GET /api/dashboard?days=90, ${label.padEnd(18)} p50 ${ms(s.p50)}, p95 ${ms(s.p95)} — target ≤ 200 ms p95 (load average ${load()})`);
    }
    const page = summarise(await timeGets(`${server.base}/dashboard?days=90`, cookie, 30));
    console.log(`dashboard: /dashboard?days=90 (server render), no filter      p50 ${ms(page.p50)}, p95 ${ms(page.p95)} (load average ${load()})`);
  } finally {
    await server?.stop();
    await disconnectDb();
    await database.stop();
  }
}

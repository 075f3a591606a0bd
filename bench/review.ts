// Review and assignment at scale: 100,000 seeds and 100,000 items (30,000 SUBMITTED) generated in SQL.
// Over HTTP against the production server, signed in as a lead: the queue page and its API (first page, a
// deep cursor, each filter), /seeds, /items and the home page — target ≤ 50 ms p95 each. In the data layer:
// claim-next with 20 concurrent claimers (≤ 20 ms p95) and a bulk assignment of 10,000 seeds (≤ 1 s).
import { getDb, disconnectDb } from "../lib/db";
import { resetEnvCache } from "../lib/env";
import { encodeCursor } from "../lib/pagination/cursor";
import { assignSeeds } from "../lib/seeds/assign-seeds";
import { claimNextSeed } from "../lib/seeds/claim-next-seed";
import type { SessionUser } from "../lib/auth/types";
import { startScratchDatabase } from "../tests/support/scratch-database";
import { signInCookie, startAppServer, timeGets } from "./app-server";
import { generateScaleData } from "./scale-data";
import { ms, summarise } from "./stats";

const SEEDS = 100_000;
const ITEMS = 100_000;

async function userAs(email: string): Promise<SessionUser> {
  const u = await getDb().user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

export async function benchReview(): Promise<void> {
  const database = await startScratchDatabase("fieldwork_bench_review");
  let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
  try {
    const t0 = performance.now();
    const data = await generateScaleData({ seeds: SEEDS, items: ITEMS });
    const submitted = await getDb().item.count({ where: { status: "SUBMITTED" } });
    console.log(`review: generated ${SEEDS.toLocaleString("en")} seeds, ${ITEMS.toLocaleString("en")} items (${submitted.toLocaleString("en")} submitted) in SQL in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    server = await startAppServer(database.url);
    const cookie = await signInCookie(server.base, data.leadEmail, data.password);
    const deep = await getDb().$queryRaw<{ submittedAt: Date; id: string }[]>`
      SELECT "submittedAt", "id" FROM "Item" WHERE "status" = 'SUBMITTED' ORDER BY "submittedAt", "id" OFFSET 20000 LIMIT 1`;
    const cursor = encodeCursor(deep[0].submittedAt, deep[0].id);
    const author = await userAs(data.annotatorEmails[3]);
    const filters: [string, string][] = [
      ["first page", ""], ["deep cursor (item 20,000)", `cursor=${cursor}`], ["source", `source=${data.sources[4]}`], ["author", `author=${author.id}`],
      ["topic", "topic=QCD"], ["level", "level=RESEARCH"], ["difficulty", "difficulty=HARD"], ["checks failing", "checks=FAILING"],
      ["submitted after", `submittedAfter=${new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10)}`],
    ];
    for (const [label, query] of filters) {
      for (const path of ["/review", "/api/review/queue"]) {
        const s = summarise(await timeGets(`${server.base}${path}${query ? `?${query}` : ""}`, cookie, 60));
        console.log(`review: ${path.padEnd(18)} ${label.padEnd(26)} p50 ${ms(s.p50)}, p95 ${ms(s.p95)} — target ≤ 50 ms p95`);
      }
    }
    const pages: [string, string][] = [
      ["/seeds", "/seeds"], ["/seeds?status=NEW", "/seeds?status=NEW"], ["/seeds?q=correction number 4242", "/seeds?q=correction%20number%204242"],
      ["/items (everyone's)", "/items?author=all"], ["/items?status=APPROVED", "/items?author=all&status=APPROVED"], ["/ (lead home)", "/"],
    ];
    for (const [label, path] of pages) {
      const s = summarise(await timeGets(`${server.base}${path}`, cookie, 60));
      console.log(`review: ${label.padEnd(45)} p50 ${ms(s.p50)}, p95 ${ms(s.p95)} — target ≤ 50 ms p95`);
    }
    await server.stop();
    server = null;

    // Claim next: 20 annotators at once, 10 claims each (the cap lifted for the measurement).
    process.env.MAX_OPEN_CLAIMS = "1000";
    resetEnvCache();
    const claimers = await Promise.all(data.annotatorEmails.slice(0, 20).map(userAs));
    const latencies: number[] = [];
    const claimed = new Set<string>();
    await Promise.all(claimers.map(async (who) => {
      for (let i = 0; i < 10; i++) {
        const start = performance.now();
        const result = await claimNextSeed(who, {});
        latencies.push(performance.now() - start);
        if (result.seed) claimed.add(result.seed.id);
      }
    }));
    const c = summarise(latencies);
    console.log(`review: claim-next, 20 concurrent claimers × 10: p50 ${ms(c.p50)}, p95 ${ms(c.p95)}, ${claimed.size} distinct seeds of ${latencies.length} claims — target ≤ 20 ms p95`);

    const lead = await userAs(data.leadEmail);
    const target = await userAs(data.annotatorEmails[0]);
    const t1 = performance.now();
    const assigned = await assignSeeds(lead, { filter: { status: "NEW", assignee: "none" }, count: 10_000, assigneeId: target.id });
    console.log(`review: bulk assign ${assigned.assigned.toLocaleString("en")} seeds by filter: ${((performance.now() - t1) / 1000).toFixed(2)} s — target ≤ 1 s`);
  } finally {
    await server?.stop();
    await disconnectDb();
    await database.stop();
  }
}

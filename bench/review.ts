// Review and assignment at scale: 100,000 seeds and 100,000 items (30,000 SUBMITTED) generated in SQL.
// Over HTTP against the production server, signed in as a lead: the queue page and its API (first page, a
// deep cursor, each filter), /seeds, /items and the home page — target ≤ 50 ms p95 each. In the data layer:
// claim-next with 20 concurrent claimers (≤ 20 ms p95) and a bulk assignment of 10,000 seeds (≤ 1 s).
import os from "node:os";
import { getDb, disconnectDb } from "../lib/db";
import { resetEnvCache } from "../lib/env";
import { encodeCursor } from "../lib/pagination/cursor";
import { assignSeeds } from "../lib/seeds/assign-seeds";
import { claimNextSeed } from "../lib/seeds/claim-next-seed";
import type { SessionUser } from "../lib/auth/types";
import { startScratchDatabase } from "../tests/support/scratch-database";
import { signInCookie, startAppServer, timeGets, timeGetsOver } from "./app-server";
import { generateScaleData, type ScaleData } from "./scale-data";
import { ms, summarise } from "./stats";

const SEEDS = 100_000;
const ITEMS = 100_000;

// `npm run bench -- review --only=seeds,checks` times only the pages and queue filters whose label or path
// contains one of the words (`--only=claim,bulk` runs only claim-next and the bulk assignment); `--requests=N`
// changes the sample size.
// Every figure carries the 1-minute load average at its end: the machine is shared.
function flag(name: string): string | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg?.slice(name.length + 3);
}
const ONLY = flag("only")?.split(",").map((w) => w.trim().toLowerCase()).filter(Boolean) ?? null;
const REQUESTS = Number(flag("requests") ?? 60);
const wanted = (...names: string[]) => !ONLY || ONLY.some((w) => names.some((n) => n.toLowerCase().includes(w)));
const load = () => `load ${os.loadavg()[0].toFixed(2)}`;

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
        if (!wanted(label, `${path}?${query}`)) continue;
        const s = summarise(await timeGets(`${server.base}${path}${query ? `?${query}` : ""}`, cookie, REQUESTS));
        console.log(`review: ${path.padEnd(18)} ${label.padEnd(26)} p50 ${ms(s.p50)}, p95 ${ms(s.p95)} — target ≤ 50 ms p95 (${load()})`);
      }
    }
    const pages: [string, string][] = [
      ["/seeds", "/seeds"], ["/seeds?status=NEW", "/seeds?status=NEW"], ["/seeds?q=correction number 4242", "/seeds?q=correction%20number%204242"],
      ["/items (everyone's)", "/items?author=all"], ["/items?status=APPROVED", "/items?author=all&status=APPROVED"], ["/ (lead home)", "/"],
    ];
    for (const [label, path] of pages) {
      if (!wanted(label, path)) continue;
      const s = summarise(await timeGets(`${server.base}${path}`, cookie, REQUESTS));
      console.log(`review: ${label.padEnd(45)} p50 ${ms(s.p50)}, p95 ${ms(s.p95)} — target ≤ 50 ms p95 (${load()})`);
    }
    // Successive pages (after a warm-up on others): every excerpt is rendered for the first time, as for a
    // lead paging through the list, so the figure does not lean on the LaTeX render caches.
    const walks: [string, string, string][] = [
      ["/seeds, 80 pages in turn (cold excerpts)", "/seeds", `SELECT "createdAt" AS "at", "id" FROM "Seed" ORDER BY "createdAt" DESC, "id" DESC`],
      ["/items, 80 pages in turn (cold excerpts)", "/items?author=all", `SELECT "updatedAt" AS "at", "id" FROM "Item" ORDER BY "updatedAt" DESC, "id" DESC`],
    ];
    for (const [label, path, order] of walks) {
      if (!wanted(label)) continue;
      const ends = await getDb().$queryRawUnsafe<{ at: Date; id: string }[]>(`SELECT "at", "id" FROM (SELECT *, row_number() OVER () AS n FROM (${order}) o) r WHERE n % 25 = 0 LIMIT 100`);
      const urls = ends.map((e) => `${server!.base}${path}${path.includes("?") ? "&" : "?"}cursor=${encodeCursor(e.at, e.id)}`);
      const s = summarise(await timeGetsOver([...urls.slice(80), ...urls.slice(0, 80)], cookie, Math.min(REQUESTS, 80)));
      console.log(`review: ${label.padEnd(45)} p50 ${ms(s.p50)}, p95 ${ms(s.p95)} — target ≤ 50 ms p95 (${load()})`);
    }
    await server.stop();
    server = null;

    if (wanted("claim-next")) await benchClaims(data);
    if (wanted("bulk assign")) await benchBulkAssign(data);
  } finally {
    await server?.stop();
    await disconnectDb();
    await database.stop();
  }
}

async function benchClaims(data: ScaleData): Promise<void> {
  // Claim next: 20 annotators at once (the cap lifted for the measurement). A first round of 5 claims each
  // warms up (the pool's connections, each backend's plan of the claim function, the optimised JavaScript) and
  // is reported apart; then two measurements of 500 claims: 25 bursts of 20 simultaneous claims (each
  // annotator claims at the same instant as the 19 others, then the next burst), and 20 annotators claiming
  // back to back for 25 claims each (each claims again the moment they are answered: the machine saturated, so
  // every claim waits behind the 19 others for the whole run).
  process.env.MAX_OPEN_CLAIMS = "1000";
  resetEnvCache();
  const claimers = await Promise.all(data.annotatorEmails.slice(0, 20).map(userAs));
  const latencies: number[] = [];
  const claimed = new Set<string>();
  const claim = async (who: (typeof claimers)[number]) => {
    const start = performance.now();
    const result = await claimNextSeed(who, {});
    latencies.push(performance.now() - start);
    if (result.seed) claimed.add(result.seed.id);
  };
  /** Run the claims, then their figures (and start over for the next measurement). */
  const measured = async (run: () => Promise<void>) => {
    await run();
    const figures = { ...summarise(latencies), claims: latencies.length, distinct: claimed.size };
    latencies.length = 0;
    claimed.clear();
    return figures;
  };
  const round = (claims: number) => measured(async () => {
    await Promise.all(claimers.map(async (who) => {
      for (let i = 0; i < claims; i++) await claim(who);
    }));
  });
  const bursts = (count: number) => measured(async () => {
    for (let b = 0; b < count; b++) await Promise.all(claimers.map(claim));
  });
  const w = await round(5);
  console.log(`review: claim-next, warm-up (20 concurrent claimers × 5, first claims of the process): p50 ${ms(w.p50)}, p95 ${ms(w.p95)} (${load()})`);
  const b = await bursts(25);
  console.log(`review: claim-next, 25 bursts of 20 simultaneous claims: p50 ${ms(b.p50)}, p95 ${ms(b.p95)}, ${b.distinct} distinct seeds of ${b.claims} claims — target ≤ 20 ms p95 (${load()})`);
  const t = performance.now();
  const c = await round(25);
  const rate = c.claims / ((performance.now() - t) / 1000);
  console.log(`review: claim-next, 20 claimers back to back × 25: p50 ${ms(c.p50)}, p95 ${ms(c.p95)}, ${c.distinct} distinct seeds of ${c.claims} claims, ${rate.toFixed(0)} claims/s — target ≤ 20 ms p95 (${load()})`);
}

async function benchBulkAssign(data: ScaleData): Promise<void> {
  const lead = await userAs(data.leadEmail);
  const target = await userAs(data.annotatorEmails[0]);
  const t1 = performance.now();
  const assigned = await assignSeeds(lead, { filter: { status: "NEW", assignee: "none" }, count: 10_000, assigneeId: target.id });
  console.log(`review: bulk assign ${assigned.assigned.toLocaleString("en")} seeds by filter: ${((performance.now() - t1) / 1000).toFixed(2)} s — target ≤ 1 s (${load()})`);
}

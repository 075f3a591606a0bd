// Releases and exports at scale: 100,000 approved items generated in SQL (scale-data with every item
// approved), frozen as one release (creation time: the freeze and the hashing pass over every format), then
// downloaded over HTTP from the production server as a lead: each format's files (items/s, MB/s, the
// server's peak RSS and its growth over the format) and the whole .tar.gz. Targets: ≥ 20,000 items/s per
// format, RSS growth ≤ 100 MB.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { getDb, disconnectDb } from "../lib/db";
import { createRelease } from "../lib/export/create-release";
import type { SessionUser } from "../lib/auth/types";
import { startScratchDatabase } from "../tests/support/scratch-database";
import { signInCookie, startAppServer } from "./app-server";
import { generateScaleData } from "./scale-data";

const ITEMS = Number(process.env.BENCH_EXPORT_ITEMS ?? 100_000);
const MB = 1024 * 1024;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) of a process, 0 when it is gone. */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** The PostgreSQL of this data dir: its postmaster and every child (backends, writers). */
function postgresPids(dataDir: string): number[] {
  const procs = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
  const cmd = (pid: number) => { try { return readFileSync(`/proc/${pid}/cmdline`, "utf8"); } catch { return ""; } };
  const ppid = (pid: number) => { try { return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1]); } catch { return -1; } };
  const master = procs.find((pid) => cmd(pid).includes(dataDir) && cmd(pid).includes("postgres"));
  return master === undefined ? [] : [master, ...procs.filter((pid) => ppid(pid) === master)];
}

/** Start counting PostgreSQL's CPU seconds → a function that returns those used since (processes that came or went included). */
function pgCpuSince(dataDir: string): () => number {
  const start = new Map(postgresPids(dataDir).map((p) => [p, cpuOf(p)]));
  return () => postgresPids(dataDir).reduce((n, p) => n + Math.max(0, cpuOf(p) - (start.get(p) ?? 0)), 0);
}

/** Sample a process's RSS every 25 ms while `fn` runs → its peak and the growth over the RSS before. */
async function withRss<T>(read: () => number, fn: () => Promise<T>): Promise<{ result: T; before: number; peak: number }> {
  const before = read();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, read())), 25);
  try {
    const result = await fn();
    peak = Math.max(peak, read());
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}

async function drain(url: string, cookie: string): Promise<number> {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const reader = response.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

type Run = { bytes: number; seconds: number; appCpu: number; pgCpu: number };

// CPU seconds show what the machine's load hides: the server's (all its threads: the export's worker threads
// encode while its main thread reads rows and writes the response) and PostgreSQL's, side by side; with the
// cores to themselves (no benchmark client, no other load) the rate would be items ÷ (their CPU ÷ cores).
const CORES = os.availableParallelism();
const line = (label: string, run: Run, rss: { before: number; peak: number }) =>
  `export: ${label.padEnd(22)} ${(ITEMS / run.seconds).toFixed(0).padStart(7)} items/s, ${(run.bytes / MB / run.seconds).toFixed(1).padStart(6)} MB/s ` +
  `(${(run.bytes / MB).toFixed(1)} MB in ${run.seconds.toFixed(2)} s), server RSS peak ${(rss.peak / MB).toFixed(0)} MB, growth ${((rss.peak - rss.before) / MB).toFixed(0)} MB; ` +
  `CPU: server ${run.appCpu.toFixed(1)} s, PostgreSQL ${run.pgCpu.toFixed(1)} s → ${(ITEMS / ((run.appCpu + run.pgCpu) / CORES)).toFixed(0)} items/s on ${CORES} cores of their own — target ≥ 20,000 items/s, growth ≤ 100 MB`;

export async function benchExport(): Promise<void> {
  const database = await startScratchDatabase("fieldwork_bench_export");
  let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
  try {
    const t0 = performance.now();
    const data = await generateScaleData({ seeds: ITEMS, items: ITEMS, approvedShare: 1 });
    const approved = await getDb().item.count({ where: { status: "APPROVED" } });
    console.log(`export: generated ${ITEMS.toLocaleString("en")} items (${approved.toLocaleString("en")} approved) in SQL in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const leadRow = await getDb().user.findUniqueOrThrow({ where: { email: data.leadEmail } });
    const lead: SessionUser = { id: leadRow.id, email: leadRow.email, name: leadRow.name, role: leadRow.role };
    const name = "bench-100k";
    const created = await withRss(() => process.memoryUsage().rss, async () => {
      const [t1, cpu, pg] = [performance.now(), process.cpuUsage(), pgCpuSince(database.dataDir)];
      const release = await createRelease(lead, { name, description: "Export benchmark." });
      const used = process.cpuUsage(cpu);
      return { release, seconds: (performance.now() - t1) / 1000, appCpu: (used.user + used.system) / 1e6, pgCpu: pg() };
    });
    const { release, seconds, appCpu, pgCpu: createPgCpu } = created.result;
    console.log(
      `export: release creation (freeze ${release.counts.total.toLocaleString("en")} items + hash every file of every format): ${seconds.toFixed(1)} s ` +
        `(${(release.counts.total / seconds).toFixed(0)} items/s), bench process RSS peak ${(created.peak / MB).toFixed(0)} MB, growth ${((created.peak - created.before) / MB).toFixed(0)} MB; ` +
        `CPU: app ${appCpu.toFixed(1)} s, PostgreSQL ${createPgCpu.toFixed(1)} s`,
    );

    // Downloads are measured as they are after autovacuum's first pass over the new release (its rows' hint bits
    // and visibility set), run here so that the pass does not land inside a measurement.
    await getDb().$executeRawUnsafe(`VACUUM (ANALYZE) "ReleaseItem", "ItemRevision", "Release"`);
    server = await startAppServer(database.url);
    const cookie = await signInCookie(server.base, data.leadEmail, data.password);
    const manifest = (await (await fetch(`${server.base}/api/releases/${name}`, { headers: { cookie } })).json()) as { manifest: { files: { path: string }[] } };
    const kinds: [string, RegExp][] = [["native (jsonl)", /^native\//], ["pipeline (jsonl)", /^pipeline\//], ["verl (parquet)", /^verl\/.*\.parquet$/], ["verl (json)", /^verl\/.*\.json$/], ["sft (jsonl)", /^sft\//]];
    const pid = server.pid;
    const measure = (urls: string[]) => withRss(() => rssOf(pid), async (): Promise<Run> => {
      const [t, app, pg] = [performance.now(), cpuOf(pid), pgCpuSince(database.dataDir)];
      let bytes = 0;
      for (const url of urls) bytes += await drain(url, cookie);
      return { bytes, seconds: (performance.now() - t) / 1000, appCpu: cpuOf(pid) - app, pgCpu: pg() };
    });
    // warm-up: the first rows through the server load code and size the heap (not what a release's size costs)
    await measure([`${server.base}/api/releases/${name}/files/README.md`, `${server.base}/api/releases/${name}/files/sft/test.jsonl`]);
    for (const [label, re] of kinds) {
      const paths = manifest.manifest.files.map((f) => f.path).filter((p) => re.test(p));
      const run = await measure(paths.map((p) => `${server!.base}/api/releases/${name}/files/${p}`));
      console.log(line(label, run.result, run));
    }
    const whole = await measure([`${server.base}/api/releases/${name}/download`]);
    console.log(line("whole bundle (.tar.gz)", whole.result, whole).replace(/items\/s,/, "items/s (5 files per item),"));
  } finally {
    await server?.stop();
    await disconnectDb();
    await database.stop();
  }
}

// Releases and exports at scale: 100,000 approved items generated in SQL (scale-data with every item
// approved), frozen as one release (creation time: the freeze and the hashing pass over every format), then
// downloaded over HTTP from the production server as a lead: each format's files (items/s, MB/s, the
// server's peak RSS and its growth over the format) and the whole .tar.gz. Targets: ≥ 20,000 items/s per
// format, RSS growth ≤ 100 MB.
import { readFileSync } from "node:fs";
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

const line = (label: string, seconds: number, bytes: number, rss: { before: number; peak: number }) =>
  `export: ${label.padEnd(22)} ${(ITEMS / seconds).toFixed(0).padStart(7)} items/s, ${(bytes / MB / seconds).toFixed(1).padStart(6)} MB/s ` +
  `(${(bytes / MB).toFixed(1)} MB in ${seconds.toFixed(2)} s), server RSS peak ${(rss.peak / MB).toFixed(0)} MB, growth ${((rss.peak - rss.before) / MB).toFixed(0)} MB — target ≥ 20,000 items/s, growth ≤ 100 MB`;

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
      const t1 = performance.now();
      const release = await createRelease(lead, { name, description: "Export benchmark." });
      return { release, seconds: (performance.now() - t1) / 1000 };
    });
    const { release, seconds } = created.result;
    console.log(
      `export: release creation (freeze ${release.counts.total.toLocaleString("en")} items + hash every file of every format): ${seconds.toFixed(1)} s ` +
        `(${(release.counts.total / seconds).toFixed(0)} items/s), bench process RSS peak ${(created.peak / MB).toFixed(0)} MB, growth ${((created.peak - created.before) / MB).toFixed(0)} MB`,
    );

    server = await startAppServer(database.url);
    const cookie = await signInCookie(server.base, data.leadEmail, data.password);
    const manifest = (await (await fetch(`${server.base}/api/releases/${name}`, { headers: { cookie } })).json()) as { manifest: { files: { path: string }[] } };
    const kinds: [string, RegExp][] = [["native (jsonl)", /^native\//], ["pipeline (jsonl)", /^pipeline\//], ["verl (parquet)", /^verl\/.*\.parquet$/], ["verl (json)", /^verl\/.*\.json$/], ["sft (jsonl)", /^sft\//]];
    const pid = server.pid;
    await drain(`${server.base}/api/releases/${name}/files/README.md`, cookie); // warm-up
    for (const [label, re] of kinds) {
      const paths = manifest.manifest.files.map((f) => f.path).filter((p) => re.test(p));
      const run = await withRss(() => rssOf(pid), async () => {
        const t = performance.now();
        let bytes = 0;
        for (const p of paths) bytes += await drain(`${server!.base}/api/releases/${name}/files/${p}`, cookie);
        return { bytes, seconds: (performance.now() - t) / 1000 };
      });
      console.log(line(label, run.result.seconds, run.result.bytes, run));
    }
    const whole = await withRss(() => rssOf(pid), async () => {
      const t = performance.now();
      const bytes = await drain(`${server!.base}/api/releases/${name}/download`, cookie);
      return { bytes, seconds: (performance.now() - t) / 1000 };
    });
    console.log(line("whole bundle (.tar.gz)", whole.result.seconds, whole.result.bytes, whole).replace("items/s", "items/s (all 5 files per item)"));
  } finally {
    await server?.stop();
    await disconnectDb();
    await database.stop();
  }
}

// Import speed: generated JSONL seeds committed through the same path as the UI and the CLI (parse, hash,
// dedup query, one transaction per file with batched inserts). Target (PRODUCT.md): 10,000 seeds ≤ 5 s
// (≥ 2,000/s), cost linear in size.
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { disconnectDb, getDb } from "../lib/db";
import { runImport } from "../lib/imports/run-import";
import type { SessionUser } from "../lib/auth/types";
import { startScratchDatabase } from "../tests/support/scratch-database";

function generate(n: number, source: string): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({
      problem: `Problem ${i}: a particle of mass $m_{${i}}$ in the potential $V(x) = \\frac{1}{2}k x^2 + ${i}\\lambda x^4$. Determine the first-order shift of the ground-state energy.`,
      solution: `$\\Delta E = \\frac{3 ${i}\\lambda \\hbar^2}{4 m^2 \\omega^2}$ with $\\omega = \\sqrt{k/m}$.`,
      source,
      location: `Problem ${i}`,
    }));
  }
  return Buffer.from(lines.join("\n"));
}

export async function benchImport(): Promise<void> {
  const database = await startScratchDatabase("fieldwork_bench_import");
  try {
    const u = await getDb().user.create({ data: { email: `bench-${randomUUID()}@bench.local`, name: "Bench", role: "ADMIN", passwordHash: "x" } });
    const admin: SessionUser = { id: u.id, email: u.email, name: u.name, role: "ADMIN" };
    await runImport(admin, { fileName: "warm.jsonl", bytes: generate(200, "warm-up") }, {}); // JIT and connection warm-up
    for (const n of [1_000, 10_000, 50_000]) {
      const bytes = generate(n, `bench-${n}`);
      const t0 = performance.now();
      const report = await runImport(admin, { fileName: `seeds-${n}.jsonl`, bytes }, {});
      const seconds = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      const again = await runImport(admin, { fileName: `seeds-${n}.jsonl`, bytes }, {});
      const reSeconds = (performance.now() - t1) / 1000;
      console.log(
        `import ${n.toLocaleString("en")} JSONL seeds (${(bytes.length / 2 ** 20).toFixed(1)} MB): ${seconds.toFixed(2)} s, ${(n / seconds).toFixed(0)} seeds/s, created ${report.created}, errors ${report.errors.length}` +
          `; re-import ${reSeconds.toFixed(2)} s, ${again.duplicates} duplicates, created ${again.created}${n === 10_000 ? " — target ≤ 5 s" : ""}`,
      );
    }
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

// Item saves through the data layer (one transaction: row lock, version check, update, revision), on a
// scratch embedded PostgreSQL. Targets (PRODUCT.md): ≤ 30 ms p95 per save; 50 concurrent editors with
// no lost or merged-over edits. HTTP and session lookup are not included.
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { getDb, disconnectDb } from "../lib/db";
import { createItem } from "../lib/items/create-item";
import { saveItem } from "../lib/items/save-item";
import type { SessionUser } from "../lib/auth/types";
import { startScratchDatabase } from "../tests/support/scratch-database";
import { ms, summarise } from "./stats";

const STATEMENT = "Consider $\\mathcal{L} = \\frac12(\\partial\\phi)^2 - \\frac{\\lambda}{4!}\\phi^4$. Find $\\beta(\\lambda)$. ".repeat(20);
const EDITORS = 50;
const SAVES_PER_EDITOR = 20;

async function setUp(items: number): Promise<{ user: SessionUser; ids: string[] }> {
  const db = getDb();
  const u = await db.user.create({ data: { email: `bench-${randomUUID()}@bench.local`, name: "Bench", role: "LEAD", passwordHash: "x" } });
  const user: SessionUser = { id: u.id, email: u.email, name: u.name, role: "LEAD" };
  const source = await db.source.create({ data: { identifier: `bench-${randomUUID()}`, kind: "OTHER" } });
  const ids: string[] = [];
  for (let i = 0; i < items; i++) {
    const seed = await db.seed.create({ data: { sourceId: source.id, problem: `Problem ${i}`, contentHash: randomUUID() } });
    ids.push((await createItem(user, { seedId: seed.id })).id);
  }
  return { user, ids };
}

export async function benchSave(): Promise<void> {
  const database = await startScratchDatabase("fieldwork_bench");
  try {
    const { user, ids } = await setUp(EDITORS + 1);
    const [single, ...others] = ids;

    // Sequential saves of one item, each a real change (a 2 KB statement edited at its end).
    let version = 1;
    const samples: number[] = [];
    for (let i = 0; i < 320; i++) {
      const t0 = performance.now();
      version = (await saveItem(user, single, { version, statement: `${STATEMENT} ${i}` })).version;
      if (i >= 20) samples.push(performance.now() - t0);
    }
    const s = summarise(samples);
    console.log(`save (one editor, ${samples.length} saves): p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} — target ≤ 30 ms p95`);

    // 50 editors at once, each saving its own item 20 times in a row.
    let errors = 0;
    const latencies: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      others.map(async (id, e) => {
        let v = 1;
        for (let i = 0; i < SAVES_PER_EDITOR; i++) {
          const start = performance.now();
          try {
            v = (await saveItem(user, id, { version: v, statement: `editor ${e} save ${i}` })).version;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - start);
        }
      }),
    );
    const elapsed = performance.now() - t0;
    // Lost updates: every item must be at version 1 + saves, with one revision per version and the last text.
    const rows = await getDb().item.findMany({ where: { id: { in: others } }, select: { id: true, version: true, statement: true, _count: { select: { revisions: true } } } });
    const lost = rows.filter((r) => r.version !== 1 + SAVES_PER_EDITOR || r._count.revisions !== 1 + SAVES_PER_EDITOR || !r.statement.endsWith(`save ${SAVES_PER_EDITOR - 1}`)).length;
    const c = summarise(latencies);
    console.log(
      `save (${EDITORS} concurrent editors × ${SAVES_PER_EDITOR}): ${((EDITORS * SAVES_PER_EDITOR) / (elapsed / 1000)).toFixed(0)} saves/s, ` +
        `p50 ${ms(c.p50)}, p95 ${ms(c.p95)}; errors ${errors}, items with lost updates ${lost} — target 0 and 0`,
    );
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

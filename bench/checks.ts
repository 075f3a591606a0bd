// Automatic checks and the sandbox. Targets (PRODUCT.md): a full check run with 5 test cases ≤ 150 ms p50
// warm; LaTeX/structure checks ≤ 10 ms; the sandbox ≥ 50 jobs/s on 2 cores. Also the cold start (workers
// importing numpy/scipy/sympy) and which isolation ran.
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { disconnectDb, getDb } from "../lib/db";
import { runChecks } from "../lib/checks/run-checks";
import { evaluateChecks } from "../lib/checks/registry";
import { textFactsInline } from "../lib/checks/text-facts";
import { createItem } from "../lib/items/create-item";
import { saveItem } from "../lib/items/save-item";
import { closeSandboxPool, getSandboxPool } from "../lib/sandbox/pool";
import { runCode } from "../lib/sandbox/run-code";
import type { SessionUser } from "../lib/auth/types";
import { startScratchDatabase } from "../tests/support/scratch-database";
import { GOOD_INSPECT, GOOD_ITEM, GOOD_RUN } from "../tests/support/item-fixtures";
import { ms, summarise } from "./stats";

const FIVE_CASES = [...GOOD_ITEM.testCases, { inputs: { n: 5, omega: 2 }, expected: 11, tolerance: GOOD_ITEM.testCases[0].tolerance }, { inputs: { n: 10, omega: 0.1 }, expected: 1.05, tolerance: GOOD_ITEM.testCases[0].tolerance }];

async function itemWithFiveCases(): Promise<{ user: SessionUser; id: string }> {
  const db = getDb();
  const u = await db.user.create({ data: { email: `bench-${randomUUID()}@bench.local`, name: "Bench", role: "ANNOTATOR", passwordHash: "x" } });
  const user: SessionUser = { id: u.id, email: u.email, name: u.name, role: "ANNOTATOR" };
  const source = await db.source.create({ data: { identifier: `bench-${randomUUID()}`, kind: "OTHER" } });
  const seed = await db.seed.create({ data: { sourceId: source.id, problem: "Bench", contentHash: randomUUID() } });
  const { id } = await createItem(user, { seedId: seed.id });
  await saveItem(user, id, { version: 1, ...GOOD_ITEM, testCases: FIVE_CASES });
  return { user, id };
}

export async function benchChecks(): Promise<void> {
  const database = await startScratchDatabase("fieldwork_bench_checks");
  try {
    const { user, id } = await itemWithFiveCases();
    closeSandboxPool();
    const pool = getSandboxPool();
    const cold0 = performance.now();
    const first = await runChecks(user, id);
    const cold = performance.now() - cold0;
    if (!first.passed) throw new Error(`the bench item should pass: ${JSON.stringify(first.results.filter((r) => !r.passed))}`);
    console.log(`checks: sandbox ${pool.size} worker(s), isolation ${first.isolation}; cold start (workers import numpy/scipy/sympy, then a full run) ${ms(cold)}`);

    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      await runChecks(user, id);
      if (i >= 10) samples.push(performance.now() - t0);
    }
    const s = summarise(samples);
    console.log(`checks: full run, 5 test cases, warm (${samples.length} runs, incl. storing the run): p50 ${ms(s.p50)}, p95 ${ms(s.p95)} — target p50 ≤ 150 ms`);

    const pure: number[] = [];
    const ctx = { fields: { ...GOOD_ITEM, testCases: FIVE_CASES }, macros: {}, run: GOOD_RUN, inspect: GOOD_INSPECT, nearDuplicates: [] };
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      // (the LaTeX renders and the answer's evaluation, done in worker threads by runChecks, included here)
      const fields = { ...ctx.fields, statement: `${ctx.fields.statement} ${i}` };
      evaluateChecks({ ...ctx, fields, ...textFactsInline(fields, ctx.macros) });
      if (i >= 50) pure.push(performance.now() - t0);
    }
    const p = summarise(pure);
    console.log(`checks: LaTeX/structure checks alone (sandbox facts given): p50 ${ms(p.p50)}, p95 ${ms(p.p95)} — target ≤ 10 ms`);

    const JOBS = 500;
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: JOBS }, (_, i) => runCode({ code: "def f(x):\n    return x + 1", functionName: "f", calls: [{ x: i }] })));
    const seconds = (performance.now() - t0) / 1000;
    const failed = results.filter((r) => !r.ok).length;
    console.log(`sandbox: ${JOBS} trivial jobs, ${(JOBS / seconds).toFixed(0)} jobs/s on ${pool.size} worker(s), ${failed} failed — target ≥ 50 jobs/s`);
  } finally {
    closeSandboxPool();
    await disconnectDb();
    await database.stop();
  }
}

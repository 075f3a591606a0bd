// Grading at RL throughput (PRODUCT.md: ≥ 50 responses/s on 2 cores with the warm pool; issue 15's target
// ≥ 100/s): over HTTP with an API token against the production server (scripts/server.mjs), 5-case items.
// Batch throughput (POST /api/grade/batch, 256 per request) by ground truth and by item id; single POST
// /api/grade p50/p95; and the Python reward module's local throughput on the same responses.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { disconnectDb, getDb } from "../lib/db";
import { bundleOfFields, toGroundTruth } from "../lib/grading/test-bundle";
import { createToken } from "../lib/tokens/create-token";
import { startScratchDatabase } from "../tests/support/scratch-database";
import { GOOD_ITEM } from "../tests/support/item-fixtures";
import { REWARD_MODULE, SYSTEM_PYTHON } from "../tests/support/reward-module";
import { startAppServer, type AppServer } from "./app-server";
import { ms, summarise } from "./stats";

const TOL = GOOD_ITEM.testCases[0].tolerance;
const FIVE_CASES = [...GOOD_ITEM.testCases, { inputs: { n: 5, omega: 2 }, expected: 11, tolerance: TOL }, { inputs: { n: 10, omega: 0.1 }, expected: 1.05, tolerance: TOL }];
const FIELDS = { ...GOOD_ITEM, testCases: FIVE_CASES };
const GROUND_TRUTH = JSON.stringify(toGroundTruth(bundleOfFields(FIELDS)));
const RESPONSES = 1024;

/** Model-like responses: prose, sometimes helpers or numpy, 3 in 4 right. */
function response(i: number): { text: string; right: boolean } {
  const right = i % 4 !== 3;
  const body = [
    `def energy(n, omega):\n    return omega * (n + ${right ? "0.5" : "1"})`,
    `import numpy as np\n\ndef zero_point(omega):\n    return omega / 2\n\ndef energy(n: int, omega: float) -> float:\n    return float(np.float64(n) * omega + zero_point(omega)${right ? "" : " * 3"})`,
    `import math\n\ndef energy(n, omega):\n    levels = [omega * (k + 0.5) for k in range(n + 1)]\n    return levels[-1]${right ? "" : " + 1e-3"}`,
  ][i % 3];
  return { text: `The spectrum of the oscillator is equally spaced (attempt ${i}).\n\n\`\`\`python\n${body}\n\`\`\`\n`, right };
}

async function approvedItem(): Promise<string> {
  const db = getDb();
  const user = await db.user.create({ data: { email: `bench-${randomUUID()}@bench.local`, name: "Bench author", role: "ANNOTATOR", passwordHash: "x" } });
  const source = await db.source.create({ data: { identifier: `bench-${randomUUID()}`, kind: "OTHER" } });
  const seed = await db.seed.create({ data: { sourceId: source.id, problem: "Bench", contentHash: randomUUID() } });
  const fields = { statement: FIELDS.statement, description: FIELDS.description, solution: FIELDS.solution, finalAnswer: FIELDS.finalAnswer, referenceCode: FIELDS.referenceCode, answerSpec: FIELDS.answerSpec, testCases: FIELDS.testCases, topic: FIELDS.topic, level: FIELDS.level, difficulty: FIELDS.difficulty };
  const item = await db.item.create({ data: { seedId: seed.id, authorId: user.id, status: "APPROVED", approvedVersion: 1, approvedAt: new Date(), ...fields } });
  await db.itemRevision.create({ data: { itemId: item.id, version: 1, status: "APPROVED", snapshot: fields, editorId: user.id } });
  return item.id;
}

async function post(server: AppServer, token: string, url: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${server.base}${url}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

type Graded = { passed: boolean };

/** CPU seconds used so far by a process and everything under it (the server, its sandbox workers and, through
 * the workers' reaped children, every job): on a machine shared with other work, CPU per response says what the
 * wall clock cannot. */
function treeCpuSeconds(root: number): number {
  const tick = 100; // USER_HZ on Linux
  const stats = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop()!.split(" ");
      return [{ pid: Number(pid), ppid: Number(fields[1]), cpu: fields.slice(11, 15).reduce((a, x) => a + Number(x), 0) / tick }];
    } catch {
      return [];
    }
  });
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of stats) {
      if (inTree.has(p.pid) || !inTree.has(p.ppid)) continue;
      inTree.add(p.pid);
      grew = true;
    }
  }
  return stats.filter((p) => inTree.has(p.pid)).reduce((a, p) => a + p.cpu, 0);
}

async function batchThroughput(server: AppServer, token: string, label: string, requestOf: (i: number) => Record<string, unknown>): Promise<void> {
  const all = Array.from({ length: RESPONSES }, (_, i) => ({ ...requestOf(i), response: response(i).text }));
  const cpu0 = treeCpuSeconds(server.pid);
  const t0 = performance.now();
  const results: Graded[] = [];
  for (let start = 0; start < all.length; start += 256) {
    results.push(...((await post(server, token, "/api/grade/batch", { requests: all.slice(start, start + 256) })) as { results: Graded[] }).results);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpuMs = ((treeCpuSeconds(server.pid) - cpu0) * 1000) / RESPONSES;
  const right = results.filter((r, i) => r.passed === response(i).right).length;
  console.log(`grade: batch by ${label.padEnd(12)} ${RESPONSES} responses × 5 cases in ${seconds.toFixed(2)} s = ${(RESPONSES / seconds).toFixed(0)} responses/s (verdicts as expected: ${right}/${RESPONSES}) — target ≥ 100/s, floor 50/s`);
  console.log(`grade:   CPU per response (server + sandbox workers + jobs) ${cpuMs.toFixed(1)} ms → ${((os.cpus().length * 1000) / cpuMs).toFixed(0)} responses/s if ${os.cpus().length} cores were ours alone; load average ${os.loadavg()[0].toFixed(1)}`);
}

function moduleThroughput(): Promise<{ warm_s: number; seconds: number; responses_per_s: number; passed: number; parallel: number; cpu_ms_per_response: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SYSTEM_PYTHON, [path.join(process.cwd(), "bench", "grade_module.py")], { env: { ...process.env, FIELDWORK_URL: "", FIELDWORK_TOKEN: "" } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
    child.stdin.end(JSON.stringify({ module: REWARD_MODULE, responses: Array.from({ length: RESPONSES }, (_, i) => response(i).text), groundTruths: Array(RESPONSES).fill(GROUND_TRUTH) }));
  });
}

export async function benchGrade(): Promise<void> {
  const database = await startScratchDatabase("fieldwork_bench_grade");
  let server: AppServer | null = null;
  try {
    const itemId = await approvedItem();
    const user = await getDb().user.create({ data: { email: `bench-${randomUUID()}@bench.local`, name: "Trainer", role: "ANNOTATOR", passwordHash: "x" } });
    const { token } = await createToken({ id: user.id, email: user.email, name: user.name, role: "ANNOTATOR" }, { name: "bench", scopes: ["grade"] });
    // Workers kept for the whole run (not replaced after 1,000 jobs), so their jobs' CPU stays countable.
    server = await startAppServer(database.url, { API_TOKEN_RATE_LIMIT: "10000000", SANDBOX_WORKER_JOBS: "1000000" });
    console.log(`grade: production server, sandbox workers = ${os.cpus().length} (cores), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    const warm0 = performance.now();
    await post(server, token, "/api/grade/batch", { requests: Array.from({ length: 32 }, (_, i) => ({ groundTruth: GROUND_TRUTH, response: response(i).text })) });
    console.log(`grade: first batch of 32 (workers start: numpy, scipy, sympy, self-test) ${ms(performance.now() - warm0)}`);

    await batchThroughput(server, token, "ground truth", () => ({ groundTruth: GROUND_TRUTH }));
    await batchThroughput(server, token, "item id", () => ({ item: itemId }));

    const samples: number[] = [];
    for (let i = 0; i < 220; i++) {
      const t0 = performance.now();
      await post(server, token, "/api/grade", { item: itemId, response: response(i).text });
      if (i >= 20) samples.push(performance.now() - t0);
    }
    const s = summarise(samples);
    console.log(`grade: single POST /api/grade by item id, sequential (${samples.length}): p50 ${ms(s.p50)}, p95 ${ms(s.p95)}`);
    await server.stop();
    server = null;

    const local = await moduleThroughput();
    console.log(`grade: Python module, local mode, ${local.parallel} helper(s): ${RESPONSES} responses in ${local.seconds.toFixed(2)} s = ${local.responses_per_s.toFixed(0)} responses/s (${local.passed} passed; helpers started in ${local.warm_s.toFixed(2)} s); load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    console.log(`grade:   CPU per response (caller, helpers, children) ${local.cpu_ms_per_response.toFixed(1)} ms → ${((local.parallel * 1000) / local.cpu_ms_per_response).toFixed(0)} responses/s on ${local.parallel} idle cores`);
  } finally {
    await server?.stop();
    await disconnectDb();
    await database.stop();
  }
}

import "server-only";
// The app's worker pools and the one way server code runs a task off the event loop. Three pools, so that a
// long import or a download never queues a preview or an answer check behind it: "interactive" (LaTeX
// rendering, answer equivalence; WORKER_THREADS workers, WORKER_MEMORY_MB heap each), "imports" (one worker,
// IMPORT_MEMORY_MB heap) and "exports" (encoding release files; EXPORT_THREADS workers, WORKER_MEMORY_MB heap
// each, loading the export's modules only). Budgets per task come from the environment. One set of pools per
// process.
import os from "node:os";
import { getEnv, type TEnv } from "../env";
import type { ExportTasks } from "./export-tasks";
import { WorkerPool } from "./pool";
import { spawnTaskWorker } from "./spawn";
import type { Tasks } from "./tasks";

type AllTasks = Tasks & ExportTasks;
type TaskName = keyof AllTasks;
type PoolName = "interactive" | "imports" | "exports";
const POOL_OF: Record<TaskName, PoolName> = {
  "latex.render": "interactive",
  "equivalence.check": "interactive",
  "equivalence.evaluate": "interactive",
  "equivalence.reach": "interactive",
  "imports.parse": "imports",
  "export.encode": "exports",
  "export.encodeAll": "exports",
};
const BUDGET_OF: Record<TaskName, (env: TEnv) => number> = {
  "latex.render": (env) => env.LATEX_RENDER_MS,
  "equivalence.check": (env) => env.EQUIVALENCE_MS,
  "equivalence.evaluate": (env) => env.EQUIVALENCE_MS,
  "equivalence.reach": (env) => env.EQUIVALENCE_MS,
  "imports.parse": (env) => env.IMPORT_PARSE_MS,
  // a batch of 200 rows takes about 10 ms: past a minute, something is wrong with the thread, not the rows
  "export.encode": () => 60_000,
  "export.encodeAll": () => 60_000,
};
const MAX_QUEUE = 1000;

const globalForPools = globalThis as unknown as { fieldworkWorkerPools?: Partial<Record<PoolName, WorkerPool<AllTasks>>> };

/**
 * Export threads: EXPORT_THREADS (0: none, encode in the caller's thread), else one less than the cores, 2 to 4.
 * Two on two cores: the threads wait for PostgreSQL now and then, and a second one kept both cores busy (native
 * files ≈ 25,000 instead of ≈ 20,500 items/s). They run at a lower priority than the server's thread.
 */
export function exportThreads(env: TEnv = getEnv()): number {
  return env.EXPORT_THREADS ?? Math.min(4, Math.max(2, os.availableParallelism() - 1));
}

const POOLS: Record<PoolName, (env: TEnv) => { name: string; size: number; memoryMb: number; kind: "tasks" | "export" }> = {
  interactive: (env) => ({ name: "LaTeX and answer checking", size: env.WORKER_THREADS, memoryMb: env.WORKER_MEMORY_MB, kind: "tasks" }),
  imports: (env) => ({ name: "import parsing", size: 1, memoryMb: env.IMPORT_MEMORY_MB, kind: "tasks" }),
  exports: (env) => ({ name: "export encoding", size: exportThreads(env), memoryMb: env.WORKER_MEMORY_MB, kind: "export" }),
};

function pool(name: PoolName): WorkerPool<AllTasks> {
  const pools = (globalForPools.fieldworkWorkerPools ??= {});
  const { kind, ...options } = POOLS[name](getEnv());
  return (pools[name] ??= new WorkerPool<AllTasks>({ ...options, maxQueue: MAX_QUEUE, spawn: (o) => spawnTaskWorker(o, kind) }));
}

/** The budget a task gets (ms), from the environment. */
export function budgetOf(task: TaskName): number {
  return BUDGET_OF[task](getEnv());
}

/** Run a task in a worker thread within its budget. Throws OverBudget, RefusedInput or PoolBusy (see errors.ts). */
export function runTask<T extends TaskName>(task: T, input: Parameters<AllTasks[T]>[0]): Promise<Awaited<ReturnType<AllTasks[T]>>> {
  return pool(POOL_OF[task]).run(task, input, { budgetMs: budgetOf(task) });
}

/** Stop every worker (tests, and the CLI before it exits). */
export async function closeWorkerPools(): Promise<void> {
  const pools = globalForPools.fieldworkWorkerPools ?? {};
  globalForPools.fieldworkWorkerPools = undefined;
  await Promise.all(Object.values(pools).map((p) => p.close()));
}

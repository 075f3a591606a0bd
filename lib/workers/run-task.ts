import "server-only";
// The app's worker pools and the one way server code runs a task off the event loop. Two pools, so that a
// long import never queues a preview or an answer check behind it: "interactive" (LaTeX rendering, answer
// equivalence; WORKER_THREADS workers, WORKER_MEMORY_MB heap each) and "imports" (one worker,
// IMPORT_MEMORY_MB heap). Budgets per task come from the environment. One set of pools per process.
import { getEnv, type TEnv } from "../env";
import { WorkerPool } from "./pool";
import { spawnTaskWorker } from "./spawn";
import type { TaskName, Tasks } from "./tasks";

type PoolName = "interactive" | "imports";
const POOL_OF: Record<TaskName, PoolName> = {
  "latex.render": "interactive",
  "equivalence.check": "interactive",
  "equivalence.evaluate": "interactive",
  "equivalence.reach": "interactive",
  "imports.parse": "imports",
};
const BUDGET_OF: Record<TaskName, (env: TEnv) => number> = {
  "latex.render": (env) => env.LATEX_RENDER_MS,
  "equivalence.check": (env) => env.EQUIVALENCE_MS,
  "equivalence.evaluate": (env) => env.EQUIVALENCE_MS,
  "equivalence.reach": (env) => env.EQUIVALENCE_MS,
  "imports.parse": (env) => env.IMPORT_PARSE_MS,
};
const MAX_QUEUE = 1000;

const globalForPools = globalThis as unknown as { fieldworkWorkerPools?: Partial<Record<PoolName, WorkerPool<Tasks>>> };

function pool(name: PoolName): WorkerPool<Tasks> {
  const pools = (globalForPools.fieldworkWorkerPools ??= {});
  const env = getEnv();
  return (pools[name] ??= new WorkerPool<Tasks>({
    name: name === "imports" ? "import parsing" : "LaTeX and answer checking",
    size: name === "imports" ? 1 : env.WORKER_THREADS,
    memoryMb: name === "imports" ? env.IMPORT_MEMORY_MB : env.WORKER_MEMORY_MB,
    maxQueue: MAX_QUEUE,
    spawn: spawnTaskWorker,
  }));
}

/** The budget a task gets (ms), from the environment. */
export function budgetOf(task: TaskName): number {
  return BUDGET_OF[task](getEnv());
}

/** Run a task in a worker thread within its budget. Throws OverBudget, RefusedInput or PoolBusy (see errors.ts). */
export function runTask<T extends TaskName>(task: T, input: Parameters<Tasks[T]>[0]): Promise<Awaited<ReturnType<Tasks[T]>>> {
  return pool(POOL_OF[task]).run(task, input, { budgetMs: budgetOf(task) });
}

/** Stop every worker (tests, and the CLI before it exits). */
export async function closeWorkerPools(): Promise<void> {
  const pools = globalForPools.fieldworkWorkerPools ?? {};
  globalForPools.fieldworkWorkerPools = undefined;
  await Promise.all(Object.values(pools).map((p) => p.close()));
}

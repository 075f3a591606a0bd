// How a task worker starts, wherever the app runs. Under Next.js (`next build`/`next start`, also `next dev`)
// the bundler compiles worker-entry.ts and what it imports into a chunk of its own: Turbopack recognises
// exactly the form `new Worker(new URL("./file", import.meta.url))` and rewrites it to that chunk.
// Elsewhere — Vitest and the CLI, which run the TypeScript sources — boot.mjs compiles the entry with tsx.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SpawnOptions } from "./pool";

/** Which worker: the app's tasks (worker-entry.ts, tasks.ts) or the export's (export-worker-entry.ts, export-tasks.ts). */
export type WorkerKind = "tasks" | "export";

export function spawnTaskWorker(options: SpawnOptions, kind: WorkerKind = "tasks"): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: options.memoryMb };
  // NEXT_RUNTIME is a constant the bundler substitutes (not configuration), so it drops the second branch,
  // which must stay in this function: Turbopack would otherwise bundle boot.mjs, tsx and esbuild as a worker.
  if (process.env.NEXT_RUNTIME) {
    const workerData = { progress: options.progress };
    return kind === "export"
      ? new Worker(new URL("./export-worker-entry.ts", import.meta.url), { workerData, resourceLimits })
      : new Worker(new URL("./worker-entry.ts", import.meta.url), { workerData, resourceLimits });
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const entry = kind === "export" ? "export-worker-entry.ts" : "worker-entry.ts";
  return new Worker(path.join(here, "boot.mjs"), {
    workerData: { entry: pathToFileURL(path.join(here, entry)).href, progress: options.progress },
    resourceLimits,
    // Not the parent's flags: the CLI's `--import tsx` does not work in a worker thread on Node 20.
    execArgv: [],
  });
}

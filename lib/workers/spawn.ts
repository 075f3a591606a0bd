// How a task worker starts, wherever the app runs. Under Next.js (`next build`/`next start`, also `next dev`)
// the bundler compiles worker-entry.ts and what it imports into a chunk of its own: Turbopack recognises
// exactly the form `new Worker(new URL("./file", import.meta.url))` and rewrites it to that chunk.
// Elsewhere — Vitest and the CLI, which run the TypeScript sources — boot.mjs compiles the entry with tsx.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SpawnOptions } from "./pool";

export function spawnTaskWorker(options: SpawnOptions): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: options.memoryMb };
  // NEXT_RUNTIME is a constant the bundler substitutes (not configuration), so it drops the second branch,
  // which must stay in this function: Turbopack would otherwise bundle boot.mjs, tsx and esbuild as a worker.
  if (process.env.NEXT_RUNTIME) {
    return new Worker(new URL("./worker-entry.ts", import.meta.url), { workerData: { progress: options.progress }, resourceLimits });
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  return new Worker(path.join(here, "boot.mjs"), {
    workerData: { entry: pathToFileURL(path.join(here, "worker-entry.ts")).href, progress: options.progress },
    resourceLimits,
    // Not the parent's flags: the CLI's `--import tsx` does not work in a worker thread on Node 20.
    execArgv: [],
  });
}

// How a task worker starts, wherever the app runs. Under Next.js (`next build`/`next start`, also `next dev`)
// the bundler compiles worker-entry.ts and what it imports into a chunk of its own: Turbopack recognises
// exactly the form `new Worker(new URL("./file", import.meta.url))` and rewrites it to that chunk.
// Elsewhere — Vitest and the CLI, which run the TypeScript sources — boot.mjs compiles the entry with tsx.
import { Worker } from "node:worker_threads";
import type { SpawnOptions } from "./pool";

export function spawnTaskWorker(options: SpawnOptions): Worker {
  // NEXT_RUNTIME is a constant the bundler substitutes (not configuration): the other branch is dropped there.
  if (process.env.NEXT_RUNTIME) {
    return new Worker(new URL("./worker-entry.ts", import.meta.url), {
      workerData: { progress: options.progress },
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
  }
  return spawnTypeScriptWorker(new URL("./worker-entry.ts", import.meta.url), options);
}

/** A worker running a TypeScript entry from the sources (tests use it for entries of their own). */
export function spawnTypeScriptWorker(entry: URL, options: SpawnOptions): Worker {
  const boot = new URL("./boot.mjs", import.meta.url);
  return new Worker(boot, {
    workerData: { entry: entry.href, progress: options.progress },
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    // Not the parent's flags: the CLI's `--import tsx` does not work in a worker thread on Node 20.
    execArgv: [],
  });
}

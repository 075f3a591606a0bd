// A worker running a TypeScript entry of the tests' own, booted like the app's outside Next (lib/workers/boot.mjs).
import { Worker } from "node:worker_threads";
import type { SpawnOptions } from "../../lib/workers/pool";

export function spawnTestWorker(entry: URL, options: SpawnOptions): Worker {
  return new Worker(new URL("../../lib/workers/boot.mjs", import.meta.url), {
    workerData: { entry: entry.href, progress: options.progress },
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    execArgv: [],
  });
}

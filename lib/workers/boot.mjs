// Starts a TypeScript worker entry where nothing compiled it: Vitest and the CLI (the production build
// bundles the entry itself; see spawn.ts). tsx compiles the entry and what it imports on the fly.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);

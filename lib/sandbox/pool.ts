import "server-only";
// A pool of warm Python workers (worker.ts). Each worker runs one job at a time and forks a fresh,
// confined child per job; a worker is replaced after SANDBOX_WORKER_JOBS jobs, when it asks to be (an
// anomaly in a job), or when it stops answering or dies. When the runtime is missing or workers cannot
// start, jobs fail at once with the reason, and the pool tries again with backoff (1 s doubling to 60 s),
// so a slow start or a package installed later does not need a server restart. One pool per process.
import os from "node:os";
import path from "node:path";
import { getEnv } from "../env";
import { getDataDir } from "../db/data-dir";
import { probeRuntime, type Runtime, type RuntimeOk } from "./runtime";
import { RUNTIME_REQUIRED, SANDBOX_UNAVAILABLE, type SandboxStatus } from "./types";
import { SandboxWorker, type Answer, type Job } from "./worker";
import { stageWorker, workerCommand, type Stage } from "./worker-command";

export type { Answer, Job } from "./worker";

type Queued = { job: Job; resolve: (a: Answer) => void };
type Failure = { reason: string; retryAt: number };
type PoolOptions = { maxJobs?: number; probe?: () => Promise<Runtime>; extraBinds?: [string, string][] };

const MAX_BACKOFF_MS = 60_000;

export class SandboxPool {
  private workers: SandboxWorker[] = [];
  private runtimeOf = new WeakMap<SandboxWorker, RuntimeOk>();
  private queue: Queued[] = [];
  private nextId = 1;
  private spawned = 0;
  private closed = false;
  private runtime: RuntimeOk | null = null;
  private probing: Promise<Runtime> | null = null;
  private stage: Stage | null = null;
  private failure: Failure | null = null;
  private failures = 0;

  private readonly maxJobs: number;
  private readonly probeRuntime: () => Promise<Runtime>;
  private readonly extraBinds: [string, string][];

  /** `options` are for tests: a runtime probe to stand in for the real one, extra read-only binds (a canary). */
  constructor(readonly size: number, options: PoolOptions = {}) {
    this.maxJobs = options.maxJobs ?? getEnv().SANDBOX_WORKER_JOBS;
    this.probeRuntime = options.probe ?? probeRuntime;
    this.extraBinds = options.extraBinds ?? [];
  }

  /** How many workers this pool has started (tests: a worker was not replaced). */
  get workersStarted(): number {
    return this.spawned;
  }

  /** Run a job; resolves with the worker's answer or a failure, never rejects. */
  run(job: Job): Promise<Answer> {
    if (this.closed) return Promise.resolve({ ok: false, error: "the sandbox is shut down" });
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  /** What GET /api/health reports; starts the workers when nothing is running yet, never waits for them. */
  status(): SandboxStatus {
    const isolation = this.runtime?.isolation ?? getEnv().SANDBOX_ISOLATION;
    if (this.workers.some((w) => w.isReady)) return { state: "ready", isolation };
    if (this.isUnavailable()) return { state: "unavailable", isolation, reason: this.failure!.reason };
    this.pump();
    return { state: "starting", isolation };
  }

  /** Start every worker now (otherwise they start on first use); resolves with null once they are ready, else why not. */
  async warm(): Promise<string | null> {
    while (!this.closed) {
      this.pump();
      const ready = this.workers.filter((w) => w.isReady).length;
      if (ready >= this.size || (ready > 0 && this.failure)) return null;
      if (this.isUnavailable()) return this.failure!.reason;
      await new Promise((r) => setTimeout(r, 20));
    }
    return "the sandbox is shut down";
  }

  private isUnavailable(): boolean {
    return this.failure !== null && Date.now() < this.failure.retryAt && !this.workers.some((w) => w.isReady);
  }

  private pump(): void {
    if (this.closed) return;
    if (this.isUnavailable()) {
      for (const q of this.queue.splice(0)) q.resolve({ ok: false, unavailable: true, isolation: null, error: this.failure!.reason });
      return;
    }
    const waiting = this.failure !== null && Date.now() < this.failure.retryAt; // a failed start: retry later
    if (!waiting && !this.runtime) this.probe();
    if (!waiting && this.runtime) this.fill(this.runtime);
    for (const worker of this.workers) {
      if (this.queue.length === 0) break;
      if (!worker.isReady || worker.busy || worker.dead) continue;
      this.dispatch(worker, this.queue.shift()!);
    }
  }

  private probe(): void {
    if (this.probing) return;
    this.probing = this.probeRuntime();
    void this.probing.then((runtime) => {
      this.probing = null;
      if ("error" in runtime) this.fail(runtime.error);
      else this.runtime = runtime;
      this.pump();
    });
  }

  private fill(runtime: RuntimeOk): void {
    this.stage ??= stageWorker(process.getuid?.() === 0);
    const dataDir = getDataDir();
    // What the worker's self-test must not reach: the data dir, and (bubblewrap) the project's files.
    const privatePaths = runtime.isolation === "bwrap" ? [dataDir, path.join(process.cwd(), "package.json")] : [dataDir];
    while (this.workers.length < this.size) {
      const command = workerCommand(runtime, { stage: this.stage, private: privatePaths.map((p) => path.resolve(p)), index: this.spawned++, extraBinds: this.extraBinds });
      const worker = new SandboxWorker(command, (dead) => {
        this.workers = this.workers.filter((w) => w !== dead);
        this.pump();
      });
      this.runtimeOf.set(worker, runtime);
      this.workers.push(worker);
      void worker.ready.then((problem) => {
        if (problem === null) {
          this.failure = null;
          this.failures = 0;
        } else {
          this.fail(problem.startsWith("numpy") ? `${RUNTIME_REQUIRED}: ${problem}` : `${SANDBOX_UNAVAILABLE}: ${problem}`);
          worker.kill();
        }
        this.pump();
      });
    }
  }

  /** Remember why, and retry later: 1 s, 2 s, 4 s … 60 s. The runtime is probed again then. */
  private fail(reason: string): void {
    this.failures += 1;
    this.failure = { reason, retryAt: Date.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 1)) };
    this.runtime = null;
    this.pump();
  }

  private dispatch(worker: SandboxWorker, next: Queued): void {
    worker.busy = true;
    void worker.run(this.nextId++, next.job).then((answer) => {
      worker.busy = false;
      next.resolve({ ...answer, isolation: this.runtimeOf.get(worker)?.isolation ?? null });
      if (answer.recycle || worker.jobs >= this.maxJobs) {
        if (answer.recycle) console.warn(`sandbox: replacing a worker: ${answer.recycle}`);
        this.workers = this.workers.filter((w) => w !== worker);
        worker.kill();
      }
      this.pump();
    });
  }

  close(): void {
    this.closed = true;
    for (const w of this.workers) w.kill();
    this.workers = [];
    for (const q of this.queue.splice(0)) q.resolve({ ok: false, error: "the sandbox is shut down" });
    this.stage?.close();
  }
}

const globalForSandbox = globalThis as unknown as { fieldworkSandbox?: SandboxPool };

export function getSandboxPool(): SandboxPool {
  if (!globalForSandbox.fieldworkSandbox) {
    const size = getEnv().SANDBOX_WORKERS ?? Math.max(1, os.cpus().length);
    globalForSandbox.fieldworkSandbox = new SandboxPool(size);
  }
  return globalForSandbox.fieldworkSandbox;
}

export function closeSandboxPool(): void {
  globalForSandbox.fieldworkSandbox?.close();
  globalForSandbox.fieldworkSandbox = undefined;
}

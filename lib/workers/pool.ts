// A small pool of worker threads for CPU-heavy work on untrusted input (LaTeX rendering, answer
// equivalence, import parsing), so that no request can hold the event loop. Each task has a time budget:
// a worker that overruns it is terminated (which stops even a tight loop) and replaced, and the task ends
// with OverBudget. Each worker has a heap limit: one that runs out of memory dies alone, the same way.
// Workers start on first use, stay warm, and never keep the process alive while idle.
import type { Worker } from "node:worker_threads";
import { OverBudget, PoolBusy, RefusedInput, type Position } from "./errors";

export type SpawnOptions = { memoryMb: number; progress: SharedArrayBuffer };
export type PoolOptions = {
  name: string;
  size: number;
  /** heap limit per worker (V8 old generation) */
  memoryMb: number;
  /** tasks allowed to wait for a worker; more are refused with PoolBusy */
  maxQueue: number;
  spawn: (options: SpawnOptions) => Worker;
  /** how long a worker may take to load its modules */
  startTimeoutMs?: number;
};
export type RunOptions = { budgetMs: number };

/** What a worker serves: task name → handler (see serve.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handlers = Record<string, (input: any, context: TaskContext) => unknown>;
/** Given to every handler: where it is in its input, read when it is stopped for overrunning. */
export type TaskContext = { reportPosition: (line: number, column: number) => void };

/** Messages between the pool and serve.ts. */
export type TaskRequest = { id: number; task: string; input: unknown };
export type TaskReply = { ready: true } | { id: number; ok: true; output: unknown } | { id: number; ok: false; error: { message: string; refused: boolean } };

type Job = { id: number; task: string; input: unknown; budgetMs: number; resolve: (v: unknown) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; progress: Int32Array; ready: boolean; job: Job | null; timer: NodeJS.Timeout | null; ended: boolean };

const START_TIMEOUT_MS = 60_000;

export class WorkerPool<H extends Handlers> {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  run<T extends keyof H & string>(task: T, input: Parameters<H[T]>[0], { budgetMs }: RunOptions): Promise<Awaited<ReturnType<H[T]>>> {
    if (this.closed) return Promise.reject(new Error(`The ${this.options.name} worker pool is closed.`));
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new PoolBusy(this.options.name));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, input, budgetMs, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Stop every worker; waiting and running tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error(`The ${this.options.name} worker pool was closed.`));
    await Promise.all([...this.slots].map((slot) => this.end(slot, new Error(`The ${this.options.name} worker pool was closed.`))));
  }

  /** Workers alive (starting or ready), for tests and health reports. */
  get size(): number {
    return this.slots.size;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) break;
      if (slot.ready && !slot.job) this.start(slot, this.queue.shift()!);
    }
    const starting = [...this.slots].filter((s) => !s.ready).length;
    // Start as many workers as there are waiting tasks, up to the pool size.
    for (let i = starting; i < this.queue.length && this.slots.size < this.options.size; i++) this.spawn();
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    Atomics.store(slot.progress, 0, 0);
    Atomics.store(slot.progress, 1, 0);
    slot.worker.ref(); // a task in flight keeps the process alive (the CLI awaits it)
    slot.timer = setTimeout(() => {
      const line = Atomics.load(slot.progress, 0);
      const position: Position | null = line > 0 ? { line, column: Atomics.load(slot.progress, 1) } : null;
      void this.end(slot, new OverBudget("time", job.budgetMs, position));
    }, job.budgetMs);
    slot.worker.postMessage({ id: job.id, task: job.task, input: job.input } satisfies TaskRequest);
  }

  private finish(slot: Slot, reply: Exclude<TaskReply, { ready: true }>): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    clearTimeout(slot.timer!);
    slot.job = null;
    slot.timer = null;
    slot.worker.unref();
    if (reply.ok) job.resolve(reply.output);
    else job.reject(reply.error.refused ? new RefusedInput(reply.error.message) : new Error(`${job.task} failed in a worker thread: ${reply.error.message}`));
    this.dispatch();
  }

  private spawn(): void {
    const progress = new SharedArrayBuffer(8);
    const worker = this.options.spawn({ memoryMb: this.options.memoryMb, progress });
    const slot: Slot = { worker, progress: new Int32Array(progress), ready: false, job: null, timer: null, ended: false };
    this.slots.add(slot);
    worker.ref(); // starting for a waiting task
    const startTimer = setTimeout(() => void this.end(slot, new Error(`a ${this.options.name} worker did not start within ${(this.options.startTimeoutMs ?? START_TIMEOUT_MS) / 1000} s`)), this.options.startTimeoutMs ?? START_TIMEOUT_MS);
    worker.on("message", (reply: TaskReply) => {
      if ("ready" in reply) {
        clearTimeout(startTimer);
        slot.ready = true;
        worker.unref();
        this.dispatch();
      } else {
        this.finish(slot, reply);
      }
    });
    worker.on("error", (error: Error & { code?: string }) => {
      clearTimeout(startTimer);
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      const reason = outOfMemory ? new OverBudget("memory", this.options.memoryMb, null) : new Error(`a ${this.options.name} worker failed: ${error.message}`);
      // A worker that cannot even start fails every task waiting for it (it would fail them all the same).
      if (!slot.ready && !outOfMemory) for (const job of this.queue.splice(0)) job.reject(reason);
      void this.end(slot, reason);
    });
    worker.on("exit", () => {
      clearTimeout(startTimer);
      void this.end(slot, new Error(`a ${this.options.name} worker stopped unexpectedly`));
    });
  }

  /** Stop a worker; its task (if any) ends with `reason`; a replacement starts if tasks are waiting. */
  private async end(slot: Slot, reason: Error): Promise<void> {
    if (slot.ended) return;
    slot.ended = true;
    this.slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    job?.reject(reason);
    if (!this.closed) this.dispatch();
    await slot.worker.terminate();
  }
}

import "server-only";
// A pool of warm Python workers (lib/sandbox/python/worker.py). Each worker runs one job at a time and
// forks a fresh child per job; a worker that stops answering or dies is killed and replaced, and the pool
// keeps serving. One pool per server process (workers start on first use).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { getEnv } from "../env";
import { getRuntime, workerCommand } from "./runtime";
import { RUNTIME_REQUIRED, type Isolation, type SandboxLimits } from "./types";

export type Job = { kind: "call" | "inspect"; code: string; function: string; calls: Record<string, unknown>[]; limits: SandboxLimits };
export type Answer = { ok: boolean; error?: string | null; results?: unknown[]; inspect?: unknown; unavailable?: boolean };

const WORKER_SCRIPT = path.join(process.cwd(), "lib", "sandbox", "python", "worker.py");
const START_TIMEOUT_MS = 60_000;
const ANSWER_MARGIN_MS = 5_000;

type Pending = { id: number; resolve: (a: Answer) => void; timer: NodeJS.Timeout };

class Worker {
  private proc: ChildProcessWithoutNullStreams;
  private tmpDir: string;
  private pending: Pending | null = null;
  readonly ready: Promise<Answer | null>; // null when ready, else why it could not start
  dead = false;

  constructor(private readonly runtime: { python: string; isolation: Isolation }, private readonly onExit: (w: Worker) => void) {
    this.tmpDir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-sandbox-"));
    const cmd = workerCommand(runtime, WORKER_SCRIPT, this.tmpDir);
    this.proc = spawn(cmd.command, cmd.args, { cwd: cmd.cwd, env: cmd.env as unknown as NodeJS.ProcessEnv, stdio: "pipe", detached: true });
    let settle: (v: Answer | null) => void;
    this.ready = new Promise((resolve) => (settle = resolve));
    const startTimer = setTimeout(() => settle({ ok: false, unavailable: true, error: `${RUNTIME_REQUIRED}: the worker did not start in ${START_TIMEOUT_MS / 1000} s` }), START_TIMEOUT_MS);
    let stderr = "";
    this.proc.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    this.proc.on("error", (e) => settle({ ok: false, unavailable: true, error: `${RUNTIME_REQUIRED}: ${e.message}` }));
    this.proc.on("exit", () => {
      clearTimeout(startTimer);
      settle({ ok: false, unavailable: true, error: `${RUNTIME_REQUIRED}: the worker exited at start. ${stderr.trim().slice(-300)}` });
      this.finish({ ok: false, error: "the sandbox worker stopped unexpectedly" });
      this.dead = true;
      rmSync(this.tmpDir, { recursive: true, force: true });
      this.onExit(this);
    });
    const lines = createInterface({ input: this.proc.stdout });
    let first = true;
    lines.on("line", (line) => {
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      if (first) {
        first = false;
        clearTimeout(startTimer);
        settle(message.ready ? null : { ok: false, unavailable: true, error: `${RUNTIME_REQUIRED}: ${String(message.error)}` });
        return;
      }
      if (this.pending && message.id === this.pending.id) this.finish(message as Answer);
    });
  }

  run(id: number, job: Job): Promise<Answer> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.finish({ ok: false, error: `the sandbox worker did not answer within ${(job.limits.wallMs + ANSWER_MARGIN_MS) / 1000} s and was replaced` });
        this.kill();
      }, job.limits.wallMs + ANSWER_MARGIN_MS);
      this.pending = { id, resolve, timer };
      this.proc.stdin.write(`${JSON.stringify({ id, ...job })}\n`);
    });
  }

  private finish(answer: Answer): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    p.resolve(answer);
  }

  kill(): void {
    if (this.dead) return;
    try {
      if (this.proc.pid) process.kill(-this.proc.pid, "SIGKILL"); // the whole process group
    } catch {
      this.proc.kill("SIGKILL");
    }
  }
}

type Queued = { job: Job; resolve: (a: Answer) => void };

export class SandboxPool {
  private workers: Worker[] = [];
  private assigned = new WeakSet<Worker>();
  private queue: Queued[] = [];
  private nextId = 1;
  private closed = false;
  /** Set when a worker cannot start (e.g. numpy missing): the pool stops spawning and answers with it. */
  private broken: Answer | null = null;

  constructor(readonly size: number) {}

  get isolation(): Isolation | null {
    const runtime = getRuntime();
    return "error" in runtime ? null : runtime.isolation;
  }

  /** Run a job; resolves with the worker's answer or a failure, never rejects. */
  run(job: Job): Promise<Answer> {
    const runtime = getRuntime();
    if ("error" in runtime) return Promise.resolve({ ok: false, unavailable: true, error: `${RUNTIME_REQUIRED}: ${runtime.error}` });
    if (this.broken) return Promise.resolve(this.broken);
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  }

  /** Start every worker now (otherwise they start on first use); resolves when they are ready. */
  async warm(): Promise<Answer | null> {
    const runtime = getRuntime();
    if ("error" in runtime) return { ok: false, unavailable: true, error: `${RUNTIME_REQUIRED}: ${runtime.error}` };
    this.fill(runtime);
    const states = await Promise.all(this.workers.map((w) => w.ready));
    return states.find((s) => s !== null) ?? null;
  }

  private fill(runtime: { python: string; isolation: Isolation }): void {
    while (!this.closed && !this.broken && this.workers.length < this.size) {
      this.workers.push(new Worker(runtime, (dead) => {
        this.workers = this.workers.filter((w) => w !== dead);
        this.dispatch();
      }));
    }
  }

  private dispatch(): void {
    const runtime = getRuntime();
    if ("error" in runtime || this.closed) return;
    if (this.broken) {
      for (const q of this.queue.splice(0)) q.resolve(this.broken);
      return;
    }
    this.fill(runtime);
    for (const worker of this.workers) {
      if (this.queue.length === 0) break;
      if (this.assigned.has(worker) || worker.dead) continue;
      const next = this.queue.shift()!;
      this.assigned.add(worker); // busy from assignment on, even while it is still starting
      void (async () => {
        const problem = await worker.ready;
        if (problem) {
          this.broken = problem;
          next.resolve(problem);
          worker.kill();
          this.dispatch();
          return;
        }
        const answer = await worker.run(this.nextId++, next.job);
        this.assigned.delete(worker);
        next.resolve(answer);
        this.dispatch();
      })();
    }
  }

  close(): void {
    this.closed = true;
    for (const w of this.workers) w.kill();
    this.workers = [];
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

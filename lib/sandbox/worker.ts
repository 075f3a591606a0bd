import "server-only";
// One warm Python worker process (lib/sandbox/python/worker.py) and its framed protocol: a header line
// and the job's payload in; frames of the job's raw result lines and a "done" line out (see worker.py).
// Every frame must carry the id and the random nonce of the job being run: anything else (a forgery, a
// worker gone wrong) ends the worker. Why a worker could not start is read only once its output has been
// read to the end, whatever order the process's events arrive in.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import { assembleAnswer, type Answer, type Done } from "./answer";
import type { SandboxLimits } from "./types";
import type { WorkerCommand } from "./worker-command";

export type Job = { kind: "call" | "inspect"; code: string; function: string; calls: Record<string, unknown>[]; limits: SandboxLimits };
export type { Answer } from "./answer";

const START_TIMEOUT_MS = 60_000;
const ANSWER_MARGIN_MS = 5_000;
const MAX_HEADER = 64 * 1024;

type Pending = { id: number; nonce: string; job: Job; output: Buffer[]; size: number; resolve: (a: Answer) => void; timer: NodeJS.Timeout };

export class SandboxWorker {
  private proc: ChildProcessWithoutNullStreams;
  private pending: Pending | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private rawLeft = 0; // bytes of the current chunk still to come
  private started = false;
  private settle!: (problem: string | null) => void;
  /** null once ready, else why it could not start. */
  readonly ready: Promise<string | null>;
  isReady = false;
  busy = false;
  dead = false;
  jobs = 0;

  constructor(command: WorkerCommand, private readonly onExit: (w: SandboxWorker) => void) {
    this.proc = spawn(command.command, command.args, { cwd: command.cwd, env: command.env as NodeJS.ProcessEnv, stdio: "pipe", detached: true });
    let settled = false;
    this.ready = new Promise((resolve) => (this.settle = (problem) => {
      if (settled) return;
      settled = true;
      this.isReady = problem === null;
      resolve(problem);
    }));
    const startTimer = setTimeout(() => {
      this.settle(`the worker did not start within ${START_TIMEOUT_MS / 1000} s`);
      this.kill();
    }, START_TIMEOUT_MS);
    void this.ready.then(() => clearTimeout(startTimer));
    let stderr = "";
    this.proc.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    this.proc.on("error", (e) => this.settle(`the worker could not be started: ${e.message}`));
    this.proc.stdin.on("error", () => {}); // a worker that died mid-write: 'close' reports it
    this.proc.stdout.on("data", (d: Buffer) => this.onData(d));
    // 'close' comes after the process exited and its stdout and stderr were read to the end.
    this.proc.on("close", (code, signal) => {
      this.settle(`the worker stopped while starting: ${stderr.trim() ? stderr.trim().split("\n").slice(-3).join(" ").slice(-400) : `it exited (${signal ?? `code ${code}`})`}`);
      this.finish({ ok: false, error: "the sandbox worker stopped unexpectedly" });
      this.dead = true;
      this.onExit(this);
    });
  }

  run(id: number, job: Job): Promise<Answer> {
    this.jobs += 1;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.violation(`the sandbox worker did not answer within ${(job.limits.wallMs + ANSWER_MARGIN_MS) / 1000} s and was replaced`), job.limits.wallMs + ANSWER_MARGIN_MS);
      const nonce = randomBytes(16).toString("hex");
      this.pending = { id, nonce, job, output: [], size: 0, resolve, timer };
      const payload = Buffer.from(JSON.stringify({ code: job.code, function: job.function, calls: job.calls }));
      const header = { id, nonce, kind: job.kind, limits: job.limits, calls: job.calls.length, size: payload.length };
      this.proc.stdin.write(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
    });
  }

  private onData(data: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
    while (this.buffer.length && !this.dead) {
      if (this.rawLeft > 0) {
        const take = Math.min(this.rawLeft, this.buffer.length);
        this.pending?.output.push(Buffer.from(this.buffer.subarray(0, take)));
        this.buffer = this.buffer.subarray(take);
        this.rawLeft -= take;
        continue;
      }
      const end = this.buffer.indexOf(10);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER) this.violation("the sandbox worker sent a malformed frame and was replaced");
        return;
      }
      const line = this.buffer.subarray(0, end).toString("utf8");
      this.buffer = this.buffer.subarray(end + 1);
      this.onLine(line);
    }
  }

  private onLine(line: string): void {
    let message: Record<string, unknown> | null = null;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      // a violation, below
    }
    if (!this.started) {
      this.started = true;
      return this.settle(message?.ready === true ? null : String(message?.error ?? line.slice(0, 300)));
    }
    const p = this.pending;
    if (!message || !p || message.id !== p.id || message.nonce !== p.nonce) return this.violation("the sandbox worker sent an answer it was not asked for and was replaced");
    if (typeof message.chunk === "number" && message.chunk > 0) {
      p.size += message.chunk;
      if (p.size > p.job.limits.outputBytes * (p.job.calls.length + 1) + 65_536) return this.violation("the sandbox worker sent more output than the limit and was replaced");
      this.rawLeft = message.chunk;
      return;
    }
    if (message.done !== true) return this.violation("the sandbox worker sent a malformed frame and was replaced");
    const done: Done = { reason: typeof message.reason === "string" ? message.reason : null, anomaly: typeof message.anomaly === "string" ? message.anomaly : null };
    this.finish(assembleAnswer(p.job.kind, p.job.calls.length, p.nonce, Buffer.concat(p.output), done));
  }

  private violation(error: string): void {
    this.finish({ ok: false, error, recycle: error });
    this.kill();
  }

  private finish(answer: Answer): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    clearTimeout(p.timer);
    p.resolve(answer);
  }

  /** Kill the worker's whole process group (bubblewrap takes its namespaces and every job with it). */
  kill(): void {
    if (this.dead) return;
    try {
      if (this.proc.pid) process.kill(-this.proc.pid, "SIGKILL");
    } catch {
      this.proc.kill("SIGKILL");
    }
  }
}

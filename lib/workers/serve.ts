// The worker side of pool.ts: answer each task message with its handler's result (or its error), and say
// "ready" once the handlers' modules are loaded, so that a task's time budget never pays for loading them.
// The thread runs at a lower CPU priority than the event loop: on a busy machine a bomb being worked on here
// must not slow the requests the server is answering meanwhile.
import { readlinkSync } from "node:fs";
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { isRefusedInput } from "./errors";
import type { Handlers, TaskReply, TaskRequest } from "./pool";

/** How much nicer than the process task threads are (Linux keeps niceness per thread; elsewhere this is skipped). */
const NICER_BY = 5;

function lowerPriority(): void {
  try {
    // /proc/thread-self → "<pid>/task/<tid>": setpriority on a thread id changes that thread alone.
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, Math.min(19, os.getPriority(tid) + NICER_BY));
  } catch {
    // not Linux, or not allowed: the thread keeps the process's priority
  }
}

/** Node's pool of small Buffers is an 8 KiB ArrayBuffer shared by many of them: never hand that one over. */
const OWN_BUFFER_BYTES = 64 * 1024;

/**
 * The large byte arrays of a task's output (an export batch's lines), handed over to the server's thread instead
 * of copied: looked for in the output and a few levels of small objects and arrays under it.
 */
function transferables(output: unknown, depth = 0, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (output instanceof Uint8Array) {
    if (output.buffer instanceof ArrayBuffer && output.buffer.byteLength >= OWN_BUFFER_BYTES) found.add(output.buffer);
  } else if (depth < 3 && typeof output === "object" && output !== null) {
    const values = Array.isArray(output) ? (output.length <= 16 ? output : []) : Object.values(output);
    for (const v of values) transferables(v, depth + 1, found);
  }
  return [...found];
}

export function serveTasks(handlers: Handlers): void {
  const port = parentPort;
  if (!port) throw new Error("serveTasks runs in a worker thread.");
  lowerPriority();
  const progress = new Int32Array((workerData as { progress: SharedArrayBuffer }).progress);
  const context = {
    reportPosition(line: number, column: number) {
      Atomics.store(progress, 0, line);
      Atomics.store(progress, 1, column);
    },
  };
  port.on("message", async ({ id, task, input }: TaskRequest) => {
    let reply: TaskReply;
    try {
      const handler = handlers[task];
      if (!handler) throw new Error(`unknown task "${task}"`);
      reply = { id, ok: true, output: await handler(input, context) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reply = { id, ok: false, error: { message, refused: isRefusedInput(error) } };
    }
    port.postMessage(reply, reply.ok ? transferables(reply.output) : []);
  });
  port.postMessage({ ready: true } satisfies TaskReply);
}

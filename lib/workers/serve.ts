// The worker side of pool.ts: answer each task message with its handler's result (or its error), and say
// "ready" once the handlers' modules are loaded, so that a task's time budget never pays for loading them.
import { parentPort, workerData } from "node:worker_threads";
import { RefusedInput } from "./errors";
import type { Handlers, TaskReply, TaskRequest } from "./pool";

export function serveTasks(handlers: Handlers): void {
  const port = parentPort;
  if (!port) throw new Error("serveTasks runs in a worker thread.");
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
      reply = { id, ok: false, error: { message, refused: error instanceof RefusedInput } };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies TaskReply);
}

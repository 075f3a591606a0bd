// What a task run off the event loop can end with, besides its result. Shared by both sides of the pool.
// Recognise them with the is… functions, not instanceof: Next.js may load this module once per layer (route
// handlers, server components) while the pool, shared by the process, creates the errors in one of them.

const REFUSED = Symbol.for("fieldwork.workers.RefusedInput");

/** The input is refused for a reason its author can act on (a bomb, a limit): callers answer 4xx with it. */
export class RefusedInput extends Error {
  readonly [REFUSED] = true;
  constructor(message: string) {
    super(message);
    this.name = "RefusedInput";
  }
}

export function isRefusedInput(error: unknown): error is RefusedInput {
  return typeof error === "object" && error !== null && (error as { [REFUSED]?: boolean })[REFUSED] === true;
}

export function isOverBudget(error: unknown): error is OverBudget {
  return isRefusedInput(error) && error.name === "OverBudget";
}

export function isPoolBusy(error: unknown): error is PoolBusy {
  return error instanceof Error && error.name === "PoolBusy";
}

export type Position = { line: number; column: number };

/** The task ran past its time budget or its memory limit; its worker was stopped and replaced. */
export class OverBudget extends RefusedInput {
  constructor(
    readonly kind: "time" | "memory",
    readonly limit: number,
    /** where the task said it was when it was stopped (see reportPosition), if it said */
    readonly position: Position | null,
  ) {
    super(kind === "time" ? `it took longer than ${limit.toLocaleString("en")} ms` : `it needed more than ${limit.toLocaleString("en")} MB of memory`);
    this.name = "OverBudget";
  }
}

/** Too many tasks are already waiting: try again later. */
export class PoolBusy extends Error {
  constructor(pool: string) {
    super(`The server is busy (${pool}); try again in a moment.`);
    this.name = "PoolBusy";
  }
}

// The worker pool: results, refusals and bugs cross the thread boundary; a task past its time budget or heap
// limit is stopped without stopping the event loop, its worker is replaced, and the pool keeps serving.
import { afterAll, describe, expect, it } from "vitest";
import { isOverBudget, isRefusedInput, OverBudget, PoolBusy, RefusedInput } from "./errors";
import { WorkerPool } from "./pool";
import { spawnTestWorker } from "../../tests/support/spawn-test-worker";
import type { TEST_TASKS } from "../../tests/support/pool-test-entry";

const ENTRY = new URL("../../tests/support/pool-test-entry.ts", import.meta.url);
const pools: WorkerPool<typeof TEST_TASKS>[] = [];

function testPool(options: Partial<{ size: number; memoryMb: number; maxQueue: number; entry: URL }> = {}) {
  const pool = new WorkerPool<typeof TEST_TASKS>({
    name: "test",
    size: options.size ?? 1,
    memoryMb: options.memoryMb ?? 128,
    maxQueue: options.maxQueue ?? 10,
    spawn: (o) => spawnTestWorker(options.entry ?? ENTRY, o),
  });
  pools.push(pool);
  return pool;
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe("WorkerPool", () => {
  it("runs tasks in a worker thread and returns their results", async () => {
    const pool = testPool({ size: 2 });
    const results = await Promise.all([1, 2, 3].map((n) => pool.run("echo", { value: { n } }, { budgetMs: 10_000 })));
    expect(results).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(pool.size).toBeLessThanOrEqual(2);
  });

  it("stops a task past its time budget without blocking the event loop, says where it was, and keeps serving", async () => {
    const pool = testPool();
    await pool.run("echo", { value: "warm" }, { budgetMs: 10_000 });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const outcome = await pool.run("spin", {}, { budgetMs: 500 }).catch((e: unknown) => e);
    clearInterval(ticker);
    expect(outcome).toBeInstanceOf(OverBudget);
    expect(outcome).toMatchObject({ kind: "time", limit: 500, position: { line: 7, column: 3 } });
    expect(isOverBudget(outcome) && isRefusedInput(outcome)).toBe(true); // (how code in other module instances asks)
    expect(isOverBudget(new RefusedInput("x")) || isRefusedInput(new Error("x"))).toBe(false);
    // The loop spun in the worker: this thread kept running its timers meanwhile.
    expect(ticks).toBeGreaterThan(5);
    expect(await pool.run("echo", { value: "after" }, { budgetMs: 10_000 })).toBe("after");
  });

  it("stops a task past its heap limit and keeps serving", async () => {
    const pool = testPool({ memoryMb: 64 });
    const outcome = await pool.run("allocate", {}, { budgetMs: 60_000 }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(OverBudget);
    expect(outcome).toMatchObject({ kind: "memory", limit: 64, message: "it needed more than 64 MB of memory" });
    expect(await pool.run("echo", { value: 1 }, { budgetMs: 10_000 })).toBe(1);
  });

  it("passes a refusal on as RefusedInput and a bug as a plain error", async () => {
    const pool = testPool();
    const refused = await pool.run("refuse", {}, { budgetMs: 10_000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RefusedInput);
    expect(refused).toMatchObject({ message: "the input is a bomb" });
    const bug = await pool.run("fail", {}, { budgetMs: 10_000 }).catch((e: unknown) => e);
    expect(bug).not.toBeInstanceOf(RefusedInput);
    expect(bug).toMatchObject({ message: "fail failed in a worker thread: a bug" });
  });

  it("refuses tasks beyond its queue, and fails waiting tasks when a worker cannot start", async () => {
    const pool = testPool({ maxQueue: 1 });
    await pool.run("echo", { value: "warm" }, { budgetMs: 10_000 });
    const spinning = pool.run("spin", {}, { budgetMs: 1000 }).catch((e: unknown) => e);
    const queued = pool.run("echo", { value: "queued" }, { budgetMs: 10_000 });
    const waiting = pool.run("echo", { value: "two" }, { budgetMs: 10_000 }).catch((e: unknown) => e);
    await expect(Promise.all([waiting, spinning])).resolves.toEqual([expect.any(PoolBusy), expect.any(OverBudget)]);
    expect(await queued).toBe("queued");

    const broken = testPool({ entry: new URL("../../tests/support/broken-worker-entry.ts", import.meta.url) });
    await expect(broken.run("echo", { value: 1 }, { budgetMs: 10_000 })).rejects.toThrow(/worker failed: cannot load the task modules/);
  });
});

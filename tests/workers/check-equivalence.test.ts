// POST /api/equivalence's checker runs in a worker thread: a normal pair is judged as before (options passed
// through), and two 2,000-element lists — 34 s on the event loop before — end at the budget as a 422.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../lib/env";
import { errorResponse } from "../../lib/http/with-route";
import { checkEquivalenceOffThread } from "../../lib/workers/check-equivalence";
import { closeWorkerPools } from "../../lib/workers/run-task";

afterAll(() => closeWorkerPools());
afterEach(() => {
  delete process.env.EQUIVALENCE_MS;
  resetEnvCache();
});

/** `\frac{0x}{y+0}+\frac{1x}{y+1}+…`: long to read and evaluate, whatever caps lists have. */
const longSum = (terms: number, offset = 0) => Array.from({ length: terms }, (_, i) => `\\frac{${i + offset}x}{y+${i}}`).join("+");

describe("checkEquivalenceOffThread", () => {
  it("judges a pair, with the options given", async () => {
    expect(await checkEquivalenceOffThread("\\frac{g^2}{16\\pi^2}", "g^2/(4\\pi)^2")).toMatchObject({ equivalent: true });
    expect(await checkEquivalenceOffThread("1", "1.01")).toMatchObject({ equivalent: false });
    expect(await checkEquivalenceOffThread("1", "1.01", { tolerance: { rel: 0.1 } })).toMatchObject({ equivalent: true });
  }, 60_000);

  it("answers 422 'cannot decide: too large' past the budget, without holding this thread, and keeps serving", async () => {
    process.env.EQUIVALENCE_MS = "100";
    resetEnvCache();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const refused = errorResponse(await checkEquivalenceOffThread(longSum(800), longSum(800, 1)).catch((e: unknown) => e));
    clearInterval(ticker);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toBe("Cannot decide: too large — comparing these answers took longer than 100 ms (EQUIVALENCE_MS).");
    expect(ticks).toBeGreaterThan(2); // this thread's timers ran meanwhile
    delete process.env.EQUIVALENCE_MS;
    resetEnvCache();
    expect(await checkEquivalenceOffThread("x", "x")).toMatchObject({ equivalent: true });
  }, 60_000);

  it("ends two 2,000-element lists (34 s on the event loop before) as 'cannot decide: too large'", async () => {
    const list = Array.from({ length: 2000 }, (_, i) => `x_{${i}}`).join(", ");
    const reversed = list.split(", ").reverse().join(", ");
    const outcome = await checkEquivalenceOffThread(list, reversed).catch((e: unknown) => e);
    // Our budget answers 422; the checker may also refuse such lists itself, as an undecided verdict.
    if (outcome instanceof Error) expect(errorResponse(outcome).status).toBe(422);
    const text = outcome instanceof Error ? outcome.message : (outcome as { reason: string }).reason;
    expect(text).toMatch(/too large/i);
  }, 60_000);
});

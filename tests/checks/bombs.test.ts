// Hostile LaTeX and answers in a check run end as located check failures, rendered and evaluated in worker
// threads (lib/workers) within their budgets: macro bombs are stopped by the expansion bound, and whatever
// passes the bounds but runs too long by the time budget, at the place it had reached.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { runChecks } from "../../lib/checks/run-checks";
import { resetEnvCache } from "../../lib/env";
import { createItem } from "../../lib/items/create-item";
import { saveItem } from "../../lib/items/save-item";
import { closeSandboxPool } from "../../lib/sandbox/pool";
import { closeWorkerPools } from "../../lib/workers/run-task";
import { doublingBomb } from "../support/latex-bombs";
import { makeSeed, makeUser, useTestDatabase } from "../support/db";
import { GOOD_ITEM } from "../support/item-fixtures";

const ENV_KEYS = ["LATEX_RENDER_MS", "LATEX_MAX_EXPANDED_TOKENS", "EQUIVALENCE_MS"] as const;

function setEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  Object.assign(process.env, values);
  resetEnvCache();
}

describe("checks on hostile input", () => {
  useTestDatabase();
  let author: SessionUser;
  beforeAll(async () => {
    author = await makeUser("ANNOTATOR");
  });
  afterEach(() => {
    for (const key of ENV_KEYS) delete process.env[key];
    resetEnvCache();
  });
  afterAll(async () => {
    closeSandboxPool();
    await closeWorkerPools();
  });

  async function itemWith(patch: Partial<typeof GOOD_ITEM>) {
    const { id } = await createItem(author, { seedId: (await makeSeed()).id });
    // A statement of its own: other test files look for near-duplicates of GOOD_ITEM's.
    const statement = `Bombs ${randomUUID()}: ${GOOD_ITEM.statement}`;
    await saveItem(author, id, { version: 1, ...GOOD_ITEM, statement, ...patch });
    return id;
  }

  it("a statement of nested macros that double their argument fails 'LaTeX renders' at the formula", async () => {
    const statement = `${GOOD_ITEM.statement}\n\nAlso ${doublingBomb(17)}.`;
    const run = await runChecks(author, await itemWith({ statement }));
    const failed = run.results.filter((r) => r.id === "latex-renders" && r.status === "fail");
    expect(failed).toEqual([expect.objectContaining({ field: "statement", line: 5, column: 6, message: expect.stringMatching(/Macro expansion produces too much/) })]);
    expect(run.passed).toBe(false);
  }, 60_000);

  it("a render past its time budget is stopped: 'too complex to render' at the place it had reached", async () => {
    // Without the expansion bound the same bomb runs for minutes: the time budget is the second line.
    setEnv({ LATEX_RENDER_MS: "1500", LATEX_MAX_EXPANDED_TOKENS: "10000000" });
    const solution = `${GOOD_ITEM.solution}\n\nThen ${doublingBomb(16)}.`; // (4 s here without the bound)
    const run = await runChecks(author, await itemWith({ solution }));
    const failed = run.results.filter((r) => r.id === "latex-renders" && r.status === "fail");
    expect(failed).toEqual([expect.objectContaining({ field: "solution", line: 3, column: 6, message: expect.stringMatching(/too complex to render: it took longer than 1,500 ms/) })]);
    // The pool replaced the stopped worker: the next run renders as usual.
    setEnv({});
    const again = await runChecks(author, await itemWith({}));
    expect(again.results.filter((r) => r.id === "latex-renders")).toEqual([expect.objectContaining({ status: "pass" })]);
  }, 60_000);

  it("a solution whose formulas take too long to compare with the final answer is 'cannot decide' at the solution", async () => {
    // 12 candidate formulas, each a 75-element list to match against the answer's: seconds of comparing.
    setEnv({ EQUIVALENCE_MS: "200" });
    const list = (shift: number) => Array.from({ length: 75 }, (_, i) => `x_{${((i * 7 + shift) % 75) + (shift ? 1 : 0)}}`).join(", ");
    const finalAnswer = list(0);
    expect(finalAnswer.length).toBeLessThan(600); // (longer answers are not compared at all)
    const solution = Array.from({ length: 12 }, (_, k) => `Step ${k}: \\[ ${list(k + 1)} \\]`).join("\n\n");
    const run = await runChecks(author, await itemWith({ finalAnswer, solution }));
    expect(run.results.find((r) => r.id === "solution-reaches-answer")).toMatchObject({
      status: "fail", blocking: false, field: "solution", message: expect.stringMatching(/^Cannot decide: too large to compare \(it took longer than 200 ms/),
    });
  }, 60_000);

  it("a final answer too large to evaluate within the budget is 'cannot decide' at the field", async () => {
    setEnv({ EQUIVALENCE_MS: "50" });
    // 790 terms: under the checker's 20,000-character cap, several times the budget to read and evaluate.
    const finalAnswer = Array.from({ length: 790 }, (_, i) => `\\frac{${i}\\omega}{n+${i}}`).join("+");
    const run = await runChecks(author, await itemWith({ finalAnswer }));
    expect(run.results.find((r) => r.id === "final-answer-vs-code")).toMatchObject({
      status: "fail", blocking: false, field: "finalAnswer", message: expect.stringMatching(/Cannot decide: too large to evaluate \(it took longer than 50 ms/),
    });
  }, 60_000);
});

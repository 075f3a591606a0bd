// Checks end to end in the data layer: real PostgreSQL, real Python sandbox. A correct item passes and
// can be submitted; a stale expected value blocks submission; compute-expected fills the table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "../../lib/http/with-route";
import type { SessionUser } from "../../lib/auth/types";
import { getLatestCheckRun, runChecks } from "../../lib/checks/run-checks";
import { createItem } from "../../lib/items/create-item";
import { computeExpected } from "../../lib/items/compute-expected";
import { getItem } from "../../lib/items/get-item";
import { saveItem } from "../../lib/items/save-item";
import { submitItem } from "../../lib/items/submit-item";
import { closeSandboxPool } from "../../lib/sandbox/pool";
import { makeSeed, makeUser, useTestDatabase } from "../support/db";
import { GOOD_ITEM } from "../support/item-fixtures";

async function goodItem(author: SessionUser, patch: Partial<typeof GOOD_ITEM> = {}) {
  const { id } = await createItem(author, { seedId: (await makeSeed()).id });
  const { version } = await saveItem(author, id, { version: 1, ...GOOD_ITEM, ...patch });
  return { id, version };
}

describe("checks with the sandbox", () => {
  useTestDatabase();
  let author: SessionUser;
  let other: SessionUser;
  beforeAll(async () => {
    author = await makeUser("ANNOTATOR");
    other = await makeUser("ANNOTATOR");
  });
  afterAll(() => closeSandboxPool());

  it("pass on a correct item, are stored per version, and let it be submitted", async () => {
    const { id, version } = await goodItem(author);
    const run = await runChecks(author, id);
    // Only warnings may fail (other test files store items with the same statement: near-duplicates).
    expect(run.results.filter((r) => r.status === "fail" && r.blocking)).toEqual([]);
    expect(run).toMatchObject({ version, passed: true, isolation: expect.stringMatching(/bwrap|rlimits/) });
    expect(await getLatestCheckRun(author, id)).toMatchObject({ runId: run.runId, passed: true });
    expect(await submitItem(author, id, { version })).toMatchObject({ status: "SUBMITTED" });
  }, 60_000);

  it("catch code edited without refreshing expected outputs, and block submission with the reasons", async () => {
    const { id, version } = await goodItem(author, { referenceCode: "def energy(n: int, omega: float) -> float:\n    return omega * n\n" });
    const run = await runChecks(author, id);
    expect(run.passed).toBe(false);
    expect(run.results.filter((r) => r.id === "expected-matches" && r.status === "fail").map((r) => r.field)).toEqual([
      "testCases.0.expected", "testCases.1.expected", "testCases.2.expected",
    ]);
    const refused = errorResponse(await submitItem(author, id, { version }).catch((e: unknown) => e));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { details: { blockers: { check: string }[] } }).details.blockers[0].check).toBe("expected-matches");
    expect((await getItem(author, id)).status).toBe("DRAFT");

    // "Compute expected" gives the code's outputs; saving them makes the checks pass.
    const computed = await computeExpected(author, id);
    expect(computed.outputs).toEqual([{ value: 0 }, { value: 2 }, { value: 1.5 }]);
    const testCases = GOOD_ITEM.testCases.map((tc, i) => ({ ...tc, expected: (computed.outputs[i] as { value: number }).value }));
    const saved = await saveItem(author, id, { version, testCases });
    expect((await runChecks(author, id)).passed).toBe(true);
    expect(await submitItem(author, id, { version: saved.version })).toMatchObject({ status: "SUBMITTED" });
  }, 60_000);

  it("list near-duplicate statements of other items as a warning with links", async () => {
    // Other test files store items with GOOD_ITEM's statement too: a statement of their own ranks this pair first.
    const statement = `${GOOD_ITEM.statement} Near-duplicate pair ${Date.now()}-${Math.random()}.`;
    const first = await goodItem(author, { statement });
    const second = await goodItem(author, { statement });
    const run = await runChecks(author, second.id);
    const dup = run.results.find((r) => r.id === "near-duplicates")!;
    expect(dup).toMatchObject({ status: "fail", blocking: false });
    expect(dup.links!.map((l) => l.href)).toContain(`/items/${first.id}`);
    expect(run.passed).toBe(true);
  }, 60_000);

  it("are refused to another annotator", async () => {
    const { id } = await goodItem(author);
    expect(errorResponse(await runChecks(other, id).catch((e: unknown) => e)).status).toBe(403);
    expect(errorResponse(await computeExpected(other, id).catch((e: unknown) => e)).status).toBe(403);
  });
});

// Checks end to end in the data layer: real PostgreSQL, real Python sandbox. A correct item passes and
// can be submitted; a stale expected value blocks submission; compute-expected fills the table.
import { randomUUID } from "node:crypto";
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

  it("hold for a later version with the same fields: a submit does not make the run out of date", async () => {
    const { id, version } = await goodItem(author);
    const run = await runChecks(author, id);
    const submitted = await submitItem(author, id, { version });
    expect(submitted.version).toBe(version + 1);
    // The submitted version has the fields that were checked: the run stored for the version before is its run.
    expect(submitted.fieldsHash).toBe(run.fieldsHash);
    expect((await getItem(author, id)).fieldsHash).toBe(run.fieldsHash);
    expect(await getLatestCheckRun(author, id, submitted.version)).toMatchObject({ runId: run.runId, version });
    // An edit changes the fields: no run holds for the new version until checks run again.
    const edited = await saveItem(author, id, { version: submitted.version, description: "Edited after submitting.", withdraw: true });
    expect(await getLatestCheckRun(author, id, edited.version)).toBeNull();
    expect(await getLatestCheckRun(author, id, version)).toMatchObject({ runId: run.runId });
  }, 60_000);

  it("report the checks of a code's outputs as not run when the code has a syntax error, and block submission", async () => {
    const { id, version } = await goodItem(author, { referenceCode: "def energy(n: int, omega: float) -> float\n    return omega * (n + 0.5)\n" });
    const run = await runChecks(author, id);
    const status = (check: string) => run.results.find((r) => r.id === check)?.status;
    expect([status("reference-runs"), status("output-types"), status("expected-matches"), status("tests-discriminate")]).toEqual(["fail", "not_run", "not_run", "not_run"]);
    expect(run.results.find((r) => r.id === "output-types")!.message).toMatch(/^Not run: the reference code did not run \(SyntaxError/);
    const refused = errorResponse(await submitItem(author, id, { version }).catch((e: unknown) => e));
    expect(((await refused.json()) as { details: { blockers: { check: string }[] } }).details.blockers.map((b) => b.check)).toEqual(
      expect.arrayContaining(["output-types", "expected-matches", "tests-discriminate"]),
    );
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
    // A statement of their own, so other tests' items with the fixture's statement do not crowd them out.
    const statement = `${GOOD_ITEM.statement} Particle ${randomUUID()}.`;
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

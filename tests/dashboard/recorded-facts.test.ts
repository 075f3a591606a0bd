// The facts the dashboard reads are recorded by the app itself: which check runs gated a submit attempt and
// which were approval's re-runs (and which checks failed in them), and on each Review the submission time,
// the item's author and source (copied by the database trigger). Real PostgreSQL and the real sandbox.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/types";
import { runChecks } from "../../lib/checks/run-checks";
import { createItem } from "../../lib/items/create-item";
import { saveItem } from "../../lib/items/save-item";
import { submitItem } from "../../lib/items/submit-item";
import { decideItem } from "../../lib/review/decide-item";
import { GOOD_ITEM } from "../support/item-fixtures";
import { makeSeed, makeUser, useTestDatabase } from "../support/db";

let author: SessionUser;
let lead: SessionUser;

const runsOf = (itemId: string) => getDb().checkRun.findMany({ where: { itemId }, orderBy: { createdAt: "asc" }, select: { purpose: true, failedChecks: true, results: true } });

describe("facts recorded for the dashboard", () => {
  useTestDatabase();
  beforeAll(async () => {
    author = await makeUser("ANNOTATOR");
    lead = await makeUser("LEAD");
  });

  it("marks the run that gated a submit and approval's re-run, with the checks that failed in each", async () => {
    const seed = await makeSeed();
    const { id } = await createItem(author, { seedId: seed.id });
    const saved = await saveItem(author, id, { version: 1, ...GOOD_ITEM });
    await runChecks(author, id);
    expect((await runsOf(id)).map((r) => r.purpose)).toEqual(["MANUAL"]);
    const submitted = await submitItem(author, id, { version: saved.version });
    // The stored run of the submitted version was reused, so it is the submit attempt's.
    expect((await runsOf(id)).map((r) => r.purpose)).toEqual(["SUBMIT"]);
    await decideItem(lead, id, { version: submitted.version, decision: "APPROVE" });
    const runs = await runsOf(id);
    expect(runs.map((r) => r.purpose)).toEqual(["SUBMIT", "APPROVAL"]);
    for (const run of runs) {
      const failing = (run.results as { id: string; passed: boolean }[]).filter((r) => !r.passed).map((r) => r.id);
      expect(run.failedChecks).toEqual([...new Set(failing)]);
    }

    const item = await getDb().item.findUniqueOrThrow({ where: { id }, select: { submittedAt: true, sourceId: true } });
    const review = await getDb().review.findFirstOrThrow({ where: { itemId: id } });
    expect(review).toMatchObject({ submittedAt: item.submittedAt, itemAuthorId: author.id, itemSourceId: seed.sourceId });
    expect(item.sourceId).toBe(seed.sourceId);
  });

  it("records a refused submit attempt's run with its failing checks", async () => {
    const seed = await makeSeed();
    const { id } = await createItem(author, { seedId: seed.id });
    await expect(submitItem(author, id, { version: 1 })).rejects.toMatchObject({ code: "INVALID" });
    const [run] = await runsOf(id);
    expect(run.purpose).toBe("SUBMIT");
    expect(run.failedChecks).toContain("complete-fields");
  });
});

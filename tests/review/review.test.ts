// Review decisions against a real PostgreSQL and the real sandbox: four eyes, version binding, approval
// re-running the checks, a race between two approvals, request changes → resubmit, reject → reopen,
// anchored comments with suggested replacements.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/types";
import { createItem } from "../../lib/items/create-item";
import { saveItem } from "../../lib/items/save-item";
import { submitItem } from "../../lib/items/submit-item";
import { addComment, listComments, setCommentResolved } from "../../lib/review/comments";
import { applySuggestion } from "../../lib/review/apply-suggestion";
import { decideItem } from "../../lib/review/decide-item";
import { listReviewQueue } from "../../lib/review/list-queue";
import { reopenItem } from "../../lib/review/reopen-item";
import { getReview } from "../../lib/review/get-review";
import { GOOD_ITEM } from "../support/item-fixtures";
import { makeSeed, makeUser, useTestDatabase } from "../support/db";

let author: SessionUser;
let lead: SessionUser;
let admin: SessionUser;

/** A submitted item with every blocking check passing: → its id and submitted version. */
async function submittedItem(): Promise<{ id: string; version: number }> {
  const seed = await makeSeed();
  const { id } = await createItem(author, { seedId: seed.id });
  const saved = await saveItem(author, id, { version: 1, ...GOOD_ITEM });
  const submitted = await submitItem(author, id, { version: saved.version });
  expect(submitted.status).toBe("SUBMITTED");
  return { id, version: submitted.version };
}

describe("review decisions", () => {
  useTestDatabase();
  beforeAll(async () => {
    author = await makeUser("ANNOTATOR");
    lead = await makeUser("LEAD");
    admin = await makeUser("ADMIN");
  });

  it("approves the version reviewed after re-running the checks, and records who and when", async () => {
    const { id, version } = await submittedItem();
    const before = await getDb().checkRun.count({ where: { itemId: id } });
    expect(await decideItem(lead, id, { version, decision: "APPROVE" })).toEqual({ status: "APPROVED", version });
    const item = await getDb().item.findUniqueOrThrow({ where: { id } });
    expect(item).toMatchObject({ status: "APPROVED", approvedVersion: version, approvedById: lead.id, lastReviewedVersion: version });
    expect(item.approvedAt).toBeInstanceOf(Date);
    expect(await getDb().checkRun.count({ where: { itemId: id } })).toBe(before + 1);
    expect(await getDb().review.findFirst({ where: { itemId: id } })).toMatchObject({ decision: "APPROVE", reviewerId: lead.id, version });
    expect(await getDb().auditEvent.count({ where: { entityId: id, action: "item.approve" } })).toBe(1);
  });

  it("filters the queue by source (copied from the seed on insert) and counts the filter's total", async () => {
    const { id } = await submittedItem();
    const source = await getDb().item.findUniqueOrThrow({ where: { id }, select: { seed: { select: { source: { select: { identifier: true } } } } } });
    const page = await listReviewQueue(lead, { source: source.seed.source.identifier });
    expect(page.items.map((r) => r.id)).toEqual([id]);
    expect(page.total).toBe(1);
    expect(await listReviewQueue(lead, { source: "no-such-source" })).toMatchObject({ items: [], total: 0 });
  });

  it("filters by topic, level, difficulty, check state and submission time, and pages by keyset without losing or repeating an item", async () => {
    const topic = `Queue topic ${Date.now()}`;
    const items: string[] = [];
    for (const [i, level] of (["GRADUATE", "GRADUATE", "ADVANCED_UNDERGRADUATE"] as const).entries()) {
      const seed = await makeSeed();
      const { id } = await createItem(author, { seedId: seed.id });
      const saved = await saveItem(author, id, { version: 1, ...GOOD_ITEM, topic, level, difficulty: i === 0 ? "HARD" : "MEDIUM" });
      await submitItem(author, id, { version: saved.version });
      items.push(id);
    }
    const ids = async (filter: Record<string, unknown>) => (await listReviewQueue(lead, { topic, ...filter })).items.map((r) => r.id);
    expect(await ids({})).toEqual(items); // oldest submission first
    expect(await ids({ level: "GRADUATE" })).toEqual(items.slice(0, 2));
    expect(await ids({ difficulty: "HARD" })).toEqual([items[0]]);
    // The newest check run's outcome (the submit gate's run): the same for the three, and no other state matches.
    const states = await getDb().item.findMany({ where: { id: { in: items } }, select: { checkState: true } });
    const state = states[0].checkState!;
    expect(states.every((x) => x.checkState === state)).toBe(true);
    expect(await ids({ checks: state })).toEqual(items);
    for (const other of (["PASSING", "WARNINGS", "FAILING"] as const).filter((x) => x !== state)) expect(await ids({ checks: other })).toEqual([]);
    const second = await getDb().item.findUniqueOrThrow({ where: { id: items[1] }, select: { submittedAt: true } });
    expect(await ids({ submittedAfter: second.submittedAt!.toISOString() })).toEqual(items.slice(1));
    expect(await ids({ submittedBefore: new Date(second.submittedAt!.getTime() - 1).toISOString() })).toEqual(items.slice(0, 1));
    // Pages of one: every item once, in order, each page with the filter's total.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReviewQueue(lead, { topic, limit: 1, cursor });
      expect(page.total).toBe(3);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(items);
  });

  it("puts a withdrawal and an edit of an approved item on the record (audit event and timeline)", async () => {
    const first = await submittedItem();
    const withdrawn = await saveItem(author, first.id, { version: first.version, withdraw: true, solution: `${GOOD_ITEM.solution} Revised.` });
    expect(withdrawn.status).toBe("DRAFT");
    expect(await getDb().auditEvent.findFirst({ where: { entityId: first.id, action: "item.withdraw" } })).toMatchObject({ actorId: author.id, data: { from: "SUBMITTED", to: "DRAFT", version: withdrawn.version } });
    const second = await submittedItem();
    await decideItem(lead, second.id, { version: second.version, decision: "APPROVE" });
    const edited = await saveItem(author, second.id, { version: second.version, solution: `${GOOD_ITEM.solution} Revised.` });
    expect(await getDb().auditEvent.findFirst({ where: { entityId: second.id, action: "item.edit-approved" } })).toMatchObject({ actorId: author.id, data: { from: "APPROVED", to: "DRAFT", version: edited.version } });
    // the save and the status change it made, at one moment (as in one transaction): the change is listed first
    const moment = new Date(Date.now() + 3_600_000); // later than everything else of the item
    await getDb().itemRevision.updateMany({ where: { itemId: second.id, version: edited.version }, data: { createdAt: moment } });
    await getDb().auditEvent.updateMany({ where: { entityId: second.id, action: "item.edit-approved" }, data: { createdAt: moment } });
    await getDb().$executeRaw`UPDATE "Review" SET "createdAt" = ${moment}::timestamptz - interval '1 minute' WHERE "itemId" = ${second.id}::uuid`;
    await getDb().$executeRaw`UPDATE "CheckRun" SET "createdAt" = ${moment}::timestamptz - interval '1 minute' WHERE "itemId" = ${second.id}::uuid`;
    const review = await getReview(lead, second.id);
    expect(review.timeline.slice(0, 2)).toMatchObject([
      { kind: "event", text: "edited the approved item: a new draft" },
      { kind: "saved", text: `saved v${edited.version}` },
    ]);
    // A save that changes no status records nothing more.
    await saveItem(author, second.id, { version: edited.version, solution: `${GOOD_ITEM.solution} Revised twice.` });
    expect(await getDb().auditEvent.count({ where: { entityId: second.id, action: { in: ["item.withdraw", "item.edit-approved"] } } })).toBe(1);
  });

  it("refuses the author, the last editor (a lead too) and annotators, with the reason", async () => {
    const { id, version } = await submittedItem();
    await expect(decideItem(author, id, { version, decision: "APPROVE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const leadAuthor = await makeUser("LEAD");
    const seed = await makeSeed();
    const own = await createItem(leadAuthor, { seedId: seed.id });
    const saved = await saveItem(leadAuthor, own.id, { version: 1, ...GOOD_ITEM });
    const sub = await submitItem(leadAuthor, own.id, { version: saved.version });
    await expect(decideItem(leadAuthor, own.id, { version: sub.version, decision: "APPROVE" })).rejects.toThrow("You wrote this item");
    // A lead who saved the last version may not decide on it either.
    await getDb().item.update({ where: { id }, data: { lastEditorId: admin.id } });
    await expect(decideItem(admin, id, { version, decision: "REJECT", comment: "no" })).rejects.toThrow("You edited this item last");
  });

  it("keeps a lead who edited the draft from deciding after the author submits it (submitting is not an edit)", async () => {
    const seed = await makeSeed();
    const { id } = await createItem(author, { seedId: seed.id });
    const saved = await saveItem(author, id, { version: 1, ...GOOD_ITEM });
    const edited = await saveItem(lead, id, { version: saved.version, solution: `${GOOD_ITEM.solution} Checked by the lead.` });
    const submitted = await submitItem(author, id, { version: edited.version });
    expect(submitted.status).toBe("SUBMITTED");
    expect(await getDb().item.findUniqueOrThrow({ where: { id }, select: { lastEditorId: true } })).toEqual({ lastEditorId: lead.id });
    const source = await getDb().source.findUniqueOrThrow({ where: { id: seed.sourceId }, select: { identifier: true } });
    const queued = (await listReviewQueue(lead, { source: source.identifier })).items;
    expect(queued.map((i) => [i.id, i.editedByViewer])).toEqual([[id, true]]);
    await expect(decideItem(lead, id, { version: submitted.version, decision: "APPROVE" })).rejects.toThrow("You edited this item last");
    // another reviewer may
    expect(await decideItem(admin, id, { version: submitted.version, decision: "REQUEST_CHANGES", comment: "Say which gauge." })).toMatchObject({ status: "CHANGES_REQUESTED" });
  });

  it("answers 409 for a stale version and lets exactly one of two simultaneous approvals through", async () => {
    const { id, version } = await submittedItem();
    await expect(decideItem(lead, id, { version: version - 1, decision: "APPROVE" })).rejects.toMatchObject({ code: "CONFLICT" });
    const outcomes = await Promise.allSettled([
      decideItem(lead, id, { version, decision: "APPROVE" }),
      decideItem(admin, id, { version, decision: "APPROVE" }),
    ]);
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toMatchObject({ code: "CONFLICT" });
    expect(await getDb().review.count({ where: { itemId: id } })).toBe(1);
  });

  it("refuses approval when a blocking check fails on the re-run", async () => {
    const { id, version } = await submittedItem();
    // The stored code no longer matches the expected outputs (as if the runtime changed since the submit).
    await getDb().item.update({ where: { id }, data: { referenceCode: "def energy(n: int, omega: float) -> float:\n    return omega * n\n" } });
    const refused = decideItem(lead, id, { version, decision: "APPROVE" });
    await expect(refused).rejects.toMatchObject({ code: "INVALID" });
    await expect(refused).rejects.toThrow(/blocking check/);
    expect((await getDb().item.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
    expect(await getDb().review.count({ where: { itemId: id } })).toBe(0);
  });

  it("sends changes back with a required comment, counts rounds, and takes the resubmission", async () => {
    const { id, version } = await submittedItem();
    await expect(decideItem(lead, id, { version, decision: "REQUEST_CHANGES" })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["comment"] })] });
    expect(await decideItem(lead, id, { version, decision: "REQUEST_CHANGES", comment: "Say which metric." })).toEqual({ status: "CHANGES_REQUESTED", version });
    expect((await listComments(author, id)).map((c) => c.body)).toContain("Say which metric.");
    const saved = await saveItem(author, id, { version, statement: `${GOOD_ITEM.statement} The metric is mostly minus.` });
    const again = await submitItem(author, id, { version: saved.version });
    const queue = await listReviewQueue(lead, { author: author.id });
    const row = queue.items.find((r) => r.id === id)!;
    expect(row).toMatchObject({ rounds: 1, version: again.version });
    // The run that let the resubmission through describes it (near-duplicates of other tests' items may warn).
    expect(["PASSING", "WARNINGS"]).toContain(row.checkState);
    const review = await getReview(lead, id);
    expect(review.base).toMatchObject({ kind: "version", version });
    expect(await decideItem(lead, id, { version: again.version, decision: "APPROVE" })).toMatchObject({ status: "APPROVED" });
  });

  it("rejects with a reason; a lead reopens it to a draft", async () => {
    const { id, version } = await submittedItem();
    expect(await decideItem(lead, id, { version, decision: "REJECT", comment: "A textbook exercise, not research level." })).toMatchObject({ status: "REJECTED" });
    await expect(reopenItem(author, id, { version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await reopenItem(lead, id, { version })).toEqual({ status: "DRAFT", version });
  });

  it("anchors a comment to a quoted passage; the author applies the suggestion and stays the last editor", async () => {
    const { id, version } = await submittedItem();
    await expect(addComment(lead, id, { body: "?", field: "statement", quote: "not in the text" })).rejects.toThrow(/not in the statement/);
    const comment = await addComment(lead, id, { body: "Name the frequency.", field: "statement", quote: "Determine the energy", suggestion: "Determine the energy $E_n$" });
    await decideItem(lead, id, { version, decision: "REQUEST_CHANGES", comment: "See the statement." });
    const applied = await applySuggestion(author, id, comment.id, { version });
    expect(applied.saved).toBe(true);
    const item = await getDb().item.findUniqueOrThrow({ where: { id } });
    expect(item.statement).toContain("Determine the energy $E_n$ of the level");
    expect(item.lastEditorId).toBe(author.id);
    const after = (await listComments(author, id)).find((c) => c.id === comment.id)!;
    expect(after).toMatchObject({ applied: true, resolved: true });
    await expect(applySuggestion(author, id, comment.id, { version: applied.version })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await setCommentResolved(author, id, comment.id, { resolved: false })).toMatchObject({ resolved: false });
    const stranger = await makeUser("ANNOTATOR");
    await expect(addComment(stranger, id, { body: "drive-by" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

// The dashboard's numbers against a real PostgreSQL: a source's worth of seeds, items, submissions, reviews and
// check runs written for this test at known times, then every panel checked (counts, turnaround percentiles,
// check failures by purpose, people, coverage), with each filter. The shared test database holds other tests'
// data too, so every query here is scoped to this test's source.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/types";
import type { CheckRunPurpose, ItemStatus, ReviewDecision, SeedStatus } from "../../lib/generated/prisma/enums";
import { getDashboard } from "../../lib/dashboard/get-dashboard";
import { makeUser, useTestDatabase } from "../support/db";

const NOW = new Date("2026-06-15T12:00:00Z");
const RANGE = { from: "2026-06-01", to: "2026-06-15" };
const t = (iso: string) => new Date(`2026-${iso}:00Z`);
const hoursBefore = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

let lead: SessionUser;
let admin: SessionUser;
let ann: SessionUser;
let bob: SessionUser;
let source: string;

async function seed(sourceId: string, status: SeedStatus, createdAt: Date, assignee?: { id: string; at: Date }) {
  return getDb().seed.create({
    data: { sourceId, problem: `Problem ${randomUUID()}`, contentHash: randomUUID(), status, createdAt, assigneeId: assignee?.id ?? null, assignedAt: assignee?.at ?? null },
  });
}

type ItemSpec = {
  seedId: string; author: SessionUser; status: ItemStatus; createdAt: Date; approvedAt?: Date; rounds?: number; submittedAt?: Date;
  submissions?: Date[]; reviews?: { decision: ReviewDecision; by: SessionUser; submittedAt: Date; at: Date; comment?: string }[];
  runs?: { purpose: CheckRunPurpose; at: Date; failing: string[] }[];
};

async function item(spec: ItemSpec): Promise<string> {
  const db = getDb();
  const row = await db.item.create({
    data: {
      seedId: spec.seedId, authorId: spec.author.id, status: spec.status, createdAt: spec.createdAt, approvedAt: spec.approvedAt ?? null,
      reviewRounds: spec.rounds ?? 0, submittedAt: spec.submittedAt ?? spec.submissions?.at(-1) ?? null,
    },
  });
  for (const at of spec.submissions ?? []) {
    await db.auditEvent.create({ data: { actorId: spec.author.id, action: "item.submit", entityType: "Item", entityId: row.id, createdAt: at } });
  }
  for (const r of spec.reviews ?? []) {
    await db.review.create({ data: { itemId: row.id, version: 2, reviewerId: r.by.id, decision: r.decision, comment: r.comment ?? null, submittedAt: r.submittedAt, createdAt: r.at } });
  }
  for (const r of spec.runs ?? []) {
    await db.checkRun.create({ data: { itemId: row.id, version: 1, passed: true, results: [], durationMs: 1, purpose: r.purpose, failedChecks: r.failing, createdAt: r.at } });
  }
  return row.id;
}

/** The story of one source over the first half of June 2026 (see the expectations below). */
async function buildSource(): Promise<string> {
  const identifier = `dash-${randomUUID().slice(0, 8)}`;
  const { id: sourceId } = await getDb().source.create({ data: { identifier, kind: "OTHER", title: "Dashboard test source" } });
  const inRange = t("06-02T08:00");
  await seed(sourceId, "NEW", inRange);
  await seed(sourceId, "ASSIGNED", inRange, { id: ann.id, at: t("06-03T08:00") });
  const s3 = await seed(sourceId, "IN_PROGRESS", inRange);
  const s4 = await seed(sourceId, "ADAPTED", inRange, { id: ann.id, at: t("06-02T09:00") });
  const s5 = await seed(sourceId, "ADAPTED", inRange, { id: bob.id, at: t("06-02T09:00") });
  await seed(sourceId, "ARCHIVED", inRange);
  const old = await seed(sourceId, "ADAPTED", t("05-01T08:00"), { id: ann.id, at: t("05-01T09:00") });

  await item({ seedId: s4.id, author: ann, status: "APPROVED", createdAt: t("06-02T10:00"), approvedAt: t("06-05T10:00"), submissions: [t("06-04T10:00")],
    reviews: [{ decision: "APPROVE", by: lead, submittedAt: t("06-04T10:00"), at: t("06-05T10:00") }],
    runs: [{ purpose: "SUBMIT", at: t("06-04T10:00"), failing: ["near-duplicates"] }, { purpose: "APPROVAL", at: t("06-05T10:00"), failing: [] }] });
  await item({ seedId: s4.id, author: ann, status: "APPROVED", createdAt: t("06-02T11:00"), approvedAt: t("06-07T10:00"), rounds: 2,
    submissions: [t("06-03T09:00"), t("06-04T12:00"), t("06-06T08:00")],
    reviews: [
      { decision: "REQUEST_CHANGES", by: lead, submittedAt: t("06-03T09:00"), at: t("06-03T21:00"), comment: "Fix the conventions." },
      { decision: "REQUEST_CHANGES", by: admin, submittedAt: t("06-04T12:00"), at: t("06-05T12:00"), comment: "Tighten the tolerance." },
      { decision: "APPROVE", by: lead, submittedAt: t("06-06T08:00"), at: t("06-07T10:00") },
    ],
    runs: [
      { purpose: "SUBMIT", at: t("06-03T08:00"), failing: ["statement-wording"] }, { purpose: "SUBMIT", at: t("06-03T09:00"), failing: [] },
      { purpose: "APPROVAL", at: t("06-07T10:00"), failing: ["near-duplicates"] },
    ] });
  await item({ seedId: s5.id, author: bob, status: "APPROVED", createdAt: t("06-03T10:00"), approvedAt: t("06-07T15:00"), rounds: 1,
    submissions: [t("06-04T09:00"), t("06-06T09:00")],
    reviews: [
      { decision: "REQUEST_CHANGES", by: admin, submittedAt: t("06-04T09:00"), at: t("06-04T15:00"), comment: "Say which level is n = 0." },
      { decision: "APPROVE", by: lead, submittedAt: t("06-06T09:00"), at: t("06-07T15:00") },
    ],
    runs: [{ purpose: "SUBMIT", at: t("06-04T09:00"), failing: ["statement-wording", "latex-renders"] }, { purpose: "APPROVAL", at: t("06-07T15:00"), failing: [] }] });
  await item({ seedId: s5.id, author: bob, status: "REJECTED", createdAt: t("06-03T11:00"), submissions: [t("06-05T09:00")],
    reviews: [{ decision: "REJECT", by: lead, submittedAt: t("06-05T09:00"), at: t("06-05T13:00"), comment: "Not verifiable: a proof." }],
    runs: [{ purpose: "SUBMIT", at: t("06-05T09:00"), failing: [] }] });
  await item({ seedId: s3.id, author: ann, status: "SUBMITTED", createdAt: t("06-10T10:00"), submissions: [hoursBefore(30)],
    runs: [{ purpose: "MANUAL", at: t("06-10T11:00"), failing: ["statement-wording"] }] });
  await item({ seedId: s3.id, author: bob, status: "SUBMITTED", createdAt: t("06-11T10:00"), submissions: [hoursBefore(5)] });
  await item({ seedId: s3.id, author: ann, status: "DRAFT", createdAt: t("06-12T10:00") });
  await item({ seedId: s3.id, author: bob, status: "CHANGES_REQUESTED", createdAt: t("06-08T10:00"), rounds: 1, submissions: [t("06-09T10:00")],
    reviews: [{ decision: "REQUEST_CHANGES", by: lead, submittedAt: t("06-09T10:00"), at: t("06-10T10:00"), comment: "Add a large-n test." }] });
  await item({ seedId: s3.id, author: bob, status: "REJECTED", createdAt: t("06-08T06:00"), submissions: [t("06-08T08:00")],
    reviews: [{ decision: "REJECT", by: admin, submittedAt: t("06-08T08:00"), at: t("06-08T10:00"), comment: "  not verifiable:  a PROOF. " }] });
  // Before the range: none of it counts.
  await item({ seedId: old.id, author: ann, status: "APPROVED", createdAt: t("05-10T10:00"), approvedAt: t("05-20T10:00"), submissions: [t("05-15T10:00")],
    reviews: [{ decision: "APPROVE", by: lead, submittedAt: t("05-15T10:00"), at: t("05-20T10:00") }],
    runs: [{ purpose: "SUBMIT", at: t("05-15T10:00"), failing: ["latex-renders"] }] });
  return identifier;
}

describe("the dashboard's panels", () => {
  useTestDatabase();
  beforeAll(async () => {
    [lead, admin, ann, bob] = await Promise.all([makeUser("LEAD"), makeUser("ADMIN"), makeUser("ANNOTATOR"), makeUser("ANNOTATOR")]);
    source = await buildSource();
  });
  const dashboard = (extra: Record<string, string> = {}) => getDashboard(lead, { ...RANGE, source, ...extra }, NOW);

  it("counts the funnel: seeds imported and items started in the range, by status now", async () => {
    const data = await dashboard();
    expect(data.range).toEqual({ ...RANGE, days: 15, preset: null });
    expect(data.funnel).toEqual({
      seeds: { NEW: 1, ASSIGNED: 1, IN_PROGRESS: 1, ADAPTED: 2, ARCHIVED: 1 },
      items: { DRAFT: 1, SUBMITTED: 2, CHANGES_REQUESTED: 1, APPROVED: 3, REJECTED: 2 },
    });
  });

  it("counts approvals per day by annotator and submissions per day, resubmissions included", async () => {
    const data = await dashboard();
    expect(data.approvedPerDay).toEqual([
      { day: "2026-06-05", annotatorId: ann.id, annotator: ann.name, count: 1 },
      ...[{ day: "2026-06-07", annotatorId: ann.id, annotator: ann.name, count: 1 }, { day: "2026-06-07", annotatorId: bob.id, annotator: bob.name, count: 1 }]
        .sort((a, b) => a.annotator.localeCompare(b.annotator)),
    ]);
    expect(data.submittedPerDay).toEqual([
      { day: "2026-06-03", count: 1 }, { day: "2026-06-04", count: 3 }, { day: "2026-06-05", count: 1 }, { day: "2026-06-06", count: 2 },
      { day: "2026-06-08", count: 1 }, { day: "2026-06-09", count: 1 }, { day: "2026-06-14", count: 1 }, { day: "2026-06-15", count: 1 },
    ]);
  });

  it("counts check failures by check at submit attempts and approval re-runs (not runs by hand), rounds and rejection reasons", async () => {
    const data = await dashboard();
    expect(data.quality.checkRuns).toEqual({ atSubmit: 5, atApproval: 3 });
    expect(data.checkFailures).toEqual([
      { check: "near-duplicates", label: "Near-duplicate items", blocking: false, count: 2, atSubmit: 1, atApproval: 1 },
      { check: "statement-wording", label: "Statement wording", blocking: true, count: 2, atSubmit: 2, atApproval: 0 },
      { check: "latex-renders", label: "LaTeX renders", blocking: true, count: 1, atSubmit: 1, atApproval: 0 },
    ]);
    expect(data.quality.rounds).toEqual([{ rounds: 0, count: 1 }, { rounds: 1, count: 1 }, { rounds: 2, count: 1 }]);
    expect(data.quality.rejections.total).toBe(2);
    expect(data.quality.rejections.reasons).toHaveLength(1);
    expect(data.quality.rejections.reasons[0]).toMatchObject({ count: 2, reason: expect.stringMatching(/^not verifiable: +a proof\.$/i) });
  });

  it("measures turnaround from submission to decision per week (median, p90) and the queue's age now", async () => {
    const { turnaround } = await dashboard();
    expect(turnaround.weeks).toEqual([
      { week: "2026-06-01", decisions: 7, p50Hours: 24, p90Hours: 27.6 },
      { week: "2026-06-08", decisions: 2, p50Hours: 13, p90Hours: 21.8 },
    ]);
    expect(turnaround.overall).toEqual({ decisions: 9, p50Hours: 24, p90Hours: 26.8 });
    expect(turnaround.queued).toBe(2);
    expect(turnaround.queueAge.map((q) => [q.label, q.count])).toEqual([["< 1 day", 1], ["1–3 days", 1], ["3–7 days", 0], ["1–2 weeks", 0], ["2–4 weeks", 0], ["≥ 4 weeks", 0]]);
  });

  it("tabulates people: per annotator and per reviewer", async () => {
    const data = await dashboard();
    expect(data.people).toEqual([
      { id: ann.id, name: ann.name, claimed: 2, drafts: 1, submitted: 5, approved: 2, decisions: 4, changesRequested: 2, changesRequestedRate: 0.5, medianRounds: 1 },
      { id: bob.id, name: bob.name, claimed: 1, drafts: 0, submitted: 6, approved: 1, decisions: 5, changesRequested: 2, changesRequestedRate: 0.4, medianRounds: 1 },
    ]);
    expect(data.reviewers).toEqual([
      { id: lead.id, name: lead.name, decisions: 6, approved: 3, changesRequested: 2, rejected: 1, medianTurnaroundHours: 24 },
      { id: admin.id, name: admin.name, decisions: 3, approved: 0, changesRequested: 2, rejected: 1, medianTurnaroundHours: 6 },
    ]);
  });

  it("covers the source: seeds imported in the range, adapted, approved", async () => {
    expect((await dashboard()).coverage).toEqual([{ source, title: "Dashboard test source", imported: 6, adapted: 3, approved: 2 }]);
  });

  it("narrows every panel to one annotator", async () => {
    const data = await dashboard({ annotator: bob.id });
    expect(data.filters.annotator).toEqual({ id: bob.id, name: bob.name });
    expect(data.funnel.items).toEqual({ DRAFT: 0, SUBMITTED: 1, CHANGES_REQUESTED: 1, APPROVED: 1, REJECTED: 2 });
    expect(data.funnel.seeds).toMatchObject({ ADAPTED: 1, NEW: 0 });
    expect(data.submittedPerDay.reduce((n, d) => n + d.count, 0)).toBe(6);
    expect(data.approvedPerDay).toEqual([{ day: "2026-06-07", annotatorId: bob.id, annotator: bob.name, count: 1 }]);
    expect(data.turnaround.overall).toEqual({ decisions: 5, p50Hours: 6, p90Hours: 27.6 });
    expect(data.quality.checkRuns).toEqual({ atSubmit: 2, atApproval: 1 });
    expect(data.people.map((p) => p.id)).toEqual([bob.id]);
    expect(data.coverage).toEqual([{ source, title: "Dashboard test source", imported: 1, adapted: 1, approved: 1 }]);
  });

  it("answers empty panels for a range with nothing in it", async () => {
    const data = await getDashboard(lead, { from: "2020-01-01", to: "2020-01-31", source }, NOW);
    expect(Object.values(data.funnel.items).every((n) => n === 0)).toBe(true);
    expect([data.approvedPerDay, data.submittedPerDay, data.checkFailures, data.quality.rounds, data.turnaround.weeks, data.people, data.reviewers, data.coverage]).toEqual([[], [], [], [], [], [], [], []]);
    expect(data.turnaround.overall).toEqual({ decisions: 0, p50Hours: null, p90Hours: null });
    // The queue is now, whatever the range.
    expect(data.turnaround.queued).toBe(2);
  });

  it("is for leads and admins; a bad filter says which field", async () => {
    await expect(getDashboard(ann, {}, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getDashboard(admin, { days: "7", source }, NOW)).range).toMatchObject({ from: "2026-06-09", to: "2026-06-15", preset: 7 });
    await expect(getDashboard(lead, { days: "12" }, NOW)).rejects.toThrow("Choose 7, 30 or 90 days.");
  });
});

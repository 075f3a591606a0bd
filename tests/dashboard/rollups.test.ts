// The daily rollup the dashboard reads ("DashboardCount", kept by database triggers) stays exact: after inserts,
// updates (status changes, reassignment, approval), deletes (including an item's cascade) and concurrent
// writers, the dashboard for a fresh source equals a recount from the rows themselves. Real PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/types";
import type { ItemStatus } from "../../lib/generated/prisma/enums";
import type { Tx } from "../../lib/db";
import { getDashboard } from "../../lib/dashboard/get-dashboard";
import { makeSource, makeUser, useTestDatabase } from "../support/db";

const NOW = new Date("2026-03-20T12:00:00Z");
const RANGE = { from: "2026-03-01", to: "2026-03-20" };
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 2, day, hour));

let lead: SessionUser;
let ann: SessionUser;
let bob: SessionUser;

type Recount = { seeds: Record<string, number>; items: Record<string, number>; approved: number; submitted: number; decisions: number; runs: { atSubmit: number; atApproval: number }; claimed: Record<string, number> };

/** The same numbers counted from the rows (the range holds every row these tests write). */
async function recount(sourceId: string): Promise<Recount> {
  const [row] = await getDb().$queryRaw<Recount[]>`
    SELECT
      (SELECT coalesce(json_object_agg(s, n), '{}') FROM (SELECT "status"::text AS s, count(*)::int AS n FROM "Seed" WHERE "sourceId" = ${sourceId}::uuid GROUP BY 1) x) AS "seeds",
      (SELECT coalesce(json_object_agg(s, n), '{}') FROM (SELECT "status"::text AS s, count(*)::int AS n FROM "Item" WHERE "sourceId" = ${sourceId}::uuid GROUP BY 1) x) AS "items",
      (SELECT count(*)::int FROM "Item" WHERE "sourceId" = ${sourceId}::uuid AND "approvedAt" IS NOT NULL) AS "approved",
      (SELECT count(*)::int FROM "AuditEvent" e JOIN "Item" i ON i."id"::text = e."entityId" WHERE e."action" = 'item.submit' AND i."sourceId" = ${sourceId}::uuid) AS "submitted",
      (SELECT count(*)::int FROM "Review" WHERE "itemSourceId" = ${sourceId}::uuid) AS "decisions",
      (SELECT json_build_object('atSubmit', count(*) FILTER (WHERE c."purpose" = 'SUBMIT'), 'atApproval', count(*) FILTER (WHERE c."purpose" = 'APPROVAL'))
         FROM "CheckRun" c JOIN "Item" i ON i."id" = c."itemId" WHERE i."sourceId" = ${sourceId}::uuid) AS "runs",
      (SELECT coalesce(json_object_agg(p, n), '{}') FROM (SELECT "assigneeId"::text AS p, count(*)::int AS n FROM "Seed" WHERE "sourceId" = ${sourceId}::uuid AND "assigneeId" IS NOT NULL GROUP BY 1) x) AS "claimed"`;
  return row;
}

async function expectRollupMatches(identifier: string, sourceId: string) {
  const [data, want] = await Promise.all([getDashboard(lead, { ...RANGE, source: identifier }, NOW), recount(sourceId)]);
  const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n !== 0));
  expect(nonZero(data.funnel.seeds)).toEqual(want.seeds);
  expect(nonZero(data.funnel.items)).toEqual(want.items);
  expect(data.approvedPerDay.reduce((n, d) => n + d.count, 0)).toBe(want.approved);
  expect(data.submittedPerDay.reduce((n, d) => n + d.count, 0)).toBe(want.submitted);
  expect(data.people.reduce((n, p) => n + p.decisions, 0)).toBe(want.decisions);
  expect(data.quality.checkRuns).toEqual(want.runs);
  expect(Object.fromEntries(data.people.filter((p) => p.claimed > 0).map((p) => [p.id, p.claimed]))).toEqual(want.claimed);
  const coverage = data.coverage[0] ?? { imported: 0 };
  expect(coverage.imported).toBe(Object.values(want.seeds).reduce((a, b) => a + b, 0));
  return data;
}

async function scenario(sourceId: string, author: SessionUser, status: ItemStatus, day: number) {
  const db = getDb();
  const seed = await db.seed.create({ data: { sourceId, problem: `P ${randomUUID()}`, contentHash: randomUUID(), createdAt: at(day) } });
  const item = await db.item.create({ data: { seedId: seed.id, authorId: author.id, status, createdAt: at(day, 11) } });
  await db.auditEvent.create({ data: { actorId: author.id, action: "item.submit", entityType: "Item", entityId: item.id, createdAt: at(day, 12) } });
  await db.checkRun.create({ data: { itemId: item.id, version: 1, passed: true, results: [], durationMs: 1, purpose: "SUBMIT", failedChecks: ["statement-wording"], createdAt: at(day, 12) } });
  return { seed, item };
}

describe("the dashboard's daily rollup", () => {
  useTestDatabase();
  beforeAll(async () => {
    [lead, ann, bob] = await Promise.all([makeUser("LEAD"), makeUser("ANNOTATOR"), makeUser("ANNOTATOR")]);
  });

  it("follows inserts, updates and deletes", async () => {
    const db = getDb();
    const source = await makeSource();
    const a = await scenario(source.id, ann, "DRAFT", 2);
    const b = await scenario(source.id, bob, "SUBMITTED", 3);
    let data = await expectRollupMatches(source.identifier, source.id);
    expect(data.funnel.items).toMatchObject({ DRAFT: 1, SUBMITTED: 1 });
    expect(data.checkFailures).toEqual([expect.objectContaining({ check: "statement-wording", atSubmit: 2, atApproval: 0 })]);

    // Claim, then reassign; an update that changes no counted column writes nothing.
    await db.seed.update({ where: { id: a.seed.id }, data: { assigneeId: ann.id, assignedAt: at(4), status: "ASSIGNED" } });
    await db.seed.update({ where: { id: a.seed.id }, data: { assigneeId: bob.id } });
    await db.item.update({ where: { id: a.item.id }, data: { statement: "edited" } });
    data = await expectRollupMatches(source.identifier, source.id);
    expect(data.people.find((p) => p.id === bob.id)).toMatchObject({ claimed: 1 });
    expect(data.people.find((p) => p.id === ann.id)).toMatchObject({ claimed: 0, drafts: 1 });

    // Approval after a round of changes, with its decision and re-run; then the item edited and approved again later.
    await db.item.update({ where: { id: b.item.id }, data: { status: "APPROVED", approvedAt: at(5), reviewRounds: 1 } });
    await db.review.create({ data: { itemId: b.item.id, version: 1, reviewerId: lead.id, decision: "APPROVE", submittedAt: at(3, 12), createdAt: at(5) } });
    await db.checkRun.create({ data: { itemId: b.item.id, version: 1, passed: true, results: [], durationMs: 1, purpose: "APPROVAL", failedChecks: [], createdAt: at(5) } });
    data = await expectRollupMatches(source.identifier, source.id);
    expect(data.approvedPerDay).toEqual([{ day: "2026-03-05", annotatorId: bob.id, annotator: bob.name, count: 1 }]);
    expect(data.quality.rounds).toEqual([{ rounds: 1, count: 1 }]);
    await db.item.update({ where: { id: b.item.id }, data: { approvedAt: at(9), reviewRounds: 2 } });
    data = await expectRollupMatches(source.identifier, source.id);
    expect(data.approvedPerDay).toEqual([{ day: "2026-03-09", annotatorId: bob.id, annotator: bob.name, count: 1 }]);
    expect(data.quality.rounds).toEqual([{ rounds: 2, count: 1 }]);

    // Deletes: an audit event, a review, a run, a seed without items, an item (its runs go with it).
    await db.auditEvent.deleteMany({ where: { entityId: a.item.id, action: "item.submit" } });
    await db.review.deleteMany({ where: { itemId: b.item.id } });
    await db.checkRun.deleteMany({ where: { itemId: b.item.id, purpose: "APPROVAL" } });
    const lonely = await db.seed.create({ data: { sourceId: source.id, problem: "lonely", contentHash: randomUUID(), createdAt: at(6), assigneeId: ann.id, assignedAt: at(6) } });
    await expectRollupMatches(source.identifier, source.id);
    await db.seed.delete({ where: { id: lonely.id } });
    await db.item.delete({ where: { id: a.item.id } });
    data = await expectRollupMatches(source.identifier, source.id);
    expect(data.funnel.items).toMatchObject({ DRAFT: 0, APPROVED: 1 });
    expect(data.quality.checkRuns).toEqual({ atSubmit: 1, atApproval: 0 });

    // The annotator grain: the same counts narrowed to one person.
    const bobs = await getDashboard(lead, { ...RANGE, annotator: bob.id }, NOW);
    expect(bobs.funnel.items.APPROVED).toBe(1);
    expect(bobs.submittedPerDay.reduce((n, d) => n + d.count, 0)).toBe(1);
  });

  it("keeps pending changes exact: many small writes, then a fold; a bulk write folds at once", async () => {
    const db = getDb();
    const source = await makeSource();
    const seeds = await Promise.all(Array.from({ length: 12 }, (_, k) =>
      db.seed.create({ data: { sourceId: source.id, problem: `B ${randomUUID()}`, contentHash: randomUUID(), createdAt: at(10 + (k % 3)) } })));
    // One seed at a time, as claims are: each write adds one pending row; the fold runs every 16 or so.
    for (const [k, seed] of seeds.entries()) {
      await db.seed.update({ where: { id: seed.id }, data: { status: "ASSIGNED", assigneeId: (k % 2 ? ann : bob).id, assignedAt: at(11) } });
      await db.seed.update({ where: { id: seed.id }, data: { assigneeId: (k % 2 ? bob : ann).id } });
    }
    await expectRollupMatches(source.identifier, source.id);
    // A fold moves them all into the rollup and changes no count (run here with the fold's lock held, which
    // another test file's write may hold for a moment: the trigger's fold only tries it).
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4402120601)`;
      await tx.$executeRaw`SELECT "dashboard_count_fold"()`;
    });
    const [{ pending }] = await db.$queryRaw<{ pending: number }[]>`
      SELECT count(*)::int AS "pending" FROM "DashboardCountPending" WHERE ${source.id}::uuid = ANY("s")`;
    expect(pending).toBe(0);
    await expectRollupMatches(source.identifier, source.id);

    // A bulk write folds at once: readers spread pending rows on every read, so none may hold a big write. 40
    // seeds over 20 days held by two people, handed back in one statement: about 100 facts.
    // (each write in a transaction that takes the fold's lock first, so the write's own fold cannot find it busy)
    const locked = (write: (tx: Tx) => Promise<unknown>) => db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4402120601)`;
      await write(tx);
    });
    await locked((tx) => tx.seed.createMany({
      data: Array.from({ length: 40 }, (_, k) => ({
        sourceId: source.id, problem: `C ${randomUUID()}`, contentHash: `bulk-${randomUUID()}`, createdAt: at(1 + (k % 20)),
        status: k < 20 ? "ASSIGNED" : "IN_PROGRESS", assigneeId: (k < 20 ? ann : bob).id, assignedAt: at(1 + (k % 20), 12),
      }) as const),
    }));
    await locked((tx) => tx.seed.updateMany({ where: { sourceId: source.id, contentHash: { startsWith: "bulk-" } }, data: { status: "NEW", assigneeId: null, assignedAt: null } }));
    const [{ big }] = await db.$queryRaw<{ big: number }[]>`
      SELECT count(*)::int AS "big" FROM "DashboardCountPending" WHERE ${source.id}::uuid = ANY("s") AND cardinality("f") >= 64`;
    expect(big).toBe(0);
    await expectRollupMatches(source.identifier, source.id);
  });

  it("stays exact under concurrent writers, including opposite status changes on the same day", async () => {
    const db = getDb();
    const source = await makeSource();
    const made = await Promise.all(Array.from({ length: 8 }, (_, k) => scenario(source.id, k % 2 ? ann : bob, k % 2 ? "DRAFT" : "SUBMITTED", 7)));
    await expectRollupMatches(source.identifier, source.id);
    // Each transaction flips two items of the same day in opposite directions (the same counters, -1 and +1), in a
    // different order per transaction; the item locks alone form no cycle.
    const flips = made.map((m, k) => db.$transaction(async (tx) => {
      const other = made[(k + 1) % made.length];
      const target = (s: ItemStatus): ItemStatus => (s === "DRAFT" ? "SUBMITTED" : "DRAFT");
      for (const x of k % 2 ? [m, other] : [other, m]) {
        const { status } = await tx.item.findUniqueOrThrow({ where: { id: x.item.id }, select: { status: true } });
        await tx.item.update({ where: { id: x.item.id }, data: { status: target(status) } });
      }
      await tx.auditEvent.create({ data: { actorId: ann.id, action: "item.submit", entityType: "Item", entityId: m.item.id, createdAt: at(8) } });
    }, { maxWait: 30_000, timeout: 30_000 }).catch((error: unknown) => error));
    const outcomes = await Promise.all(flips);
    // Writers share no counter row (they only add deltas), so none waits on another's counts or deadlocks.
    expect(outcomes).toEqual(made.map(() => undefined));
    const data = await expectRollupMatches(source.identifier, source.id);
    expect(data.funnel.items.DRAFT + data.funnel.items.SUBMITTED).toBe(8);
  });
});

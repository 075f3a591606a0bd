// Assignment and claim-next on a real PostgreSQL: concurrent claims through two connection pools (as two app
// instances would) never hand out a seed twice; the open-claims cap; bulk assignment of 10,000 seeds by filter.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { getDb } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/types";
import { assignSeeds } from "../../lib/seeds/assign-seeds";
import { claimNextSeed, type ClaimResult } from "../../lib/seeds/claim-next-seed";
import { listSeeds } from "../../lib/seeds/list-seeds";
import { makeSource, makeUser, useTestDatabase } from "../support/db";

/** `n` NEW seeds of a fresh source, created in SQL → the source identifier. */
async function seedsOfNewSource(n: number): Promise<string> {
  const source = await makeSource();
  await getDb().$executeRaw`
    INSERT INTO "Seed" ("sourceId", "problem", "contentHash", "updatedAt", "createdAt")
    SELECT ${source.id}::uuid, 'Problem ' || g, ${source.identifier} || '-' || g, now(), now() + g * interval '1 millisecond'
    FROM generate_series(1, ${n}) g`;
  return source.identifier;
}

describe("claim next and assignment", () => {
  const url = useTestDatabase();
  // a second app instance: a pool of its own on the same database
  const second = new pg.Pool({ connectionString: url, max: 10 });
  afterAll(() => second.end());

  it("50 concurrent claims from 10 annotators over 20 seeds, on two pools: 20 distinct seeds, nothing twice", async () => {
    const source = await seedsOfNewSource(20);
    const annotators: SessionUser[] = await Promise.all(Array.from({ length: 10 }, () => makeUser("ANNOTATOR")));
    const calls = Array.from({ length: 50 }, (_, i) => claimNextSeed(annotators[i % 10], { source }, i % 2 ? second : undefined));
    const results: ClaimResult[] = await Promise.all(calls);
    const claimed = results.flatMap((r) => (r.seed ? [r.seed.id] : []));
    expect(claimed).toHaveLength(20);
    expect(new Set(claimed).size).toBe(20);
    expect(results.filter((r) => r.seed === null).every((r) => "reason" in r && /No new unassigned seeds are left/.test(r.reason))).toBe(true);
    // Every claim is recorded on the seed, to the annotator who got it.
    const rows = await getDb().seed.findMany({ where: { source: { identifier: source } }, select: { status: true, assigneeId: true } });
    expect(rows.every((r) => r.status === "ASSIGNED" && r.assigneeId !== null)).toBe(true);
    const perAnnotator = new Map<string, number>();
    for (const r of rows) perAnnotator.set(r.assigneeId!, (perAnnotator.get(r.assigneeId!) ?? 0) + 1);
    expect([...perAnnotator.values()].reduce((a, b) => a + b, 0)).toBe(20);
    // …and in the audit log, once per claim, by the annotator who got the seed; each result names its seed.
    const seeds = await getDb().seed.findMany({ where: { source: { identifier: source } }, select: { id: true, assigneeId: true, location: true } });
    const events = await getDb().auditEvent.findMany({ where: { action: "seed.claim", entityId: { in: seeds.map((x) => x.id) } }, select: { actorId: true, entityId: true } });
    expect(events.map((e) => [e.entityId, e.actorId]).sort()).toEqual(seeds.map((x) => [x.id, x.assigneeId]).sort());
    for (const r of results) if (r.seed) expect(r.seed).toMatchObject({ source, location: seeds.find((x) => x.id === r.seed!.id)!.location });
  });

  it("refuses a claim past MAX_OPEN_CLAIMS with a message that says so, even when claims race", async () => {
    const source = await seedsOfNewSource(12);
    const annotator = await makeUser("ANNOTATOR");
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => claimNextSeed(annotator, { source }, i % 2 ? second : undefined)));
    const got = results.filter((r) => r.status === "fulfilled" && (r.value as ClaimResult).seed !== null);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(got).toHaveLength(5);
    expect(refused).toHaveLength(3);
    expect(String(refused[0].reason.message)).toMatch(/open claims.*MAX_OPEN_CLAIMS = 5/);
  });

  it("assigns 10,000 seeds matching a filter in one request, and unassigns them", async () => {
    const source = await seedsOfNewSource(10_000);
    const lead = await makeUser("LEAD");
    const annotator = await makeUser("ANNOTATOR");
    expect(await assignSeeds(lead, { filter: { source }, assigneeId: annotator.id })).toEqual({ assigned: 10_000 });
    const page = await listSeeds(lead, { source, assignee: annotator.id, limit: 5 });
    expect(page.total).toBe(10_000);
    expect(page.seeds[0]).toMatchObject({ status: "ASSIGNED", assignee: { id: annotator.id } });
    expect(await assignSeeds(lead, { filter: { source }, assigneeId: null })).toEqual({ assigned: 10_000 });
    expect((await listSeeds(lead, { source, status: "NEW", assignee: "none", limit: 1 })).total).toBe(10_000);
  });

  it("refuses a filter matching more than 10,000 seeds unless a count is given; annotators may not assign", async () => {
    const source = await seedsOfNewSource(10_001);
    const lead = await makeUser("LEAD");
    const annotator = await makeUser("ANNOTATOR");
    await expect(assignSeeds(lead, { filter: { source }, assigneeId: annotator.id })).rejects.toThrow(/10,001 seeds match/);
    expect(await assignSeeds(lead, { filter: { source }, count: 100, assigneeId: annotator.id })).toEqual({ assigned: 100 });
    await expect(assignSeeds(annotator, { seedIds: [randomUUID()], assigneeId: annotator.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a misspelt filter or option instead of assigning every seed", async () => {
    const source = await seedsOfNewSource(3);
    const lead = await makeUser("LEAD");
    const annotator = await makeUser("ANNOTATOR");
    await expect(assignSeeds(lead, { filter: { sourc: source }, assigneeId: annotator.id })).rejects.toThrow(/sourc/);
    await expect(assignSeeds(lead, { filter: { source }, cont: 1, assigneeId: annotator.id })).rejects.toThrow(/cont/);
    await expect(claimNextSeed(annotator, { topc: "hep-th" })).rejects.toThrow(/topc/);
    expect(await getDb().seed.count({ where: { assigneeId: annotator.id } })).toBe(0);
  });
});

import "server-only";
// What the home page shows: everyone their queue (assigned seeds, items needing them — changes requested
// first); annotators their own numbers of the last 30 days (the dashboard's people row, for them only); who
// may view the dashboard, counts by status; who manages users, users and sources too.
import { getDb } from "../db";
import { assertCan, can } from "../auth/permissions";
import type { SessionUser } from "../auth/types";
import { ItemStatus, SeedStatus } from "../generated/prisma/enums";
import { ttlCache } from "../cache/ttl-cache";
import { itemTitle } from "../items/item-title";
import { rangeBounds, resolveRange } from "./model/filters";
import type { AnnotatorRow } from "./model/types";
import { queryPeople } from "./queries/people";

type Counts = Record<string, number>;
export type WorkRow = { id: string; title: string; status: string; href: string; updatedAt: string };
export type MyQueue = { seeds: WorkRow[]; items: WorkRow[]; openClaims: number };

export type HomeSummary =
  | { kind: "annotator"; queue: MyQueue; mine: MyNumbers }
  | { kind: "lead"; queue: MyQueue; items: Counts; seeds: Counts }
  | { kind: "admin"; queue: MyQueue; items: Counts; seeds: Counts; users: Counts; sources: { identifier: string; title: string | null; seeds: number }[] };

function fill(keys: string[], rows: { key: string; n: number }[]): Counts {
  const out: Counts = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const r of rows) out[r.key] = r.n;
  return out;
}

/** An annotator's own numbers over the last `days` days. */
export type MyNumbers = { days: number } & Pick<AnnotatorRow, "claimed" | "submitted" | "approved" | "decisions" | "changesRequested" | "changesRequestedRate" | "medianRounds">;
const MY_DAYS = 30;

export async function getMyNumbers(user: SessionUser, now: Date = new Date()): Promise<MyNumbers> {
  assertCan(user, "item.read");
  const range = resolveRange({ days: MY_DAYS }, now);
  const { people } = await queryPeople({ ...rangeBounds(range), annotator: user.id });
  const me = people.find((p) => p.id === user.id);
  return {
    days: MY_DAYS, claimed: me?.claimed ?? 0, submitted: me?.submitted ?? 0, approved: me?.approved ?? 0, decisions: me?.decisions ?? 0,
    changesRequested: me?.changesRequested ?? 0, changesRequestedRate: me?.changesRequestedRate ?? null, medianRounds: me?.medianRounds ?? null,
  };
}

type StatusCounts = { items: Counts; seeds: Counts };
// Counting 100,000 rows by status on every home page costs tens of milliseconds; a few seconds' staleness
// is invisible in a summary.
const COUNTS_TTL_MS = 5_000;
const cachedCounts = ttlCache<StatusCounts>(COUNTS_TTL_MS);

function statusCounts(): Promise<StatusCounts> {
  return cachedCounts("status", countByStatus);
}

async function countByStatus(): Promise<StatusCounts> {
  const db = getDb();
  const [items, seeds] = await Promise.all([
    db.item.groupBy({ by: ["status"], _count: { _all: true } }),
    db.seed.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    items: fill(Object.values(ItemStatus), items.map((r) => ({ key: r.status, n: r._count._all }))),
    seeds: fill(Object.values(SeedStatus), seeds.map((r) => ({ key: r.status, n: r._count._all }))),
  };
}

const QUEUE_ITEMS = 20;
const QUEUE_ORDER: Record<string, number> = { CHANGES_REQUESTED: 0, DRAFT: 1, SUBMITTED: 2, APPROVED: 3, REJECTED: 4 };

/** The user's work: seeds assigned and not yet adapted, and their items (changes requested first). */
export async function getMyQueue(user: SessionUser): Promise<MyQueue> {
  const db = getDb();
  const mine = { OR: [{ authorId: user.id }, { assigneeId: user.id }] };
  const itemSelect = { id: true, statement: true, status: true, updatedAt: true, seed: { select: { title: true } } } as const;
  const [seeds, changesRequested, others] = await Promise.all([
    // Seeds assigned to the user and seeds they are adapting (an item of theirs exists), not yet adapted. Found
    // from the user's side (their assignments, their items' seeds): as "status … AND (assigned OR EXISTS item)"
    // the planner read and tested every one of 20,000 seeds in those states at 100,000 seeds (~15–100 ms).
    db.$queryRaw<{ id: string; title: string | null; location: string | null; status: string; updatedAt: Date; assigneeId: string | null }[]>`
      SELECT s."id", s."title", s."location", s."status"::text AS "status", s."updatedAt", s."assigneeId"
      FROM "Seed" s
      WHERE s."status" IN ('ASSIGNED', 'IN_PROGRESS')
        AND s."id" IN (SELECT "id" FROM "Seed" WHERE "assigneeId" = ${user.id}::uuid UNION SELECT "seedId" FROM "Item" WHERE "authorId" = ${user.id}::uuid)
      ORDER BY s."assignedAt" DESC, s."id" DESC
      LIMIT 50`,
    // items sent back come first, however long ago they were last touched
    db.item.findMany({ where: { ...mine, status: "CHANGES_REQUESTED" }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: QUEUE_ITEMS, select: itemSelect }),
    db.item.findMany({
      where: { ...mine, status: { notIn: ["REJECTED", "CHANGES_REQUESTED"] } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: 50, select: itemSelect,
    }),
  ]);
  const sorted = [...changesRequested, ...[...others].sort((a, b) => QUEUE_ORDER[a.status] - QUEUE_ORDER[b.status])];
  return {
    seeds: seeds.map((s) => ({ id: s.id, title: s.title ?? s.location ?? "Untitled seed", status: s.status, href: `/seeds/${s.id}`, updatedAt: s.updatedAt.toISOString() })),
    items: sorted.slice(0, QUEUE_ITEMS).map((i) => ({ id: i.id, title: itemTitle(i.seed.title, i.statement), status: i.status, href: `/items/${i.id}`, updatedAt: i.updatedAt.toISOString() })),
    openClaims: seeds.filter((s) => s.assigneeId === user.id).length,
  };
}

export async function getHomeSummary(user: SessionUser): Promise<HomeSummary> {
  assertCan(user, "item.read");
  const queue = await getMyQueue(user);
  if (!can(user, "dashboard.view")) return { kind: "annotator", queue, mine: await getMyNumbers(user) };
  const counts = await statusCounts();
  if (!can(user, "user.manage")) return { kind: "lead", queue, ...counts };
  const db = getDb();
  const [users, sources] = await Promise.all([
    db.user.groupBy({ by: ["role"], where: { active: true }, _count: { _all: true } }),
    db.source.findMany({
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { identifier: true, title: true, _count: { select: { seeds: true } } },
    }),
  ]);
  return {
    kind: "admin",
    queue,
    ...counts,
    users: fill(["ADMIN", "LEAD", "ANNOTATOR"], users.map((r) => ({ key: r.role, n: r._count._all }))),
    sources: sources.map((s) => ({ identifier: s.identifier, title: s.title, seeds: s._count.seeds })),
  };
}

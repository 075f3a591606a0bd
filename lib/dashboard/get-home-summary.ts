import "server-only";
// What the home page shows each role: annotators their work, leads counts by status, admins users and sources.
import { getDb } from "../db";
import { assertCan, can } from "../auth/permissions";
import type { SessionUser } from "../auth/types";
import { ItemStatus, SeedStatus } from "../generated/prisma/enums";

type Counts = Record<string, number>;
export type WorkRow = { id: string; title: string; status: string; href: string; updatedAt: string };

export type HomeSummary =
  | { kind: "annotator"; seeds: WorkRow[]; items: WorkRow[] }
  | { kind: "lead"; items: Counts; seeds: Counts }
  | { kind: "admin"; items: Counts; seeds: Counts; users: Counts; sources: { identifier: string; title: string | null; seeds: number }[] };

function fill(keys: string[], rows: { key: string; n: number }[]): Counts {
  const out: Counts = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const r of rows) out[r.key] = r.n;
  return out;
}

async function statusCounts() {
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

/** Everyone sees their own work; who may view the dashboard sees counts; who manages users sees users too. */
export async function getHomeSummary(user: SessionUser): Promise<HomeSummary> {
  assertCan(user, "item.read");
  const db = getDb();
  if (!can(user, "dashboard.view")) {
    const [seeds, items] = await Promise.all([
      db.seed.findMany({
        where: { assigneeId: user.id, status: { not: "ARCHIVED" } },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        take: 20,
        select: { id: true, title: true, location: true, status: true, updatedAt: true },
      }),
      db.item.findMany({
        where: { OR: [{ authorId: user.id }, { assigneeId: user.id }] },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        take: 20,
        select: { id: true, description: true, status: true, updatedAt: true, seed: { select: { title: true } } },
      }),
    ]);
    return {
      kind: "annotator",
      seeds: seeds.map((s) => ({ id: s.id, title: s.title ?? s.location ?? "Untitled seed", status: s.status, href: `/seeds/${s.id}`, updatedAt: s.updatedAt.toISOString() })),
      items: items.map((i) => ({ id: i.id, title: i.description || i.seed.title || "Untitled item", status: i.status, href: `/items/${i.id}`, updatedAt: i.updatedAt.toISOString() })),
    };
  }
  const counts = await statusCounts();
  if (!can(user, "user.manage")) return { kind: "lead", ...counts };
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
    ...counts,
    users: fill(["ADMIN", "LEAD", "ANNOTATOR"], users.map((r) => ({ key: r.role, n: r._count._all }))),
    sources: sources.map((s) => ({ identifier: s.identifier, title: s.title, seeds: s._count.seeds })),
  };
}

import "server-only";
// Demo data for a fresh install: one admin, one lead, two annotators, the demo problem set, and a few weeks
// of review history on a second demo source (for the dashboard). Idempotent: users that exist are left alone,
// seeds dedup on their content hash, and the history is written once.
import { getDb } from "../db";
import { hashPassword } from "../auth/password";
import type { Role } from "../auth/types";
import { seedContentHash } from "../seeds/content-hash";
import { DEMO_SEEDS, DEMO_SOURCE } from "./demo-seeds";
import { seedDemoHistory } from "./demo-history";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@fieldwork.local", name: "Ada Admin", role: "ADMIN" },
  { email: "lead@fieldwork.local", name: "Lev Lead", role: "LEAD" },
  { email: "annotator1@fieldwork.local", name: "Emmy Annotator", role: "ANNOTATOR" },
  { email: "annotator2@fieldwork.local", name: "Paul Annotator", role: "ANNOTATOR" },
];

export type SeedDemoResult = { usersCreated: number; seedsCreated: number; historyItems: number };

export async function seedDemo(password: string): Promise<SeedDemoResult> {
  const db = getDb();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const users = await tx.user.createMany({
      data: DEMO_USERS.map((u) => ({ ...u, passwordHash })),
      skipDuplicates: true,
    });
    const { identifier, ...sourceData } = DEMO_SOURCE;
    const source = await tx.source.upsert({
      where: { identifier },
      create: { identifier, ...sourceData },
      update: {},
    });
    const seeds = await tx.seed.createMany({
      data: DEMO_SEEDS.map((s, i) => ({
        sourceId: source.id,
        title: s.title,
        location: s.location,
        problem: s.problem,
        solution: s.solution,
        contentHash: seedContentHash(identifier, s.problem),
        // Distinct timestamps keep the demo list (newest first) in problem order.
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, DEMO_SEEDS.length - i)),
      })),
      skipDuplicates: true,
    });
    const historyItems = await seedDemoHistory(tx);
    return { usersCreated: users.count, seedsCreated: seeds.count, historyItems };
  }, { timeout: 60_000 });
}

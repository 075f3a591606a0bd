// Seeds list: keyset pagination visits every row once in order; filters narrow it; bad cursors are rejected.
import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { listSeeds } from "../../lib/seeds/list-seeds";
import { getSeed } from "../../lib/seeds/get-seed";
import { seedContentHash } from "../../lib/seeds/content-hash";
import type { SessionUser } from "../../lib/auth/types";
import { makeSource, makeUser, useTestDatabase } from "../support/db";

describe("listSeeds", () => {
  useTestDatabase();
  let reader: SessionUser;
  let source: { id: string; identifier: string };
  beforeAll(async () => {
    reader = await makeUser("ANNOTATOR");
    source = await makeSource();
    const sameInstant = new Date("2026-03-01T00:00:00Z");
    await getDb().seed.createMany({
      data: Array.from({ length: 57 }, (_, i) => ({
        sourceId: source.id,
        problem: `Problem ${i}: compute the ${i % 3 === 0 ? "propagator" : "vertex"} $x_${i}$.`,
        contentHash: seedContentHash(source.identifier, `Problem ${i}`),
        status: i % 2 === 0 ? "NEW" : "ASSIGNED",
        // Ties on createdAt must still paginate correctly (the id breaks them).
        createdAt: i < 20 ? sameInstant : new Date(sameInstant.getTime() + i * 1000),
      })),
    });
  });

  async function collect(filters: Record<string, string>) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await listSeeds(reader, { ...filters, source: source.identifier, limit: "10", cursor });
      ids.push(...page.seeds.map((s) => s.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return ids;
  }

  it("pages through all seeds of a source exactly once, newest first", async () => {
    const ids = await collect({});
    expect(ids).toHaveLength(57);
    expect(new Set(ids).size).toBe(57);
    const rows = await getDb().seed.findMany({ where: { sourceId: source.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(ids).toEqual(rows.map((r) => r.id));
  });

  it("filters by status and by text (case-insensitive)", async () => {
    expect(await collect({ status: "NEW" })).toHaveLength(29);
    expect(await collect({ q: "PROPAGATOR" })).toHaveLength(19);
    expect(await collect({ q: "propagator", status: "ASSIGNED" })).toHaveLength(9);
  });

  it("finds a seed by its title or problem text, also after either changes, and not by its old text", async () => {
    const db = getDb();
    const seed = await db.seed.create({ data: { sourceId: source.id, problem: "Quench the Ising magnet.", contentHash: seedContentHash(source.identifier, "ising"), createdAt: new Date("2026-02-01T00:00:00Z") } });
    expect(await collect({ q: "ising magnet" })).toEqual([seed.id]);
    await db.seed.update({ where: { id: seed.id }, data: { title: "Kibble–Zurek scaling" } });
    expect(await collect({ q: "kibble" })).toEqual([seed.id]);
    await db.seed.update({ where: { id: seed.id }, data: { problem: "Quench the Potts magnet.", status: "ASSIGNED", assigneeId: reader.id } });
    expect(await collect({ q: "ising" })).toEqual([]);
    expect(await collect({ q: "potts", status: "ASSIGNED" })).toEqual([seed.id]);
    await db.seed.delete({ where: { id: seed.id } });
    expect(await collect({ q: "potts" })).toEqual([]);
  });

  it("rejects a malformed cursor or status instead of guessing", async () => {
    await expect(listSeeds(reader, { cursor: "garbage" })).rejects.toBeInstanceOf(ZodError);
    await expect(listSeeds(reader, { status: "DONE" })).rejects.toBeInstanceOf(ZodError);
  });

  it("returns a seed with its source, and not-found for unknown or malformed ids", async () => {
    const [first] = (await listSeeds(reader, { source: source.identifier, limit: "1" })).seeds;
    const seed = await getSeed(reader, first.id);
    expect(seed.source.identifier).toBe(source.identifier);
    await expect(getSeed(reader, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSeed(reader, "../etc/passwd")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

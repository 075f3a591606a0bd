// The migration runner: idempotent, safe under concurrent starts, and refuses edited history.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrationFiles, migrate } from "../../lib/db/migrate";
import { useTestDatabase } from "../support/db";

async function freshDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  const baseUrl = useTestDatabase();
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await query(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("applies every migration once, recording Prisma-compatible rows, even when two processes race", async () => {
    created.push("mig_race");
    const url = await freshDatabase(baseUrl, "mig_race");
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    const files = listMigrationFiles();
    expect(a.applied.length + b.applied.length).toBe(files.length);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect((await migrate(url)).applied).toEqual([]);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    created.push("mig_edit");
    const url = await freshDatabase(baseUrl, "mig_edit");
    const files = listMigrationFiles();
    await migrate(url, files);
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: "0".repeat(64) } : f));
    await expect(migrate(url, edited)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls back a failing migration completely and names it", async () => {
    created.push("mig_fail");
    const url = await freshDatabase(baseUrl, "mig_fail");
    const broken = [{ name: "20990101000000_broken", sql: `CREATE TABLE "Half" (id int); SELECT * FROM "NoSuchTable";`, checksum: "a".repeat(64) }];
    await expect(migrate(url, broken)).rejects.toThrow(/20990101000000_broken failed and was rolled back/);
    const tables = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(tables[0].n).toBe("0");
    const rows = await query(url, `SELECT * FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(0);
  });
});

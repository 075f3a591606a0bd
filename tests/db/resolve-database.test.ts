// The CLI and the app find a cluster that is already running on the data dir instead of starting a second one.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readRunningPort, resolveDatabase } from "../../lib/db/resolve-database";
import { resetEnvCache } from "../../lib/env";
import { useTestDatabase } from "../support/db";

describe("resolveDatabase", () => {
  const url = useTestDatabase();
  const dataDir = process.env.TEST_DATA_DIR!;
  afterEach(() => {
    process.env.DATABASE_URL = url;
    resetEnvCache();
  });

  it("uses DATABASE_URL when it is set", async () => {
    const db = await resolveDatabase();
    expect(db).toMatchObject({ url, mode: "external" });
  });

  it("connects to the embedded cluster already running on the data dir", async () => {
    delete process.env.DATABASE_URL;
    resetEnvCache();
    const port = readRunningPort(path.join(dataDir, "pg"));
    expect(port).toBe(Number(new URL(url).port));
    const db = await resolveDatabase({ dataDir, databaseName: "fieldwork_test" });
    expect(db.mode).toBe("embedded-running");
    expect(db.url).toBe(url);
  });

  it("reports no running cluster for a folder without one", () => {
    expect(readRunningPort(path.join(dataDir, "nothing-here"))).toBeUndefined();
  });

  // Only root hands the cluster to the `postgres` OS user; for anyone else the check does not apply.
  it.runIf(process.getuid?.() === 0)("explains a data dir the postgres user cannot reach, before touching it", async () => {
    delete process.env.DATABASE_URL;
    resetEnvCache();
    const privateDir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-private-"));
    chmodSync(privateDir, 0o700);
    const dataDir = path.join(privateDir, "data");
    mkdirSync(dataDir);
    try {
      await expect(resolveDatabase({ dataDir })).rejects.toThrow(/cannot enter .*fieldwork-private-.*FIELDWORK_DATA_DIR/s);
    } finally {
      rmSync(privateDir, { recursive: true, force: true });
    }
  });
});

// A throwaway embedded PostgreSQL (new cluster in a temp dir, free port), migrated: for the test run
// and for benchmarks that need a database.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { migrate } from "../../lib/db/migrate";
import { resolveDatabase } from "../../lib/db/resolve-database";
import { resetEnvCache } from "../../lib/env";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type ScratchDatabase = { url: string; dataDir: string; stop: () => Promise<void> };

/** Start, migrate, and point DATABASE_URL at it. `stop` shuts it down and deletes its files. */
export async function startScratchDatabase(databaseName: string): Promise<ScratchDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-test-"));
  chmodSync(dataDir, 0o755); // the postgres OS user must reach the cluster folder
  delete process.env.DATABASE_URL;
  resetEnvCache();
  const database = await resolveDatabase({ dataDir, port: await freePort(), databaseName });
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  return {
    url: database.url,
    dataDir,
    stop: async () => {
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

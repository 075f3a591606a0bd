// One fresh embedded PostgreSQL per test run (a new cluster in a temp dir on a free port), migrated once.
// Test files share it and keep their data apart with unique emails/identifiers.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
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

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-test-"));
  chmodSync(dataDir, 0o755); // the postgres OS user must reach the cluster folder
  delete process.env.DATABASE_URL;
  resetEnvCache();
  const database = await resolveDatabase({ dataDir, port: await freePort(), databaseName: "fieldwork_test" });
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.TEST_DATA_DIR = dataDir;
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

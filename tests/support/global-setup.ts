// One fresh embedded PostgreSQL per test run, migrated once. Test files share it and keep their data
// apart with unique emails/identifiers.
import type { TestProject } from "vitest/node";
import { startScratchDatabase } from "./scratch-database";

export default async function setup(project: TestProject) {
  const database = await startScratchDatabase("fieldwork_test");
  process.env.TEST_DATA_DIR = database.dataDir;
  project.provide("databaseUrl", database.url);
  return database.stop;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

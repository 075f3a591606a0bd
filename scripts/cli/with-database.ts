// Run a command against the resolved database: DATABASE_URL, the running app's embedded PostgreSQL, or
// one started (and stopped again) just for this command. Migrations are applied first.
import { disconnectDb } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { resolveDatabase, type ResolvedDatabase } from "../../lib/db/resolve-database";
import { resetEnvCache } from "../../lib/env";

export async function openDatabase(log?: (line: string) => void): Promise<ResolvedDatabase> {
  const database = await resolveDatabase({ log });
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  return database;
}

export async function withDatabase<T>(fn: () => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const database = await openDatabase((line) => process.stderr.write(`${line}\n`));
  try {
    if (options.migrate !== false) await migrate(database.url);
    return await fn();
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

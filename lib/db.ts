// The one Prisma client, created on first use (a module-level client breaks `next build` without a database).
// Secret columns are omitted by default; code that needs one asks for it with `omit: { passwordHash: false }`.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";

/** A client of its own (the app uses getDb(); tests and benchmarks make a second pool, like a second instance). */
export function createClient(url: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** A transaction client, for functions that take part in a caller's transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { fieldworkDb?: Db };

export function getDb(): Db {
  if (!globalForDb.fieldworkDb) {
    const url = getEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set DATABASE_URL.");
    globalForDb.fieldworkDb = createClient(url);
  }
  return globalForDb.fieldworkDb;
}

export async function disconnectDb(): Promise<void> {
  const client = globalForDb.fieldworkDb;
  globalForDb.fieldworkDb = undefined;
  await client?.$disconnect();
}

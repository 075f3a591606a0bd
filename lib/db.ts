// The one Prisma client, created on first use (a module-level client breaks `next build` without a database).
// Secret columns are omitted by default; code that needs one asks for it with `omit: { passwordHash: false }`.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";

function clientOn(pool: pg.Pool) {
  return new PrismaClient({
    // the client owns the pool: $disconnect ends it
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
  });
}

/** A client of its own (the app uses getDb(); tests and benchmarks make a second pool, like a second instance). */
export function createClient(url: string) {
  return clientOn(new pg.Pool({ connectionString: url, max: 10 }));
}

export type Db = ReturnType<typeof createClient>;
/** A transaction client, for functions that take part in a caller's transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { fieldworkDb?: Db; fieldworkPool?: pg.Pool };

export function getDb(): Db {
  if (!globalForDb.fieldworkDb) {
    const url = getEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set DATABASE_URL.");
    globalForDb.fieldworkPool = new pg.Pool({ connectionString: url, max: 10 });
    globalForDb.fieldworkDb = clientOn(globalForDb.fieldworkPool);
  }
  return globalForDb.fieldworkDb;
}

/**
 * The pg pool under getDb(), for the few reads where Prisma's per-row result mapping is most of the cost
 * (streaming a release's rows: lib/export/read-release-rows.ts). Same connections, no second pool.
 */
export function getPgPool(): pg.Pool {
  getDb();
  return globalForDb.fieldworkPool!;
}

export async function disconnectDb(): Promise<void> {
  const client = globalForDb.fieldworkDb;
  globalForDb.fieldworkDb = undefined;
  globalForDb.fieldworkPool = undefined;
  await client?.$disconnect();
}

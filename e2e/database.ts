// Direct access to the e2e server's embedded PostgreSQL, for what no route may do (e.g. let a token expire
// now rather than in a day). Reads the password from the run's data dir, as the CLI does.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { E2E_DATA_DIR, E2E_PG_PORT } from "../playwright.config";

export async function sql(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const { pgPassword } = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "secrets.json"), "utf8")) as { pgPassword: string };
  const client = new pg.Client({ host: "127.0.0.1", port: Number(E2E_PG_PORT), user: "postgres", password: pgPassword, database: "fieldwork" });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

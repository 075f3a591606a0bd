// fieldwork start — the one command that runs the app: database (embedded unless DATABASE_URL), migrations,
// demo data once, a production build if needed, then the web server (scripts/server.mjs: Next.js behind a thin
// layer that records the client's address). Ctrl-C stops the server and the database.
import { spawn, type ChildProcess } from "node:child_process";
import type { Command } from "commander";
import { disconnectDb, getDb } from "../../../lib/db";
import { loadOrCreateSecrets } from "../../../lib/db/data-dir";
import { migrate } from "../../../lib/db/migrate";
import { DEMO_USERS, seedDemo } from "../../../lib/demo/seed-demo";
import { getEnv } from "../../../lib/env";
import { describeRuntime, probeRuntime } from "../../../lib/sandbox/runtime";
import { buildIfNeeded } from "../build-if-needed";
import { getDemoPassword, peekDemoPassword } from "../demo-password";
import { fail } from "../output";
import { openDatabase } from "../with-database";

type StartOptions = { dev?: boolean };
const log = (line: string) => process.stdout.write(`${line}\n`);

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("run Fieldwork: database, migrations, demo data, web server")
    .option("--dev", "run `next dev` instead of the production build")
    .action(async (options: StartOptions) => {
      try {
        await start(options);
      } catch (error) {
        fail({}, error);
      }
    });
}

async function start(options: StartOptions): Promise<void> {
  const env = getEnv();
  const database = await openDatabase(log);
  log(database.mode === "external" ? "Using the PostgreSQL at DATABASE_URL." : `Embedded PostgreSQL: ${database.mode === "embedded-started" ? "started" : "already running"}.`);
  const migrated = await migrate(database.url);
  if (migrated.applied.length) log(`Applied migrations: ${migrated.applied.join(", ")}.`);

  const isFresh = (await getDb().user.count()) === 0;
  const demoPassword = isFresh ? getDemoPassword() : peekDemoPassword();
  if (isFresh) {
    const seeded = await seedDemo(demoPassword!);
    log(`Demo data: ${seeded.usersCreated} users, ${seeded.seedsCreated} seeds, ${seeded.historyItems} items of review history.`);
  }
  const demoExists = (await getDb().user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } })) > 0;
  await disconnectDb();

  // The sandbox's isolation, or exactly what is missing (the app runs either way; code checks need it).
  const sandbox = describeRuntime(await probeRuntime());

  if (!options.dev) buildIfNeeded(log);
  const port = env.PORT;
  const loopback = isLoopback(env.HOST);
  const url = env.NEXTAUTH_URL ?? `http://${loopback ? "localhost" : env.HOST}:${port}`;
  const child = spawn(
    process.execPath,
    ["scripts/server.mjs", "--port", String(port), "--host", env.HOST, "--trust-proxy", String(env.TRUST_PROXY), ...(options.dev ? ["--dev"] : [])],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? loadOrCreateSecrets().nextauthSecret,
        NEXTAUTH_URL: url,
        NODE_ENV: options.dev ? "development" : "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  const stop = once(async () => {
    child.kill("SIGTERM");
    await waitForExit(child);
    await database.stop();
    process.exit(0);
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
  child.on("exit", (code) => {
    if (!stopping.value) {
      log(`The web server exited (${code ?? "signal"}); stopping the database.`);
      void database.stop().then(() => process.exit(code ?? 1));
    }
  });

  await waitForHealth(env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST, port);
  log("");
  log(`Fieldwork is running at ${url}`);
  if (loopback) log("Listening on this machine only (HOST=0.0.0.0 to serve other machines).");
  log(sandbox);
  if (demoExists) {
    log(`Demo sign-ins (password: ${demoPassword ?? "unknown: set DEMO_PASSWORD before the first start"}):`);
    for (const u of DEMO_USERS) log(`  ${u.role.padEnd(10)} ${u.email}`);
  }
  log("Press Ctrl-C to stop.");
}

const stopping = { value: false };
function once(fn: () => Promise<void>): () => Promise<void> {
  return async () => {
    if (stopping.value) return;
    stopping.value = true;
    await fn();
  };
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

async function waitForHealth(host: string, port: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://${host.includes(":") ? `[${host}]` : host}:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The web server did not answer on port ${port} within 2 minutes.`);
}

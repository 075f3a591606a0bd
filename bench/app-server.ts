// The production app (scripts/server.mjs, the same as `npm start`) against a benchmark's database, for
// benchmarks that measure over HTTP; and a signed-in session for it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { buildIfNeeded } from "../scripts/cli/build-if-needed";

export type AppServer = { base: string; pid: number; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  buildIfNeeded((line) => console.log(line));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["scripts/server.mjs", "--port", String(port), "--host", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), NEXTAUTH_URL: base, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("The app did not start within 2 minutes.");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    pid: child.pid!,
    stop: () => new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}

/** Sign in through next-auth's credentials flow → the Cookie header of the session. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Signing in as ${email} failed (${response.status}).`);
  return [...jar, session].join("; ");
}

/** Full response time (headers and the whole body) of `requests` sequential GETs after `warmup` ones. */
export async function timeGets(url: string, cookie: string, requests = 100, warmup = 10): Promise<number[]> {
  return timeGetsOver([url], cookie, requests, warmup);
}

/** The same over several URLs in turn (e.g. successive pages of a list, so that nothing is served twice). */
export async function timeGetsOver(urls: string[], cookie: string, requests = 100, warmup = 10): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + requests; i++) {
    const url = urls[i % urls.length];
    const t0 = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  return samples;
}

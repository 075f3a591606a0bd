// The pool's state as GET /api/health reports it, and its recovery: a missing runtime or a worker that
// cannot start makes the sandbox unavailable with the reason, and the pool tries again with backoff instead
// of staying broken until a restart (issue 10, point 8). Why a worker could not start is reported whatever
// order its exit and its output arrive in (issue 10, point 9).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import { resetEnvCache } from "../../lib/env";
import { closeSandboxPool, getSandboxPool, SandboxPool } from "../../lib/sandbox/pool";
import { runCode } from "../../lib/sandbox/run-code";
import { describeRuntime, findTool, probeRuntime } from "../../lib/sandbox/runtime";
import { useTestDatabase } from "../support/db";
import { bwrapAvailable, clearSandboxEnv } from "../support/sandbox";

const bwrap = await bwrapAvailable();
const JOB = { kind: "call" as const, code: "def f():\n    return 42", function: "f", calls: [{}], limits: { cpuMs: 2000, wallMs: 5000, memoryMb: 256, outputBytes: 10_000 } };

async function until<T>(read: () => T, done: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const made: string[] = [];

/**
 * A virtual environment of Debian's Python (made by hand: no python3-venv needed) that the sandbox's user
 * can reach; `broken` shadows numpy with a module that fails to import.
 */
function makeVenv(broken: boolean): string {
  // Not under /tmp: every job gets a /tmp of its own, so the sandbox refuses interpreters there.
  const dir = mkdtempSync(path.join(existsSync("/var/tmp") ? "/var/tmp" : os.homedir(), "fieldwork-venv-"));
  made.push(dir);
  chmodSync(dir, 0o755);
  const version = spawnSync("/usr/bin/python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" }).stdout.trim();
  const site = path.join(dir, "venv", "lib", `python${version}`, "site-packages");
  mkdirSync(site, { recursive: true });
  mkdirSync(path.join(dir, "venv", "bin"));
  symlinkSync("/usr/bin/python3", path.join(dir, "venv", "bin", "python"));
  writeFileSync(path.join(dir, "venv", "pyvenv.cfg"), "home = /usr/bin\ninclude-system-site-packages = false\n");
  if (broken) {
    writeFileSync(path.join(site, "system.pth"), "/usr/lib/python3/dist-packages\n"); // seccomp and the rest, but …
    mkdirSync(path.join(site, "numpy"));
    writeFileSync(path.join(site, "numpy", "__init__.py"), "raise ImportError('simulated: this numpy is broken')\n"); // … not numpy
  }
  return path.join(dir, "venv", "bin", "python");
}

afterAll(() => {
  closeSandboxPool();
  clearSandboxEnv();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(bwrap.ok)("sandbox pool state", () => {
  it("is unavailable with the reason while the runtime is missing, then recovers by itself after the backoff", async () => {
    let probes = 0;
    const pool = new SandboxPool(1, { probe: async () => (++probes === 1 ? { error: "The Python sandbox is unavailable: bwrap was not installed yet" } : probeRuntime()) });
    expect(pool.status()).toEqual({ state: "starting", isolation: "bwrap" });
    const down = await until(() => pool.status(), (s) => s.state === "unavailable");
    expect(down).toEqual({ state: "unavailable", isolation: "bwrap", reason: "The Python sandbox is unavailable: bwrap was not installed yet" });
    // Jobs fail at once with the reason, they do not wait.
    expect(await pool.run(JOB)).toMatchObject({ ok: false, unavailable: true, error: down.reason });
    expect(probes).toBe(1);
    // After the backoff (1 s for a first failure) the next look tries again, without a restart.
    const up = await until(() => pool.status(), (s) => s.state === "ready");
    expect(up).toEqual({ state: "ready", isolation: "bwrap" });
    expect((await pool.run(JOB)).results).toEqual([{ output: 42, ms: expect.any(Number) }]);
    expect(probes).toBe(2);
    pool.close();
  }, 60_000);

  it("without bubblewrap, refuses to run anything and names the fix (no fallback)", async () => {
    const pool = new SandboxPool(1, { probe: () => probeRuntime((name) => (name === "bwrap" ? null : findTool(name))) });
    const answer = await pool.run(JOB);
    expect(answer).toMatchObject({ ok: false, unavailable: true, isolation: null });
    expect(answer.error).toBe(
      "The Python sandbox is unavailable, so code checks cannot run: bubblewrap (bwrap) is not installed. Fix: apt-get install -y bubblewrap python3 python3-numpy python3-scipy python3-sympy python3-mpmath python3-seccomp (or SANDBOX_ISOLATION=unsafe-rlimits on a developer's own machine only)",
    );
    expect(pool.status()).toEqual({ state: "unavailable", isolation: "bwrap", reason: answer.error });
    pool.close();
  });

  it("reports the missing module of a worker that exits at start, every time", async () => {
    process.env.SANDBOX_PYTHON = makeVenv(true);
    resetEnvCache();
    for (let i = 0; i < 8; i++) {
      closeSandboxPool();
      const r = await runCode({ code: "def f():\n    return 1", functionName: "f", calls: [{}] });
      expect(r).toMatchObject({ ok: false, unavailable: true });
      expect(r.error).toBe("Python 3.10+ with numpy is required for code checks: numpy cannot be imported: simulated: this numpy is broken");
    }
    closeSandboxPool();
    clearSandboxEnv();
  }, 60_000);

  it("names what is missing before starting anything: a Python without numpy, a Python that is not there", async () => {
    process.env.SANDBOX_PYTHON = makeVenv(false);
    resetEnvCache();
    closeSandboxPool();
    const r = await runCode({ code: "def f():\n    return 1", functionName: "f", calls: [{}] });
    expect(r).toMatchObject({ ok: false, unavailable: true, isolation: null });
    expect(r.error).toMatch(/^Python 3\.10\+ with numpy is required for code checks: numpy and seccomp cannot be imported by \S+venv\/bin\/python \(Debian: python3-numpy, python3-seccomp\)\. Fix: apt-get install -y bubblewrap python3 python3-numpy/);
    process.env.SANDBOX_PYTHON = "/nonexistent/python3";
    resetEnvCache();
    closeSandboxPool();
    const missing = await runCode({ code: "def f():\n    return 1", functionName: "f", calls: [{}] });
    expect(missing.error).toMatch(/^Python 3\.10\+ with numpy is required for code checks: \/nonexistent\/python3 not found \(ENOENT\)\. Fix: apt-get install/);
    expect(missing.results[0]).toMatchObject({ error: missing.error });
    closeSandboxPool();
    clearSandboxEnv();
  }, 60_000);

  it("npm start's line names the isolation and the uid, or what is missing", async () => {
    expect(describeRuntime(await probeRuntime())).toMatch(/^Sandbox: bubblewrap \+ seccomp, jobs as (uid 65534|this server's uid \d+); Python 3\.\d+\.\d+ \(\S+\)/);
    expect(describeRuntime(await probeRuntime((name) => (name === "bwrap" ? null : findTool(name))))).toMatch(
      /^Sandbox: UNAVAILABLE: code checks and grading will fail\. .*bubblewrap \(bwrap\) is not installed\. Fix: apt-get install -y bubblewrap/,
    );
  });

  it("GET /api/health answers at once with the database and the sandbox's state, starting the workers", async () => {
    useTestDatabase();
    closeSandboxPool();
    const first = await (await GET()).json();
    expect(first).toEqual({ ok: true, sandbox: { state: "starting", isolation: "bwrap" } });
    await until(() => getSandboxPool().status(), (s) => s.state === "ready");
    expect(await (await GET()).json()).toEqual({ ok: true, sandbox: { state: "ready", isolation: "bwrap" } });
    closeSandboxPool();
  }, 60_000);
});

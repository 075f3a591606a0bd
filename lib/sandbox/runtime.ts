import "server-only";
// Which Python runs the workers, how they are isolated and as which user, or exactly what is missing.
// Probed without blocking the event loop, once per pool (and again when the pool retries after a failure).
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../env";
import { getDataDir } from "../db/data-dir";
import { bwrapArgs, dropToUser, SYSTEM_PATH } from "./worker-command";
import { RUNTIME_REQUIRED, SANDBOX_APT, SANDBOX_UNAVAILABLE, type Isolation } from "./types";

export type RuntimeOk = {
  python: string;
  version: string;
  isolation: Isolation;
  /** The host uid jobs run as: SANDBOX_UID when the server runs as root, else the server's own (bwrap only). */
  uid: number;
  /** setpriv, when the server runs as root and must drop to `uid` before starting anything. */
  setpriv: string | null;
  bwrap: string | null;
  /** Interpreter directories outside /usr, bound read-only into the sandbox. */
  binds: string[];
  /** Optional modules the worker imports when present (reference code using them fails without). */
  missingOptional: string[];
};
export type Runtime = RuntimeOk | { error: string };

const REQUIRED = ["numpy", "seccomp"];
const OPTIONAL = ["scipy", "sympy", "mpmath"];
const PROBE = `import sys, json, importlib.util
def has(m):
    try:
        return importlib.util.find_spec(m) is not None
    except Exception:
        return False
import os
print(json.dumps({"executable": sys.executable, "version": "%d.%d.%d" % sys.version_info[:3], "recent": sys.version_info >= (3, 10),
  "reachable": all(os.access(d, os.R_OK | os.X_OK) for d in (os.path.dirname(sys.executable), sys.prefix, sys.base_prefix)),
  "dirs": [sys.prefix, sys.exec_prefix, sys.base_prefix, *sys.path], "modules": {m: has(m) for m in ${JSON.stringify([...REQUIRED, ...OPTIONAL])}}}))`;
type Probe = { executable: string; version: string; recent: boolean; reachable: boolean; dirs: string[]; modules: Record<string, boolean> };

type Exec = { code: number | null; stdout: string; stderr: string; spawnError?: string };
function run(command: string, args: string[], env?: Record<string, string>): Promise<Exec> {
  return new Promise((resolve) => {
    const options = { timeout: 20_000, maxBuffer: 1 << 20, encoding: "utf8" as const, ...(env ? { env: env as NodeJS.ProcessEnv } : {}) };
    execFile(command, args, options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr, ...(error && typeof error.code === "string" ? { spawnError: error.code } : {}) });
    });
  });
}

/** An executable on the system PATH (not the server's: a sandbox tool must be one every user can run). */
export function findTool(name: string): string | null {
  for (const dir of SYSTEM_PATH.split(":")) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not here
    }
  }
  return null;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const tail = (text: string) => text.trim().split("\n").slice(-2).join(" ").slice(-300);

/** The interpreter directories a worker needs that /usr does not cover, never one holding the data dir. */
function interpreterBinds(dirs: string[], dataDir: string): string[] | { error: string } {
  const real = [...new Set(dirs.filter((d) => d && path.isAbsolute(d) && existsSync(d)).map((d) => realpathSync(d)))];
  const outside = real.filter((d) => d !== "/usr" && !d.startsWith("/usr/")).sort();
  const binds = outside.filter((d, i) => !outside.slice(0, i).some((p) => d === p || d.startsWith(`${p}/`)));
  const unsafe = binds.find((d) => d === "/" || dataDir === d || dataDir.startsWith(`${d}/`));
  if (unsafe) return { error: `${SANDBOX_UNAVAILABLE}: the Python installation's directory ${unsafe} contains the data dir ${dataDir}; use Debian's Python (${SANDBOX_APT})` };
  const underTmp = binds.find((d) => d === "/tmp" || d.startsWith("/tmp/"));
  if (underTmp) return { error: `${SANDBOX_UNAVAILABLE}: the Python installation's directory ${underTmp} is under /tmp, which every job replaces with its own; install it elsewhere or use Debian's Python (${SANDBOX_APT})` };
  return binds;
}

function missingModules(python: string, probe: Probe): string | null {
  const missing = REQUIRED.filter((m) => !probe.modules[m]);
  if (missing.length === 0) return null;
  const prefix = missing[0] === "numpy" ? RUNTIME_REQUIRED : SANDBOX_UNAVAILABLE;
  return `${prefix}: ${missing.join(" and ")} cannot be imported by ${python} (Debian: ${missing.map((m) => `python3-${m}`).join(", ")}). Fix: ${SANDBOX_APT}`;
}

/** `find` stands in for the PATH lookup in tests (a machine without bubblewrap). */
export async function probeRuntime(find: (name: string) => string | null = findTool): Promise<Runtime> {
  const env = getEnv();
  const isolation = env.SANDBOX_ISOLATION;
  const root = isRoot();
  const uid = root ? env.SANDBOX_UID : (process.getuid?.() ?? -1);
  const fix = `Fix: ${SANDBOX_APT}`;
  if (isolation === "unsafe-rlimits" && !root) {
    return { error: `${SANDBOX_UNAVAILABLE}: SANDBOX_ISOLATION=unsafe-rlimits runs jobs as uid ${env.SANDBOX_UID}, which needs the server to run as root (it runs as uid ${uid}). Use bubblewrap instead (${SANDBOX_APT}).` };
  }
  const setpriv = root ? find("setpriv") : null;
  if (root && !setpriv) return { error: `${SANDBOX_UNAVAILABLE}: setpriv (Debian: util-linux) is missing; it starts the sandbox as uid ${uid}. Fix: apt-get install -y util-linux` };
  const bwrap = isolation === "bwrap" ? find("bwrap") : null;
  if (isolation === "bwrap" && !bwrap) return { error: `${SANDBOX_UNAVAILABLE}: bubblewrap (bwrap) is not installed. ${fix} (or SANDBOX_ISOLATION=unsafe-rlimits on a developer's own machine only)` };

  // Which interpreter: the configured one, else Debian's, resolved (a pyenv shim is not the interpreter).
  const configured = env.SANDBOX_PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
  const first = await run(configured, ["-I", "-c", "import sys; print(sys.executable)"]);
  if (first.spawnError) return { error: `${RUNTIME_REQUIRED}: ${configured} not found (${first.spawnError}). ${fix}` };
  const executable = first.stdout.trim();
  if (first.code !== 0 || !executable) return { error: `${RUNTIME_REQUIRED}: ${configured} did not start: ${tail(first.stderr)}` };
  // What the sandbox's user sees of it.
  const asUser = await run(setpriv ?? executable, [...(setpriv ? [...dropToUser(uid), executable] : []), "-I", "-c", PROBE], { PATH: SYSTEM_PATH });
  if (asUser.code !== 0) {
    return { error: `${RUNTIME_REQUIRED}: ${executable} cannot be run by uid ${uid}, the sandbox's user (${tail(asUser.stderr) || asUser.spawnError}). Use a Python every user can run: ${SANDBOX_APT} (/usr/bin/python3 is the default when present)` };
  }
  const probe = JSON.parse(asUser.stdout) as Probe;
  const everyone = `Use a Python every user can run: ${SANDBOX_APT} (/usr/bin/python3 is the default when present)`;
  if (!probe.reachable) return { error: `${RUNTIME_REQUIRED}: ${executable} lives in a directory that uid ${uid}, the sandbox's user, cannot read. ${everyone}` };
  if (!probe.recent) return { error: `${RUNTIME_REQUIRED}: ${executable} is Python ${probe.version}` };
  const missing = missingModules(executable, probe);
  if (missing) return { error: missing };
  const binds = interpreterBinds(probe.dirs, getDataDir());
  if ("error" in binds) return binds;
  const runtime: RuntimeOk = { python: executable, version: probe.version, isolation, uid, setpriv, bwrap, binds, missingOptional: OPTIONAL.filter((m) => !probe.modules[m]) };

  if (bwrap) {
    // bubblewrap itself: can it create its namespaces here, as that user?
    const args = bwrapArgs(runtime, null, []);
    const tried = await run(setpriv ?? bwrap, [...(setpriv ? [...dropToUser(uid), bwrap] : []), ...args, "--", executable, "-I", "-c", "pass"], { PATH: SYSTEM_PATH });
    if (tried.code !== 0 && /execvp/.test(tried.stderr)) {
      return { error: `${RUNTIME_REQUIRED}: ${executable} is not inside the sandbox's file system (${tail(tried.stderr)}). Use Debian's Python: ${SANDBOX_APT}` };
    }
    if (tried.code !== 0) {
      return { error: `${SANDBOX_UNAVAILABLE}: bubblewrap cannot create its namespaces here (${tail(tried.stderr) || tried.spawnError}). Fix: allow unprivileged user namespaces (sysctl -w kernel.unprivileged_userns_clone=1; on Ubuntu 24.04+ also kernel.apparmor_restrict_unprivileged_userns=0 or an AppArmor profile for bwrap), or use a machine or container that permits them` };
    }
  }
  return runtime;
}

/** One line for `npm start`: the active isolation, or what is missing and the fix. */
export function describeRuntime(runtime: Runtime): string {
  if ("error" in runtime) return `Sandbox: UNAVAILABLE: code checks and grading will fail. ${runtime.error}`;
  const who = runtime.setpriv ? `as uid ${runtime.uid}` : `as this server's uid ${runtime.uid}`;
  const how = runtime.isolation === "bwrap" ? `bubblewrap + seccomp, jobs ${who}` : `UNSAFE (SANDBOX_ISOLATION=unsafe-rlimits: rlimits + seccomp, no namespaces; a developer's own machine only), jobs ${who}`;
  const optional = runtime.missingOptional.length ? `; missing ${runtime.missingOptional.join(", ")} (Debian: ${runtime.missingOptional.map((m) => `python3-${m}`).join(" ")})` : "";
  return `Sandbox: ${how}; Python ${runtime.version} (${runtime.python})${optional}.`;
}

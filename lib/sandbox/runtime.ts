import "server-only";
// Which Python runs the workers and how they are isolated, decided once per process.
import { spawnSync } from "node:child_process";
import { getEnv } from "../env";
import type { Isolation } from "./types";

export type Runtime = { python: string; isolation: Isolation } | { error: string };

let cached: Runtime | undefined;

const BWRAP_PROBE = ["--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev", "--", "true"];

/** The real interpreter (not a pyenv shim, which needs its environment), or why there is none. */
function findPython(command: string): { python: string } | { error: string } {
  const probe = spawnSync(command, ["-c", "import sys; print(sys.executable); print(sys.version_info >= (3, 10))"], { encoding: "utf8", timeout: 15_000 });
  if (probe.error) return { error: `${command} not found (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message})` };
  const [executable, recent] = probe.stdout.trim().split("\n");
  if (probe.status !== 0 || !executable) return { error: `${command} did not start: ${probe.stderr.trim().slice(0, 200)}` };
  if (recent !== "True") return { error: `${command} is older than 3.10` };
  return { python: executable };
}

function bwrapWorks(): boolean {
  const probe = spawnSync("bwrap", BWRAP_PROBE, { timeout: 10_000 });
  return !probe.error && probe.status === 0;
}

export function getRuntime(): Runtime {
  if (cached) return cached;
  const env = getEnv();
  const found = findPython(env.SANDBOX_PYTHON);
  if ("error" in found) return (cached = found);
  let isolation: Isolation;
  if (env.SANDBOX_ISOLATION === "rlimits") isolation = "rlimits";
  else if (bwrapWorks()) isolation = "bwrap";
  else if (env.SANDBOX_ISOLATION === "bwrap") return (cached = { error: "SANDBOX_ISOLATION=bwrap but bubblewrap (bwrap) is missing or cannot create namespaces here" });
  else isolation = "rlimits";
  return (cached = { python: found.python, isolation });
}

/** The command that starts one worker. */
export function workerCommand(runtime: { python: string; isolation: Isolation }, script: string, tmpDir: string): { command: string; args: string[]; cwd: string; env: Record<string, string> } {
  const env = { PATH: "/usr/local/bin:/usr/bin:/bin", LANG: "C.UTF-8", OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1", PYTHONDONTWRITEBYTECODE: "1", PYTHONHASHSEED: "0" };
  if (runtime.isolation === "rlimits") return { command: runtime.python, args: ["-u", "-I", script], cwd: tmpDir, env: { ...env, HOME: tmpDir, TMPDIR: tmpDir } };
  // The private /tmp hides anything under the host's /tmp (a checkout there included), so the worker
  // script is bound in read-only after it.
  const inside = "/tmp/.fieldwork-sandbox/worker.py";
  const python = [runtime.python, "-u", "-I", inside];
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const args = [
    "--unshare-all", "--die-with-parent", "--new-session",
    ...(asRoot ? ["--cap-drop", "ALL", "--uid", "65534", "--gid", "65534"] : []),
    "--ro-bind", "/", "/", "--tmpfs", "/tmp", "--ro-bind", script, inside, "--proc", "/proc", "--dev", "/dev", "--chdir", "/tmp", "--clearenv",
    ...Object.entries({ ...env, HOME: "/tmp", TMPDIR: "/tmp" }).flatMap(([k, v]) => ["--setenv", k, v]),
    "--", ...python,
  ];
  return { command: "bwrap", args, cwd: tmpDir, env };
}

/** For tests, which switch isolation modes within one process. */
export function resetRuntime(): void {
  cached = undefined;
}

import "server-only";
// The command line that starts one worker: dropped to the sandbox's uid first (when the server is root),
// then bubblewrap with a minimal read-only file system, or (unsafe-rlimits) Python directly.
import { chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RuntimeOk } from "./runtime";

export const SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const PYTHON_SOURCES = path.join(process.cwd(), "lib", "sandbox", "python");
const INSIDE = "/sandbox";

/** setpriv arguments: become `uid` with no groups, no capabilities (not even inheritable or bounding) and no_new_privs. */
export function dropToUser(uid: number): string[] {
  return [`--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"];
}

/** /bin, /lib, /lib64 … as they are on the host: symbolic links into /usr, or directories bound read-only. */
function rootLinks(): string[] {
  const args: string[] = [];
  for (const name of ["bin", "sbin", "lib", "lib32", "lib64", "libx32"]) {
    const p = `/${name}`;
    // (turbopackIgnore: host paths at run time, not files of the app for the build to trace)
    if (!existsSync(/*turbopackIgnore: true*/ p)) continue;
    if (lstatSync(/*turbopackIgnore: true*/ p).isSymbolicLink()) args.push("--symlink", readlinkSync(/*turbopackIgnore: true*/ p), p);
    else args.push("--ro-bind", p, p);
  }
  return args;
}

/**
 * bubblewrap's options (before `--`): every namespace, a tmpfs root made read-only with only /usr, /lib*,
 * the interpreter's directories, BLAS's /etc/alternatives, the loader cache and the worker's files
 * (`stage`, at /sandbox) in it, its own /proc and minimal /dev, and a /tmp (each job mounts its own over it).
 */
export function bwrapArgs(runtime: RuntimeOk, stage: string | null, extraBinds: [string, string][]): string[] {
  return [
    "--unshare-all", "--die-with-parent", "--new-session", "--as-pid-1",
    "--ro-bind", "/usr", "/usr", ...rootLinks(),
    "--ro-bind-try", "/etc/alternatives", "/etc/alternatives", "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
    ...runtime.binds.flatMap((d) => ["--ro-bind", d, d]),
    ...(stage ? ["--ro-bind", stage, INSIDE] : []),
    ...extraBinds.flatMap(([from, to]) => ["--ro-bind", from, to]),
    "--proc", "/proc", "--dev", "/dev", "--remount-ro", "/dev", "--tmpfs", "/tmp", "--remount-ro", "/", "--chdir", "/",
  ];
}

export type Stage = { dir: string; canary: string | null; close: () => void };

const STAGE_PREFIX = "fieldwork-sandbox-";

/** Stages left by servers that were killed (no exit handler runs then): ours, and their process gone. */
function removeStaleStages(): void {
  for (const name of readdirSync(os.tmpdir())) {
    const pid = Number(new RegExp(`^${STAGE_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    const dir = path.join(os.tmpdir(), name);
    if (lstatSync(dir).uid === process.getuid?.()) rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The worker's Python files, copied where the sandbox's user can read them (the checkout may sit in a
 * private home), and, when the server is root, a root-only canary file the worker must fail to read.
 */
export function stageWorker(asRoot: boolean): Stage {
  removeStaleStages();
  const dir = mkdtempSync(path.join(os.tmpdir(), `${STAGE_PREFIX}${process.pid}-`));
  chmodSync(dir, 0o755);
  for (const name of readdirSync(PYTHON_SOURCES).filter((n) => n.endsWith(".py"))) {
    copyFileSync(path.join(PYTHON_SOURCES, name), path.join(dir, name));
    chmodSync(path.join(dir, name), 0o644);
  }
  let canary: string | null = null;
  if (asRoot) {
    canary = path.join(dir, "canary");
    writeFileSync(canary, "root only\n", { mode: 0o600 });
  }
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", remove);
  const close = () => {
    process.off("exit", remove);
    remove();
  };
  return { dir, canary, close };
}

export type WorkerCommand = { command: string; args: string[]; env: Record<string, string>; cwd: string };

type Options = { stage: Stage; private: string[]; index: number; extraBinds?: [string, string][] };

/** The command that starts one worker. */
export function workerCommand(runtime: RuntimeOk, options: Options): WorkerCommand {
  const env = { PATH: "/usr/bin:/bin", LANG: "C.UTF-8", OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  const drop = runtime.setpriv ? [runtime.setpriv, ...dropToUser(runtime.uid)] : [];
  if (runtime.isolation === "unsafe-rlimits") {
    // No namespaces: a private working directory per worker (the worker makes one per job inside it).
    const workdir = path.join(options.stage.dir, `worker-${options.index}`);
    mkdirSync(workdir, { mode: 0o700 });
    chownSync(workdir, runtime.uid, runtime.uid);
    const config = { mode: runtime.isolation, canary: options.stage.canary, private: options.private, workdir };
    const python = [runtime.python, "-u", "-I", "-B", path.join(options.stage.dir, "worker.py")];
    const [command, ...args] = [...drop, ...python];
    return { command, args, cwd: workdir, env: { ...env, HOME: workdir, TMPDIR: workdir, FIELDWORK_SANDBOX: JSON.stringify(config) } };
  }
  const canary = options.stage.canary ? `${INSIDE}/canary` : null;
  const config = { mode: runtime.isolation, canary, private: options.private };
  const inner = { ...env, HOME: "/tmp", TMPDIR: "/tmp", FIELDWORK_SANDBOX: JSON.stringify(config) };
  const args = [
    ...bwrapArgs(runtime, options.stage.dir, options.extraBinds ?? []),
    "--clearenv", ...Object.entries(inner).flatMap(([k, v]) => ["--setenv", k, v]),
    "--", runtime.python, "-u", "-I", "-B", `${INSIDE}/worker.py`,
  ];
  const [command, ...rest] = [...drop, runtime.bwrap!, ...args];
  return { command, args: rest, cwd: "/", env: { PATH: SYSTEM_PATH } };
}

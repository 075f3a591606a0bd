// Which sandbox modes the tests can run here. Bubblewrap is required when CI is set: a CI machine without
// it would otherwise skip the boundary tests silently.
import { resetEnvCache } from "../../lib/env";
import { probeRuntime, type Runtime } from "../../lib/sandbox/runtime";
import type { Isolation } from "../../lib/sandbox/types";

export const IS_CI = Boolean(process.env.CI);
export const IS_ROOT = typeof process.getuid === "function" && process.getuid() === 0;

/** Probe the runtime with SANDBOX_ISOLATION set to `mode` (the environment is left that way). */
export async function probeMode(mode: Isolation): Promise<Runtime> {
  process.env.SANDBOX_ISOLATION = mode;
  resetEnvCache();
  return probeRuntime();
}

export function clearSandboxEnv(): void {
  for (const key of ["SANDBOX_ISOLATION", "SANDBOX_PYTHON", "SANDBOX_WORKERS", "SANDBOX_WORKER_JOBS"]) delete process.env[key];
  resetEnvCache();
}

/** Fails the run loudly when CI is set and bubblewrap does not work; otherwise says whether to skip. */
export async function bwrapAvailable(): Promise<{ ok: boolean; why?: string }> {
  const runtime = await probeMode("bwrap");
  clearSandboxEnv();
  if (!("error" in runtime)) return { ok: true };
  if (IS_CI) throw new Error(`CI is set but the bubblewrap sandbox does not work here: ${runtime.error}`);
  return { ok: false, why: runtime.error };
}

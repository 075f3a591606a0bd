import "server-only";
// The sandbox's two operations: call a function of untrusted code on inputs, and read its signature.
import { getEnv } from "../env";
import { getSandboxPool } from "./pool";
import type { CallResult, InspectResult, RunResult, SandboxLimits, Signature } from "./types";

export function defaultLimits(): SandboxLimits {
  const env = getEnv();
  return { cpuMs: env.SANDBOX_CPU_MS, wallMs: env.SANDBOX_WALL_MS, memoryMb: env.SANDBOX_MEMORY_MB, outputBytes: env.SANDBOX_OUTPUT_BYTES };
}

type RunInput = { code: string; functionName: string; calls: Record<string, unknown>[]; limits?: Partial<SandboxLimits> };

/** Define the code in a fresh namespace and call `functionName` once per entry of `calls` (keyword arguments). */
export async function runCode({ code, functionName, calls, limits }: RunInput): Promise<RunResult> {
  const pool = getSandboxPool();
  const answer = await pool.run({ kind: "call", code, function: functionName, calls, limits: { ...defaultLimits(), ...limits } });
  const results = (answer.results as CallResult[] | undefined) ?? [];
  const error = answer.error ?? null;
  // A job that failed before any call (syntax error, missing function, runtime missing): every call carries why.
  const filled = results.length === calls.length ? results : calls.map((_, i) => results[i] ?? { error: error ?? "not run", ms: null });
  return { ok: answer.ok && error === null && filled.every((r) => "output" in r), isolation: answer.isolation ?? null, error, results: filled, ...(answer.unavailable ? { unavailable: true } : {}) };
}

/** Parse the code with Python's `ast` (in the sandbox) and describe the top-level function `functionName`. */
export async function inspectCode(code: string, functionName: string): Promise<InspectResult> {
  const pool = getSandboxPool();
  const answer = await pool.run({ kind: "inspect", code, function: functionName, calls: [], limits: { ...defaultLimits(), wallMs: 5000 } });
  return {
    ok: answer.ok,
    isolation: answer.isolation ?? null,
    error: answer.error ?? null,
    signature: (answer.inspect as Signature | undefined) ?? null,
    ...(answer.unavailable ? { unavailable: true } : {}),
  };
}

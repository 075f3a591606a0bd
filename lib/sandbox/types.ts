// What the sandbox takes and gives back. Results are values, never throws: a missing runtime, a crash or
// a timeout is a failed result the checks report, not a server error.

/** How the code was isolated: bubblewrap (the boundary), or rlimits + seccomp only, for a developer's own
 * machine (`SANDBOX_ISOLATION=unsafe-rlimits`: every result says so). */
export type Isolation = "bwrap" | "unsafe-rlimits";

/** The pool's state as `GET /api/health` reports it. */
export type SandboxStatus = { state: "ready" | "starting" | "unavailable"; isolation: Isolation; reason?: string };

export type SandboxLimits = { cpuMs: number; wallMs: number; memoryMb: number; outputBytes: number };

/** JSON data from Python: complex as {re, im}, non-finite floats as {"$float": "nan"|"inf"|"-inf"}. */
export type PyValue = number | boolean | string | null | { re: PyValue; im: PyValue } | { $float: string } | { $repr: string } | PyValue[];

export type CallResult = { output: PyValue; ms: number } | { error: string; ms: number | null };

export type RunResult = {
  ok: boolean;
  isolation: Isolation | null;
  /** Why the job as a whole failed (syntax error, missing function, time limit, runtime missing). */
  error: string | null;
  /** One per call, in order (also when the job failed part-way: the rest carry the reason). */
  results: CallResult[];
  /** True when the sandbox cannot run anything (bubblewrap, Python or a module missing): nothing ran. */
  unavailable?: boolean;
};

export type Signature = {
  found: boolean;
  line?: number;
  async?: boolean;
  params?: { name: string; annotation: string | null }[];
  kwonly?: string[];
  vararg?: string | null;
  kwarg?: string | null;
  defaults?: number;
  returns?: string | null;
  functions?: string[];
  error?: string;
};

export type InspectResult = { ok: boolean; isolation: Isolation | null; error: string | null; signature: Signature | null; unavailable?: boolean };

export const RUNTIME_REQUIRED = "Python 3.10+ with numpy is required for code checks";
export const SANDBOX_UNAVAILABLE = "The Python sandbox is unavailable, so code checks cannot run";
/** The one line that installs the sandbox's runtime on Debian/Ubuntu (README, first screen). */
export const SANDBOX_APT = "apt-get install -y bubblewrap python3 python3-numpy python3-scipy python3-sympy python3-mpmath python3-seccomp";

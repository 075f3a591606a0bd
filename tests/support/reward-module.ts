// The Python reward module, run as a training script runs it (Debian's python3, as the sandbox uses), for
// tests and benchmarks: responses and ground truths in, the module's results out.
import { spawn } from "node:child_process";
import path from "node:path";

export const REWARD_MODULE = path.join(process.cwd(), "lib", "grading", "python", "fieldwork_reward.py");
export const SYSTEM_PYTHON = "/usr/bin/python3";

export type ModuleCase = { index: number; inputs: unknown; expected: unknown; got: unknown; passed: boolean; error: string | null };
export type ModuleResult = { passed: boolean; score: number; cases_passed: number; cases_total: number; cases: ModuleCase[]; code: string | null; function_name: string; error: string; ms: number };

type Limits = { wallMs: number; cpuMs: number; memoryMb: number; outputBytes: number };

export function gradeWithModule(responses: string[], groundTruths: unknown[], options: { limits?: Limits; module?: string; env?: Record<string, string> } = {}): Promise<ModuleResult[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.FIELDWORK_URL;
  delete env.FIELDWORK_TOKEN;
  if (options.limits) {
    Object.assign(env, {
      FIELDWORK_WALL_MS: String(options.limits.wallMs), FIELDWORK_CPU_MS: String(options.limits.cpuMs),
      FIELDWORK_MEMORY_MB: String(options.limits.memoryMb), FIELDWORK_OUTPUT_BYTES: String(options.limits.outputBytes),
    });
  }
  Object.assign(env, options.env ?? {});
  return new Promise((resolve, reject) => {
    const child = spawn(SYSTEM_PYTHON, [path.join(process.cwd(), "tests", "grading", "grade_with_module.py")], { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the reward module failed (${code}): ${err}`));
      resolve((JSON.parse(out) as { results: ModuleResult[] }).results);
    });
    child.stdin.end(JSON.stringify({ module: options.module ?? REWARD_MODULE, responses, groundTruths }));
  });
}

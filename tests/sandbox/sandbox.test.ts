// The real Python sandbox against hostile code: every attack ends as a clean failure and the pool keeps
// serving afterwards. Uses the host's python3 (with numpy) and bubblewrap when present.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSandboxPool, getSandboxPool } from "../../lib/sandbox/pool";
import { getRuntime, resetRuntime, workerCommand } from "../../lib/sandbox/runtime";
import { resetEnvCache } from "../../lib/env";
import { inspectCode, runCode } from "../../lib/sandbox/run-code";
import type { CallResult } from "../../lib/sandbox/types";

const FAST = { cpuMs: 1000, wallMs: 3000, memoryMb: 256, outputBytes: 100_000 };

async function one(code: string, functionName = "f", args: Record<string, unknown> = {}) {
  return runCode({ code, functionName, calls: [args], limits: FAST });
}
const errorOf = (r: { results: CallResult[] }) => ("error" in r.results[0] ? r.results[0].error : null);

// Both isolation levels: the fallback always, bubblewrap too (auto picks it when the host has it).
describe.each(["rlimits", "auto"] as const)("sandbox (SANDBOX_ISOLATION=%s)", (mode) => {
  beforeAll(async () => {
    closeSandboxPool();
    process.env.SANDBOX_ISOLATION = mode;
    resetEnvCache();
    resetRuntime();
    expect(await getSandboxPool().warm()).toBeNull();
    const runtime = getRuntime();
    if (mode === "rlimits") expect(runtime).toMatchObject({ isolation: "rlimits" });
  }, 120_000);
  afterAll(() => {
    closeSandboxPool();
    delete process.env.SANDBOX_ISOLATION;
    resetEnvCache();
    resetRuntime();
  });

  it("runs a function on several inputs and encodes complex, tuples, numpy values and non-finite floats", async () => {
    const r = await runCode({
      code: "import numpy as np\ndef f(x, z):\n    return (np.float64(x) * 2, z * 1j, float('inf'), np.arange(2))",
      functionName: "f",
      calls: [{ x: 1.5, z: { re: 1, im: 2 } }, { x: -1, z: 0 }],
    });
    expect(r.ok).toBe(true);
    expect(r.isolation).toMatch(/^(bwrap|rlimits)$/);
    expect(r.results.map((c) => ("output" in c ? c.output : c.error))).toEqual([
      [3, { re: -2, im: 1 }, { $float: "inf" }, [0, 1]],
      [-2, { re: 0, im: 0 }, { $float: "inf" }, [0, 1]],
    ]);
  });

  it("runs each job in a fresh namespace", async () => {
    await one("import math\nmath.pi = 3\nSTATE = 1\ndef f():\n    return 1");
    const r = await one("import math\ndef f():\n    return (math.pi, 'STATE' in globals())");
    expect(r.results[0]).toMatchObject({ output: [Math.PI, false] });
  });

  it.each([
    ["an infinite loop", "def f():\n    while True:\n        pass", /time limit/],
    ["an 8 GB allocation", "def f():\n    return len(bytearray(8 * 1024**3))", /memory/],
    ["a fork bomb", "import os\ndef f():\n    while True:\n        os.fork()", /not allowed|Resource|BlockingIOError|PermissionError/],
    ["reading /etc/passwd", "def f():\n    return open('/etc/passwd').read()", /not allowed/],
    ["writing a file", "def f():\n    open('/work-sandbox-escape.txt', 'w').write('x')\n    return 1", /not allowed|Read-only|Permission/],
    ["opening a socket", "import socket\ndef f():\n    s = socket.socket()\n    s.connect(('1.1.1.1', 80))\n    return 1", /not allowed|unreachable/],
    ["os.system", "import os\ndef f():\n    return os.system('id')", /not allowed/],
    ["subprocess", "import subprocess\ndef f():\n    return subprocess.run(['id']).returncode", /not allowed/],
    ["ctypes", "import ctypes\ndef f():\n    return ctypes.CDLL(None).getpid()", /not allowed/],
    ["sys.exit", "import sys\ndef f():\n    sys.exit(3)", /exit/],
    ["100 MB of output", "def f():\n    print('x' * 100_000_000)\n    return 1", /printed more than|output limit|memory/],
    ["a huge integer", "def f():\n    return 10 ** (10 ** 10)", /time limit|memory/],
    ["a huge return value", "def f():\n    return 'x' * 5_000_000", /returned more than|output limit/],
  ])("turns %s into a clean failure", async (_name, code, pattern) => {
    const r = await one(code);
    expect(r.ok || r.results.every((c) => "error" in c)).toBe(true);
    expect(errorOf(r) ?? r.error).toMatch(pattern);
    // The pool still serves.
    const after = await one("def f():\n    return 42");
    expect(after.results[0]).toMatchObject({ output: 42 });
  }, 30_000);

  it("reports a syntax error with its line, and a missing function by name", async () => {
    const syntax = await one("def f(:\n    return 1");
    expect(syntax.ok).toBe(false);
    expect(syntax.error).toMatch(/SyntaxError at line 1/);
    expect(errorOf(syntax)).toMatch(/SyntaxError/);
    const missing = await one("def g():\n    return 1");
    expect(missing.error).toBe("the code does not define a function named f");
  });

  it("reads a function's signature with ast without running the code", async () => {
    const r = await inspectCode("import os\nos.system('id')\n\ndef energy(n: int, omega: float = 1.0) -> float:\n    return 0", "energy");
    expect(r.signature).toMatchObject({
      found: true, line: 4, params: [{ name: "n", annotation: "int" }, { name: "omega", annotation: "float" }], defaults: 1, returns: "float",
    });
    expect((await inspectCode("def other():\n    pass", "energy")).signature).toMatchObject({ found: false, functions: ["other"] });
  });

  it("serves jobs from many callers at once", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => one("def f(x):\n    return x * x", "f", { x: i })));
    expect(results.map((r) => ("output" in r.results[0] ? r.results[0].output : null))).toEqual(Array.from({ length: 20 }, (_, i) => i * i));
  });
});

describe("sandbox without Python", () => {
  afterAll(() => {
    delete process.env.SANDBOX_PYTHON;
    delete process.env.SANDBOX_ISOLATION;
    resetEnvCache();
    resetRuntime();
    closeSandboxPool();
  });

  it("answers with a clear failure instead of throwing", async () => {
    closeSandboxPool();
    process.env.SANDBOX_PYTHON = "/nonexistent/python3";
    resetEnvCache();
    resetRuntime();
    const r = await runCode({ code: "def f():\n    return 1", functionName: "f", calls: [{}] });
    expect(r).toMatchObject({ ok: false, unavailable: true, isolation: null });
    expect(r.error).toMatch(/^Python 3\.10\+ with numpy is required for code checks: \/nonexistent\/python3 not found/);
    expect(r.results[0]).toMatchObject({ error: r.error });
  });

  it("a Python without numpy is a clear failure naming the missing module", async () => {
    closeSandboxPool();
    // A virtual environment of the host's Python has no numpy (rlimits mode: bubblewrap hides /tmp).
    const venv = path.join(mkdtempSync(path.join(os.tmpdir(), "fieldwork-nonumpy-")), "venv");
    const made = spawnSync("python3", ["-m", "venv", "--without-pip", venv], { encoding: "utf8" });
    expect(made.status, made.stderr).toBe(0);
    process.env.SANDBOX_PYTHON = path.join(venv, "bin", "python");
    process.env.SANDBOX_ISOLATION = "rlimits";
    resetEnvCache();
    resetRuntime();
    const r = await runCode({ code: "def f():\n    return 1", functionName: "f", calls: [{}] });
    expect(r).toMatchObject({ ok: false, unavailable: true });
    expect(r.error).toMatch(/^Python 3\.10\+ with numpy is required for code checks: numpy cannot be imported/);
  }, 60_000);
});

describe("sandbox worker command", () => {
  it("runs the worker even when the checkout lives under /tmp (hidden by bubblewrap's private /tmp)", () => {
    resetEnvCache();
    resetRuntime();
    const runtime = getRuntime();
    if ("error" in runtime || runtime.isolation !== "bwrap") return; // only bubblewrap hides /tmp
    const dir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-checkout-"));
    const script = path.join(dir, "worker.py");
    copyFileSync(path.join(process.cwd(), "lib", "sandbox", "python", "worker.py"), script);
    const cmd = workerCommand(runtime, script, dir);
    const job = { id: 1, kind: "call", code: "def f():\n    return 7", function: "f", calls: [{}], limits: { cpuMs: 2000, wallMs: 5000, memoryMb: 256, outputBytes: 10000 } };
    const run = spawnSync(cmd.command, cmd.args, { cwd: cmd.cwd, env: cmd.env as unknown as NodeJS.ProcessEnv, input: `${JSON.stringify(job)}\n`, encoding: "utf8", timeout: 60_000 });
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ ready: true });
    expect(lines[1]).toMatchObject({ id: 1, ok: true, results: [{ output: 7 }] });
  }, 60_000);
});

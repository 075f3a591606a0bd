// The real Python sandbox, behaviour: values, limits and failures end as clean results and the pool keeps
// serving afterwards, in both modes (bubblewrap, and unsafe-rlimits which needs root to drop to uid 65534).
// The escapes are in hostile.test.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSandboxPool, getSandboxPool } from "../../lib/sandbox/pool";
import { inspectCode, runCode } from "../../lib/sandbox/run-code";
import type { RuntimeOk } from "../../lib/sandbox/runtime";
import { bwrapArgs } from "../../lib/sandbox/worker-command";
import type { CallResult, Isolation } from "../../lib/sandbox/types";
import { bwrapAvailable, clearSandboxEnv, IS_ROOT, probeMode } from "../support/sandbox";

const PRELUDE = readFileSync(path.join(process.cwd(), "tests", "sandbox", "hostile", "_prelude.py"), "utf8");
const FAST = { cpuMs: 1000, wallMs: 3000, memoryMb: 256, outputBytes: 100_000 };
const bwrap = await bwrapAvailable();

async function one(code: string, functionName = "f", args: Record<string, unknown> = {}) {
  return runCode({ code, functionName, calls: [args], limits: FAST });
}
const errorOf = (r: { results: CallResult[] }) => ("error" in r.results[0] ? r.results[0].error : null);

const MODES: { mode: Isolation; runs: boolean }[] = [
  { mode: "bwrap", runs: bwrap.ok },
  { mode: "unsafe-rlimits", runs: IS_ROOT },
];

describe.each(MODES)("sandbox (SANDBOX_ISOLATION=$mode)", ({ mode, runs }) => {
  beforeAll(async () => {
    if (!runs) return;
    closeSandboxPool();
    await probeMode(mode);
    expect(await getSandboxPool().warm()).toBeNull();
    expect(getSandboxPool().status()).toEqual({ state: "ready", isolation: mode });
  }, 120_000);
  afterAll(() => {
    closeSandboxPool();
    clearSandboxEnv();
  });

  it.runIf(runs)("runs a function on several inputs and encodes complex, tuples, numpy values and non-finite floats", async () => {
    const r = await runCode({
      code: "import numpy as np\ndef f(x, z):\n    return (np.float64(x) * 2, z * 1j, float('inf'), np.arange(2))",
      functionName: "f",
      calls: [{ x: 1.5, z: { re: 1, im: 2 } }, { x: -1, z: 0 }],
    });
    expect(r.ok).toBe(true);
    expect(r.isolation).toBe(mode);
    expect(r.results.map((c) => ("output" in c ? c.output : c.error))).toEqual([
      [3, { re: -2, im: 1 }, { $float: "inf" }, [0, 1]],
      [-2, { re: 0, im: 0 }, { $float: "inf" }, [0, 1]],
    ]);
  });

  it.runIf(runs)("imports numpy, scipy, sympy and mpmath, and lets code start threads", async () => {
    const code = [
      "import numpy, scipy.integrate, sympy, mpmath, threading",
      "def f():",
      "    out = []",
      "    ts = [threading.Thread(target=lambda: out.append(float(numpy.ones(3) @ numpy.ones(3)))) for _ in range(4)]",
      "    [t.start() for t in ts]; [t.join() for t in ts]",
      "    return (scipy.integrate.quad(lambda x: x, 0, 1)[0], str(sympy.sqrt(8)), float(mpmath.pi), out)",
    ].join("\n");
    expect((await one(code)).results[0]).toMatchObject({ output: [0.5, "2*sqrt(2)", Math.PI, [3, 3, 3, 3]] });
  });

  it.runIf(runs)("runs each job in a fresh namespace", async () => {
    await one("import math\nmath.pi = 3\nSTATE = 1\ndef f():\n    return 1");
    const r = await one("import math\ndef f():\n    return (math.pi, 'STATE' in globals())");
    expect(r.results[0]).toMatchObject({ output: [Math.PI, false] });
  });

  it.runIf(runs).each([
    ["an infinite loop", "def f():\n    while True:\n        pass", /time limit/],
    ["an 8 GB allocation", "def f():\n    return len(bytearray(8 * 1024**3))", /memory/],
    ["a fork bomb", "import os\ndef f():\n    while True:\n        os.fork()", /not allowed|Operation not permitted/],
    ["reading /etc/passwd", "def f():\n    return open('/etc/passwd').read()", /not allowed/],
    ["writing a file", "def f():\n    open('/work-sandbox-escape.txt', 'w').write('x')\n    return 1", /not allowed|Read-only|Permission/],
    ["opening a socket", "import socket\ndef f():\n    s = socket.socket()\n    s.connect(('1.1.1.1', 80))\n    return 1", /not allowed|Operation not permitted/],
    ["os.system", "import os\ndef f():\n    return os.system('id')", /not allowed/],
    ["subprocess", "import subprocess\ndef f():\n    return subprocess.run(['id']).returncode", /not allowed/],
    ["ctypes", "import ctypes\ndef f():\n    return ctypes.CDLL(None).getpid()", /not allowed/],
    ["sys.exit", "import sys\ndef f():\n    sys.exit(3)", /exit/],
    ["100 MB of output", "def f():\n    print('x' * 100_000_000)\n    return 1", /printed more than|output limit|memory/],
    ["a huge integer", "def f():\n    return 10 ** (10 ** 10)", /time limit|memory|CPU/],
    ["a huge return value", "def f():\n    return 'x' * 5_000_000", /returned more than|output limit/],
  ])("turns %s into a clean failure", async (_name, code, pattern) => {
    const r = await one(code);
    expect(r.ok).toBe(false);
    expect(errorOf(r) ?? r.error).toMatch(pattern);
    const after = await one("def f():\n    return 42");
    expect(after.results[0]).toMatchObject({ output: 42 });
  }, 30_000);

  it.runIf(runs)("reports a syntax error with its line, and a missing function by name", async () => {
    const syntax = await one("def f(:\n    return 1");
    expect(syntax.ok).toBe(false);
    expect(syntax.error).toMatch(/SyntaxError at line 1/);
    expect(errorOf(syntax)).toMatch(/SyntaxError/);
    const missing = await one("def g():\n    return 1");
    expect(missing.error).toBe("the code does not define a function named f");
  });

  it.runIf(runs)("reads a function's signature with ast without running the code", async () => {
    const r = await inspectCode("import os\nos.system('id')\n\ndef energy(n: int, omega: float = 1.0) -> float:\n    return 0", "energy");
    expect(r.isolation).toBe(mode);
    expect(r.signature).toMatchObject({
      found: true, line: 4, params: [{ name: "n", annotation: "int" }, { name: "omega", annotation: "float" }], defaults: 1, returns: "float",
    });
    expect((await inspectCode("def other():\n    pass", "energy")).signature).toMatchObject({ found: false, functions: ["other"] });
  });

  it.runIf(runs)("serves jobs from many callers at once", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => one("def f(x):\n    return x * x", "f", { x: i })));
    expect(results.map((r) => ("output" in r.results[0] ? r.results[0].output : null))).toEqual(Array.from({ length: 20 }, (_, i) => i * i));
  });

  it.runIf(runs)("replaces a worker after SANDBOX_WORKER_JOBS jobs and keeps serving", async () => {
    closeSandboxPool();
    process.env.SANDBOX_WORKERS = "1";
    process.env.SANDBOX_WORKER_JOBS = "3";
    await probeMode(mode);
    const pool = getSandboxPool();
    const outputs = [];
    for (let i = 0; i < 7; i++) outputs.push((await one("def f(x):\n    return x", "f", { x: i })).results[0]);
    expect(outputs.map((o) => ("output" in o ? o.output : o.error))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(pool.workersStarted).toBe(3);
    delete process.env.SANDBOX_WORKERS;
    delete process.env.SANDBOX_WORKER_JOBS;
  }, 60_000);
});

describe("sandbox without bubblewrap", () => {
  it.runIf(!IS_ROOT)("refuses unsafe-rlimits when the server cannot drop to the sandbox's uid", async () => {
    const runtime = await probeMode("unsafe-rlimits");
    clearSandboxEnv();
    expect(runtime).toMatchObject({ error: expect.stringMatching(/needs the server to run as root/) });
  });

  it.runIf(IS_ROOT)("unsafe-rlimits still runs jobs as uid 65534 without capabilities, with seccomp, away from the data dir, and says so", async () => {
    closeSandboxPool();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-data-"));
    writeFileSync(path.join(dataDir, "secrets.json"), "{}", { mode: 0o600 });
    process.env.FIELDWORK_DATA_DIR = dataDir;
    await probeMode("unsafe-rlimits");
    const code = `${PRELUDE}\ndef f(data):\n    unhook()\n    s = open('/proc/self/status').read()\n    attempt('data dir', lambda: open(data + '/secrets.json').read())\n    return os.getuid(), [l for l in s.splitlines() if l.startswith(('CapEff', 'NoNewPrivs', 'Seccomp:'))], verdict()`;
    const r = await one(code, "f", { data: dataDir });
    expect(r).toMatchObject({ ok: true, isolation: "unsafe-rlimits", results: [{ output: [65534, ["CapEff:\t0000000000000000", "NoNewPrivs:\t1", "Seccomp:\t2"], "refused"] }] });
    closeSandboxPool();
    rmSync(dataDir, { recursive: true, force: true });
    delete process.env.FIELDWORK_DATA_DIR;
    clearSandboxEnv();
  }, 60_000);
});

describe("the bubblewrap command line", () => {
  it("binds only what Python needs, read-only, and never /, the project folder or the data dir", () => {
    const runtime: RuntimeOk = { python: "/usr/bin/python3", version: "3.11.2", isolation: "bwrap", uid: 65534, setpriv: "/usr/bin/setpriv", bwrap: "/usr/bin/bwrap", binds: ["/opt/venv"], missingOptional: [] };
    const stage = "/tmp/fieldwork-sandbox-1-stage";
    const args = bwrapArgs(runtime, stage, []);
    const sources = args.flatMap((a, i) => (a === "--ro-bind" || a === "--ro-bind-try" || a === "--bind" ? [args[i + 1]] : []));
    expect(args).not.toContain("--bind");
    expect(sources).not.toContain("/");
    expect(sources.filter((s) => !/^\/(usr|lib\w*|bin|sbin|etc\/alternatives|etc\/ld\.so\.cache|opt\/venv)$/.test(s))).toEqual([stage]);
    expect(sources.some((s) => s.startsWith(process.cwd()))).toBe(false);
    expect(args.join(" ")).toMatch(/--unshare-all --die-with-parent --new-session/);
    expect(args.join(" ")).toMatch(/--proc \/proc --dev \/dev --remount-ro \/dev --tmpfs \/tmp --remount-ro \//);
  });
});

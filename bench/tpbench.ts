// Verification on real reference code: the 10 TPBench reference functions in ../shared/data/code-answers
// run in the sandbox; each matches itself on sampled inputs (grading semantics of lib/grading/compare.ts),
// and its scaled (×1.01), sign-flipped and constant versions are each rejected on those inputs.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Returns, ValueType } from "../lib/items/answer-spec";
import { gradeCall, returnTypeProblem } from "../lib/grading/compare";
import { closeSandboxPool } from "../lib/sandbox/pool";
import { runCode } from "../lib/sandbox/run-code";
import type { CallResult } from "../lib/sandbox/types";

type Problem = { problem: string; signature: string; reference_impl: string };
const FILE = path.join(process.cwd(), "..", "shared", "data", "code-answers", "tpbench.json");
const TOL = { abs: 1e-9, rel: 1e-7 };
const SAMPLES = 6;

/** Names and types from `def answer(a: float, n: int) -> float:`. */
function parseSignature(signature: string): { name: string; args: { name: string; type: ValueType }[]; returns: Returns } {
  const m = /def\s+(\w+)\s*\(([^)]*)\)\s*(?:->\s*([^:]+))?:/.exec(signature);
  if (!m) throw new Error(`unreadable signature: ${signature}`);
  const args = m[2].split(",").map((p) => p.trim()).filter(Boolean).map((p) => {
    const [name, type] = p.split(":").map((x) => x.trim());
    return { name, type: (["float", "int", "complex", "bool", "str"].includes(type) ? type : "float") as ValueType };
  });
  const ret = (m[3] ?? "float").trim();
  const scalar = (t: string) => (["float", "int", "complex", "bool", "str"].includes(t) ? t : "float") as ValueType;
  const tuple = /^[Tt]uple\[(.*)\]$/.exec(ret);
  const returns: Returns = tuple
    ? { type: "tuple", description: "", items: tuple[1].split(",").map((t) => ({ type: scalar(t.trim()) })) }
    : { type: scalar(ret), description: "" };
  return { name: m[1], args, returns };
}

/** Deterministic candidate inputs (positive, spread over a few decades); those the reference rejects are dropped. */
function candidateInputs(args: { name: string; type: ValueType }[], count: number): Record<string, unknown>[] {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, () =>
    Object.fromEntries(args.map((a) => [a.name, a.type === "int" ? 1 + Math.floor(rand() * 5) : Number((10 ** (rand() * 3 - 1)).toPrecision(4))])),
  );
}

const WRAP = (name: string, body: string) => `\n_reference_${name} = ${name}\ndef ${name}(*args, **kwargs):\n    value = _reference_${name}(*args, **kwargs)\n    return ${body}\n`;

export async function benchTpbench(): Promise<void> {
  if (!existsSync(FILE)) {
    console.log(`tpbench: ${FILE} not found (it lives in ../shared beside the repository); skipped`);
    return;
  }
  const problems = JSON.parse(readFileSync(FILE, "utf8")) as Problem[];
  let ok = 0;
  try {
    for (const p of problems) {
      const sig = parseSignature(p.signature);
      // Inputs inside the function's domain: the first SAMPLES candidates the reference accepts.
      const candidates = sig.args.length ? candidateInputs(sig.args, 200) : [{}];
      const probe = await runCode({ code: p.reference_impl, functionName: sig.name, calls: candidates });
      const calls = candidates.filter((_, i) => {
        const r = probe.results[i];
        return "output" in r && returnTypeProblem(r.output, sig.returns) === null; // finite, of the declared type
      }).slice(0, SAMPLES);
      const reference = await runCode({ code: p.reference_impl, functionName: sig.name, calls });
      const expected = reference.results.map((r) => ("output" in r ? r.output : null));
      const grade = (results: CallResult[]) => results.map((r, i) => gradeCall(r, expected[i] as never, sig.returns, TOL).pass);
      const self = await runCode({ code: p.reference_impl, functionName: sig.name, calls });
      const variants = {
        scaled: await runCode({ code: p.reference_impl + WRAP(sig.name, "value * 1.01"), functionName: sig.name, calls }),
        flipped: await runCode({ code: p.reference_impl + WRAP(sig.name, "-value"), functionName: sig.name, calls }),
        constant: await runCode({ code: p.reference_impl + WRAP(sig.name, `${JSON.stringify(expected[0])}`), functionName: sig.name, calls }),
      };
      const selfPasses = reference.ok && grade(self.results).every(Boolean);
      // A function without arguments is a constant: "replaced by a constant" cannot differ from it.
      const rejected = Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, k === "constant" && sig.args.length === 0 ? "n/a" : grade(v.results).some((pass) => !pass)]));
      const good = selfPasses && calls.length > 0 && Object.values(rejected).every((r) => r !== false);
      if (good) ok++;
      const firstError = reference.results.find((r): r is { error: string; ms: number | null } => "error" in r)?.error;
      const why = reference.ok ? "" : ` (reference failed: ${reference.error ?? firstError ?? "no input in its domain"})`;
      console.log(`tpbench ${good ? "ok  " : "FAIL"} ${p.problem.slice(0, 56).padEnd(56)} ${calls.length} inputs; self ${selfPasses ? "matches" : "MISMATCH"}; rejects scaled ${rejected.scaled}, flipped ${rejected.flipped}, constant ${rejected.constant}${why}`);
    }
  } finally {
    closeSandboxPool();
  }
  console.log(`tpbench: ${ok}/${problems.length} reference functions match themselves and reject all three perturbations (isolation as in the checks)`);
}

// npm run bench -- equiv [--equiv-file=PAIRS.json …] — the answer checker on its pair files: the shared
// dev set (../shared/data/equivalence/dev.json: authored QFT pairs and Math-Verify pairs) and the QFT pairs
// written for issue 17 (bench/data/equivalence-qft.json). Per file and per category: accuracy, false
// positives, false negatives and undecided ("cannot decide" never counts as correct), every failure
// listed, well-formedness 22/22, time per pair after warm-up (p95 ≤ 15 ms) and the cold start.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Verdict } from "../lib/equivalence";
import { summarise, ms } from "./stats";

type Pair = { id: string; source?: string; category?: string; gold: string; pred: string; expected: boolean };
type WellFormedCase = { latex: string; well_formed: boolean; note: string };
type Row = { total: number; correct: number; fp: number; fn: number; undecided: number };

const SHARED = path.join(process.cwd(), "..", "shared", "data", "equivalence");
const OWN = path.join(process.cwd(), "bench", "data", "equivalence-qft.json");
const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, " ");
const pct = (r: Row) => `${r.correct} (${((100 * r.correct) / r.total).toFixed(1)}%)`;

function extraFiles(): string[] {
  return process.argv.slice(2).filter((a) => a.startsWith("--equiv-file=")).map((a) => a.slice("--equiv-file=".length));
}

/** The group a pair is counted in: the dev file splits into its two sources. */
function groupOf(file: string, p: Pair): string {
  if (path.basename(file) === "dev.json") return p.source === "authored" ? "dev · authored" : "dev · Math-Verify";
  return path.basename(file, ".json");
}

export async function benchEquiv(): Promise<void> {
  const files = [path.join(SHARED, "dev.json"), OWN, ...extraFiles()].filter((f) => {
    if (existsSync(f)) return true;
    console.log(`equiv: ${f} not found; skipped`);
    return false;
  });
  if (!files.length) return;
  const coldStart = performance.now();
  const { checkEquivalence, wellFormed } = await import("../lib/equivalence");
  checkEquivalence("\\frac{g^2}{16\\pi^2}", "g^2/(4\\pi)^2");
  const cold = performance.now() - coldStart;
  const { optionsOfPair } = await import("../lib/equivalence/score-pairs");
  const { ZEquivalencePair } = await import("../lib/equivalence/schemas");

  // The options exactly as `fieldwork equiv --file` reads them from a pair.
  const run = (p: Pair): Verdict => checkEquivalence(p.gold, p.pred, optionsOfPair(ZEquivalencePair.parse(p)));

  const rows = new Map<string, Row>();
  const timesByGroup = new Map<string, number[]>();
  const cpuByGroup = new Map<string, number[]>();
  const failures: string[] = [];
  console.log(`\nequiv: answer equivalence on ${files.map((f) => path.relative(process.cwd(), f)).join(", ")}`);
  for (const file of files) {
    const pairs = JSON.parse(readFileSync(file, "utf8")) as Pair[];
    for (const p of pairs) run(p); // warm-up
    for (const p of pairs) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const verdict = run(p);
      const elapsed = performance.now() - t;
      const used = process.cpuUsage(cpu);
      const group = groupOf(file, p);
      timesByGroup.set(group, [...(timesByGroup.get(group) ?? []), elapsed]);
      cpuByGroup.set(group, [...(cpuByGroup.get(group) ?? []), (used.user + used.system) / 1000]);
      for (const key of [`${group} · all`, `${group} · ${p.category ?? "-"}`]) {
        const row = rows.get(key) ?? { total: 0, correct: 0, fp: 0, fn: 0, undecided: 0 };
        row.total++;
        if (verdict.equivalent === null) row.undecided++;
        else if (verdict.equivalent === p.expected) row.correct++;
        else if (verdict.equivalent) row.fp++;
        else row.fn++;
        rows.set(key, row);
      }
      if (verdict.equivalent !== p.expected) {
        const kind = verdict.equivalent === null ? "undecided" : verdict.equivalent ? "FALSE POSITIVE" : "false negative";
        failures.push(`  ${kind} ${group} ${p.id}: ${short(p.gold)} | ${short(p.pred)} — ${verdict.reason}`);
      }
    }
  }
  console.log("  file · category                                 pairs       correct   FP  FN  undecided");
  const order = (k: string) => (k.endsWith("· all") ? 0 : 1);
  for (const [key, r] of [...rows].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))) {
    console.log(`  ${key.padEnd(46)} ${String(r.total).padStart(5)}  ${pct(r).padStart(12)}  ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)} ${String(r.undecided).padStart(10)}`);
  }
  console.log(failures.length ? `  failures:\n${failures.join("\n")}` : "  no failures");

  const wfFile = path.join(SHARED, "wellformed.json");
  if (existsSync(wfFile)) {
    const cases = JSON.parse(readFileSync(wfFile, "utf8")) as WellFormedCase[];
    const wrong = cases.filter((c) => wellFormed(c.latex).ok !== c.well_formed);
    console.log(`  well-formedness: ${cases.length - wrong.length}/${cases.length}`);
    for (const c of wrong) { const r = wellFormed(c.latex); console.log(`    wrong: ${JSON.stringify(c.latex)} expected ${c.well_formed} — ${r.ok ? `read as ${r.readAs}` : r.reason}`); }
  }
  // On a shared machine wall time includes waiting for a core; CPU time is what the checker itself used.
  const all: number[] = [];
  for (const [group, times] of timesByGroup) {
    const s = summarise(times);
    const c = summarise(cpuByGroup.get(group)!);
    all.push(...times);
    console.log(`  time per pair after warm-up, ${group}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (CPU p50 ${ms(c.p50)}, p95 ${ms(c.p95)})`);
  }
  const s = summarise(all);
  const c = summarise([...cpuByGroup.values()].flat());
  console.log(`  time per pair after warm-up, all: p50 ${ms(s.p50)}, p95 ${ms(s.p95)} (target ≤ 15 ms), max ${ms(s.max)}; cold start (import + first pair) ${ms(cold)}`);
  console.log(`  CPU time per pair (this process), all: p50 ${ms(c.p50)}, p95 ${ms(c.p95)}, max ${ms(c.max)}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
}

// npm run bench -- equiv — the answer checker on ../shared/data/equivalence: accuracy by source and
// category (authored QFT pairs ≥ 95% with zero false positives, Math-Verify pairs ≥ 90%), every failure
// listed, well-formedness 22/22, time per pair after warm-up (p95 ≤ 15 ms) and the cold start.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { summarise, ms } from "./stats";

type Pair = { id: string; source: string; category: string; gold: string; pred: string; expected: boolean; options?: { float_rounding?: number; allow_set_relation_comp?: boolean } };
type WellFormedCase = { latex: string; well_formed: boolean; note: string };

const DIR = path.join(process.cwd(), "..", "shared", "data", "equivalence");
const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, " ");

export async function benchEquiv(): Promise<void> {
  const devFile = path.join(DIR, "dev.json");
  if (!existsSync(devFile)) {
    console.log(`equiv: ${devFile} not found (the data lives beside the repository in ../shared); skipped`);
    return;
  }
  const coldStart = performance.now();
  const { checkEquivalence, wellFormed } = await import("../lib/equivalence");
  checkEquivalence("\\frac{g^2}{16\\pi^2}", "g^2/(4\\pi)^2");
  const cold = performance.now() - coldStart;

  const pairs = JSON.parse(readFileSync(devFile, "utf8")) as Pair[];
  const run = (p: Pair) => checkEquivalence(p.gold, p.pred, { floatRounding: p.options?.float_rounding, setRelation: p.options?.allow_set_relation_comp ?? true });
  for (const p of pairs) run(p); // warm-up
  const times: number[] = [];
  const rows = new Map<string, { total: number; correct: number; fp: number; fn: number }>();
  const failures: string[] = [];
  for (const p of pairs) {
    const t = performance.now();
    const verdict = run(p);
    times.push(performance.now() - t);
    const source = p.source === "authored" ? "authored" : "Math-Verify";
    for (const key of [`${source} · all`, `${source} · ${p.category}`]) {
      const row = rows.get(key) ?? { total: 0, correct: 0, fp: 0, fn: 0 };
      row.total++;
      if (verdict.equivalent === p.expected) row.correct++;
      else if (verdict.equivalent) row.fp++;
      else row.fn++;
      rows.set(key, row);
    }
    if (verdict.equivalent !== p.expected) failures.push(`  ${verdict.equivalent ? "FALSE POSITIVE" : "false negative"} ${p.id}: ${short(p.gold)} | ${short(p.pred)} — ${verdict.reason}`);
  }
  console.log("\nequiv: answer equivalence on ../shared/data/equivalence/dev.json");
  console.log("  source · category                              pairs  correct      FP  FN");
  for (const [key, r] of [...rows].sort(([a], [b]) => (a.endsWith("all") === b.endsWith("all") ? a.localeCompare(b) : a.endsWith("all") ? -1 : 1))) {
    console.log(`  ${key.padEnd(46)} ${String(r.total).padStart(5)}  ${`${r.correct} (${((100 * r.correct) / r.total).toFixed(1)}%)`.padStart(12)}  ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}`);
  }
  console.log(failures.length ? `  failures:\n${failures.join("\n")}` : "  no failures");

  const wfFile = path.join(DIR, "wellformed.json");
  if (existsSync(wfFile)) {
    const cases = JSON.parse(readFileSync(wfFile, "utf8")) as WellFormedCase[];
    const wrong = cases.filter((c) => wellFormed(c.latex).ok !== c.well_formed);
    console.log(`  well-formedness: ${cases.length - wrong.length}/${cases.length}`);
    for (const c of wrong) { const r = wellFormed(c.latex); console.log(`    wrong: ${JSON.stringify(c.latex)} expected ${c.well_formed} — ${r.ok ? `read as ${r.readAs}` : r.reason}`); }
  }
  const s = summarise(times);
  console.log(`  time per pair after warm-up: p50 ${ms(s.p50)}, p95 ${ms(s.p95)} (target ≤ 15 ms), max ${ms(s.max)}; cold start (import + first pair) ${ms(cold)}`);
}

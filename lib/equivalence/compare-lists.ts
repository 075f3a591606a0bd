// Comparing lists: tuples in order, sets and bare lists (`a, b`, "a and b") in any order, duplicates counted
// once. Unordered matching is quadratic only for small lists: larger ones are matched through each item's
// value at one shared point (sorted, so each item is compared in full only with the few of nearly the same
// value), which keeps 200-element sets fast.
import Complex from "complex.js";
import { samplePoints } from "./compare-expr";
import { evaluate, isMatrix } from "./evaluate";
import { freeSymbols } from "./walk";
import type { Outcome } from "./compare-quantity";
import type { Answer } from "./types";
import type { Budget } from "./budget";

type Compare = (g: Answer, p: Answer) => Outcome;
type List = Extract<Answer, { t: "list" }>;

const no = (reason: string): Outcome => ({ equal: false, reason });
/** Up to this many items, every pair is compared. */
const SMALL = 8;

/** Each item's value at one point shared by all (null where there is none: text, a matrix, a unit…). */
function fingerprints(items: Answer[]): (Complex | null)[] {
  const ids = new Set<string>();
  items.forEach((a) => { if (a.t === "expr") freeSymbols(a.e, ids); });
  const [point] = samplePoints(ids, 1, { seed: 7 });
  return items.map((a) => {
    if (a.t !== "expr" || a.unit || a.percent) return null;
    try {
      const v = evaluate(a.e, point);
      return isMatrix(v) || !Number.isFinite(v.re) || !Number.isFinite(v.im) ? null : v;
    } catch {
      return null;
    }
  });
}

/** For each item of `from`, the indices of `to` worth comparing it with. */
function candidates(from: Answer[], to: Answer[]): (i: number) => number[] {
  const all = to.map((_, k) => k);
  if (from.length <= SMALL && to.length <= SMALL) return () => all;
  const fa = fingerprints(from);
  const fb = fingerprints(to);
  const unknown = all.filter((k) => !fb[k]);
  const known = all.filter((k) => fb[k]).sort((x, y) => fb[x]!.re - fb[y]!.re);
  const near = (a: Complex, b: Complex) => a.sub(b).abs() <= 1e-2 * Math.max(a.abs(), b.abs()) + 1e-9;
  return (i) => {
    const v = fa[i];
    if (!v) return all;
    const width = 1e-2 * v.abs() + 1e-9;
    let lo = 0;
    let hi = known.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (fb[known[mid]]!.re < v.re - width * 2) lo = mid + 1; else hi = mid; }
    const out: number[] = [];
    for (let k = lo; k < known.length && fb[known[k]]!.re <= v.re + width * 2; k++) if (near(v, fb[known[k]]!)) out.push(known[k]);
    return [...out, ...unknown];
  };
}

function distinct(items: Answer[], compare: Compare, budget?: Budget): Answer[] {
  const near = candidates(items, items);
  const kept = new Set<number>();
  const out: Answer[] = [];
  items.forEach((item, i) => {
    budget?.check();
    if (near(i).some((k) => kept.has(k) && k < i && compare(items[k], item).equal)) return;
    kept.add(i);
    out.push(item);
  });
  return out;
}

export function compareLists(g: Answer, p: Answer, compare: Compare, budget?: Budget): Outcome {
  if (g.t !== "list" || p.t !== "list") {
    const list = (g.t === "list" ? g : p) as List;
    return no(`${g.t === "list" ? "the reference" : "the answer"} has ${list.items.length} values, the other one`);
  }
  const unordered = g.kind === "set" || p.kind === "set" || (g.kind === "bare" && p.kind === "bare");
  const gi = unordered ? distinct(g.items, compare, budget) : g.items;
  const pi = unordered ? distinct(p.items, compare, budget) : p.items;
  if (gi.length !== pi.length) return no(`${gi.length} values in the reference, ${pi.length} in the answer`);
  if (!unordered) {
    for (let i = 0; i < gi.length; i++) {
      const r = compare(gi[i], pi[i]);
      if (!r.equal) return { equal: false, undecided: r.undecided, reason: `item ${i + 1} differs: ${r.reason}` };
    }
    return { equal: true, reason: `the same ${gi.length} values in the same order` };
  }
  const near = candidates(gi, pi);
  const used = new Set<number>();
  for (const [i, item] of gi.entries()) {
    budget?.check();
    let undecided = false;
    const j = near(i).find((k) => {
      if (used.has(k)) return false;
      const r = compare(item, pi[k]);
      undecided ||= !!r.undecided;
      return r.equal;
    });
    if (j === undefined) return { equal: false, undecided, reason: undecided ? `cannot decide whether the answer has the reference's value ${i + 1}` : `the answer lacks the reference's value ${i + 1}` };
    used.add(j);
  }
  return { equal: true, reason: `the same ${gi.length} values (in any order)` };
}

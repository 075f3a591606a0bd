// Sets of real numbers — intervals, unions, points, inequalities like `1 \le |z| \le \frac32` — compared as
// membership predicates: at every endpoint, just inside and outside it, and on a grid and random points.
// So `1 \le |z| \le 3/2` equals `z \in [-3/2, -1] \cup [1, 3/2]` without solving anything.
import Complex from "complex.js";
import { evaluate, type Point } from "./evaluate";
import { freeSymbols } from "./walk";
import { samplePoints } from "./compare-expr";
import type { Answer, Expr, RegionPart } from "./types";

/** A predicate on points, the variables it depends on, and numbers worth testing around. */
export type Predicate = { test: (p: Point) => boolean; vars: Set<string>; anonymous: boolean; edges: (p: Point) => number[] };

const ANON = "·";
const EPS = 1e-9;

/** A real value of an expression at a point (NaN when complex); endpoints rounded when answers are judged rounded. */
type Real = (e: Expr, p: Point) => number;

const realReader = (rounding?: number): Real => (e, p) => {
  if (e.t === "const" && e.name === "inf") return Infinity;
  if (e.t === "neg" && e.arg.t === "const" && e.arg.name === "inf") return -Infinity;
  const v = evaluate(e, p);
  if (Array.isArray(v)) return NaN;
  if (Math.abs(v.im) > 1e-9 * Math.max(1, Math.abs(v.re))) return NaN;
  return rounding === undefined || e.t === "sym" ? v.re : Math.round(v.re * 10 ** rounding) / 10 ** rounding;
};

const near = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) ? Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b)) : a === b);

function partContains(part: RegionPart, v: number, p: Point, realAt: Real): boolean {
  if (part.t === "reals") return Number.isFinite(v);
  if (part.t === "points") return part.items.some((x) => near(realAt(x, p), v));
  const lo = realAt(part.lo, p);
  const hi = realAt(part.hi, p);
  const aboveLo = near(v, lo) ? !part.loOpen : v > lo;
  const belowHi = near(v, hi) ? !part.hiOpen : v < hi;
  return aboveLo && belowHi;
}

function partEdges(part: RegionPart, p: Point, realAt: Real): number[] {
  if (part.t === "reals") return [];
  if (part.t === "points") return part.items.map((x) => realAt(x, p));
  return [realAt(part.lo, p), realAt(part.hi, p)];
}

function regionPredicate(parts: RegionPart[], subject: Expr | undefined, negated: boolean, realAt: Real): Predicate {
  const vars = new Set<string>();
  for (const part of parts) {
    if (part.t === "interval") { freeSymbols(part.lo, vars); freeSymbols(part.hi, vars); }
    if (part.t === "points") part.items.forEach((x) => freeSymbols(x, vars));
  }
  if (subject) freeSymbols(subject, vars); else vars.add(ANON);
  const valueOf = (p: Point) => {
    const v = subject ? realAt(subject, p) : p.get(ANON)!.re;
    return negated ? -v : v;
  };
  return {
    test: (p) => parts.some((part) => partContains(part, valueOf(p), p, realAt)),
    vars,
    anonymous: !subject,
    edges: (p) => parts.flatMap((part) => partEdges(part, p, realAt)).map((x) => (negated ? -x : x)),
  };
}

function relationPredicate(a: Extract<Answer, { t: "rel" }>, realAt: Real): Predicate {
  const vars = new Set<string>();
  a.members.forEach((m) => freeSymbols(m, vars));
  return {
    test: (p) => a.ops.every((op, i) => {
      const x = realAt(a.members[i], p);
      const y = realAt(a.members[i + 1], p);
      if (Number.isNaN(x) || Number.isNaN(y)) return false;
      return op === "<" ? x < y && !near(x, y) : op === "<=" ? x < y || near(x, y) : op === "!=" ? !near(x, y) : near(x, y);
    }),
    vars,
    anonymous: false,
    edges: (p) => a.members.map((m) => { try { return realAt(m, p); } catch { return NaN; } }),
  };
}

/** `x \le 2 \text{ or } x > 5`: a list of conditions holds where any of them holds. */
function anyOf(items: Predicate[]): Predicate {
  const vars = new Set(items.flatMap((p) => [...p.vars]));
  return { test: (pt) => items.some((p) => p.test(pt)), vars, anonymous: items.every((p) => p.anonymous), edges: (pt) => items.flatMap((p) => p.edges(pt)) };
}

/** A region-like answer as a predicate, or null when it is not one. */
export function toPredicate(a: Answer, floatRounding?: number): Predicate | null {
  const realAt = realReader(floatRounding);
  if (a.t === "list" && a.kind === "bare" && a.items.length > 1 && a.items.every((i) => i.t === "region" || i.t === "rel")) {
    return anyOf(a.items.map((i) => toPredicate(i, floatRounding)!));
  }
  if (a.t === "region") return regionPredicate(a.parts, a.subject, !!a.negated, realAt);
  if (a.t === "rel") return relationPredicate(a, realAt);
  if (a.t === "list" && (a.kind === "tuple" || a.kind === "bracket") && a.items.length === 2 && a.items.every((i) => i.t === "expr")) {
    const [lo, hi] = a.items.map((i) => (i as { e: Expr }).e);
    const open = a.kind === "tuple";
    return regionPredicate([{ t: "interval", lo, hi, loOpen: open, hiOpen: open }], undefined, false, realAt);
  }
  return null;
}

function testPoints(g: Predicate, p: Predicate, vars: string[], rename: (pt: Point) => Point): Point[] {
  const base = samplePoints(vars.filter((v) => v !== ANON), 1)[0];
  const points: Point[] = [];
  const with1 = (x: number) => new Map([...base, [vars.length === 1 ? vars[0] : ANON, new Complex(x, 0)]]);
  if (vars.length === 1) {
    const edges = [...g.edges(rename(with1(0))), ...p.edges(rename(with1(0)))].filter(Number.isFinite);
    for (const e of edges) for (const d of [0, 1e-6, -1e-6, 1e-3, -1e-3]) points.push(with1(e + d * Math.max(1, Math.abs(e))));
    for (let x = -25; x <= 25; x += 0.371) points.push(with1(x));
    return points;
  }
  // Several variables: random points in a box around the origin.
  for (const pt of samplePoints(vars, 300, { seed: 99 })) points.push(new Map([...pt].map(([k, v]) => [k, new Complex((v.re - 1.6) * 8, 0)])));
  return points;
}

/** Do two region-like answers hold at the same real numbers? */
export function comparePredicates(g: Predicate, p: Predicate): { equal: boolean; reason: string } {
  // An interval written without its variable stands for the other side's single variable.
  const named = [...g.vars, ...p.vars].filter((v) => v !== ANON);
  const single = [...new Set(named)];
  const anonTarget = (g.anonymous || p.anonymous) && single.length === 1 ? single[0] : null;
  const rename = (pt: Point): Point => (anonTarget ? new Map([...pt, [ANON, pt.get(anonTarget)!]]) : pt);
  const vars = [...new Set([...g.vars, ...p.vars].map((v) => (v === ANON && anonTarget ? anonTarget : v)))].sort();
  for (const raw of testPoints(g, p, vars, rename)) {
    const pt = rename(raw);
    let a: boolean, b: boolean;
    try { a = g.test(pt); b = p.test(pt); } catch { return { equal: false, reason: "the sets could not be evaluated" }; }
    if (a !== b) {
      const at = [...raw].filter(([k]) => k !== ANON || !anonTarget).map(([k, v]) => `${k === ANON ? "x" : k}=${+v.re.toPrecision(6)}`).join(", ");
      return { equal: false, reason: `the sets differ at ${at}` };
    }
  }
  return { equal: true, reason: "the same set of real numbers (checked at every endpoint and on a grid)" };
}

// Two expressions (or matrices) are the same when they agree at several random points: every symbol gets a
// positive real value (fixed seed, so verdicts are reproducible). Physical domain: masses, energies and widths
// are positive, and points are preferred where every square root, logarithm and fractional power on either
// side is real — above thresholds, velocities below 1, Feynman parameters in [0, 1] — which is where the
// formulas mean something; only when no such points exist are both sides compared off it. Symbols that bound
// a sum are sampled at integers.
import Complex from "complex.js";
import { BudgetError, type Budget } from "./budget";
import { evaluate, isMatrix, type Point, type Value } from "./evaluate";
import { boundSymbols, freeSymbols, hasIntegral } from "./walk";
import { UnsupportedError, type Expr } from "./types";

export type Tolerance = { rel: number; abs: number };
/** `undecided`: the checker cannot tell (a construct it cannot evaluate, or a reference it cannot evaluate). */
export type ExprOutcome = { equal: boolean; reason: string; ratio?: Complex; undecided?: boolean };

export const POINTS = 6;
const MIN_VALID = 3;

/** A small seeded generator (mulberry32): the same points for the same symbols, every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Sampling = {
  seed?: number;
  /** symbols declared real (not only positive): they also take negative values */
  real?: ReadonlySet<string>;
  /** symbols that appear conjugated (`\psi^*`): complex, so `\psi^*\psi` is not `\psi^2` */
  complex?: ReadonlySet<string>;
  /** symbols that bound a sum: integers 2…10 */
  integer?: ReadonlySet<string>;
  /** after this many points, half the values are drawn below 1 (velocities, Feynman parameters, ratios) */
  wideAfter?: number;
};

/** Values in (0.35, 2.85), the same for the same symbols every run (a fixed seed). */
export function samplePoints(ids: Iterable<string>, count = POINTS, sampling: Sampling = {}): Point[] {
  const sorted = [...new Set(ids)].sort();
  const next = random(sampling.seed ?? 20261130);
  return Array.from({ length: count }, (_, k) => new Map(sorted.map((id) => {
    if (sampling.integer?.has(id)) return [id, new Complex(2 + Math.floor(9 * next()), 0)];
    const small = sampling.wideAfter !== undefined && k >= sampling.wideAfter && next() < 0.5;
    const magnitude = small ? 0.05 + 0.9 * next() : 0.35 + 2.5 * next();
    const sign = sampling.real?.has(id) && next() < 0.5 ? -1 : 1;
    const im = sampling.complex?.has(id) ? (next() < 0.5 ? -1 : 1) * (0.35 + 2.5 * next()) : 0;
    return [id, new Complex(sign * magnitude, im)];
  })));
}

/** Symbols inside a conjugate. */
function conjugated(e: Expr, inside = false, into = new Set<string>()): Set<string> {
  switch (e.t) {
    case "sym": if (inside) into.add(e.id); break;
    case "fn": e.args.forEach((a) => conjugated(a, inside || e.name === "conj", into)); break;
    case "add": case "mul": case "apply": e.args.forEach((a) => conjugated(a, inside, into)); break;
    case "div": conjugated(e.num, inside, into); conjugated(e.den, inside, into); break;
    case "neg": conjugated(e.arg, inside, into); break;
    case "pow": conjugated(e.base, inside, into); conjugated(e.exp, inside, into); break;
    case "matrix": e.rows.flat().forEach((a) => conjugated(a, inside, into)); break;
  }
  return into;
}

const finite = (z: Complex) => Number.isFinite(z.re) && Number.isFinite(z.im);

export function close(a: Complex, b: Complex, tol: Tolerance): boolean {
  if (!finite(a) || !finite(b)) return false;
  return a.sub(b).abs() <= tol.abs + tol.rel * Math.max(a.abs(), b.abs());
}

function roundTo(z: Complex, places: number): Complex {
  const f = 10 ** places;
  return new Complex(Math.round(z.re * f) / f, Math.round(z.im * f) / f);
}

export type CompareOptions = { tol: Tolerance; floatRounding?: number; realIds?: ReadonlySet<string>; budget?: Budget };

/** A number against a square matrix is that multiple of the identity (`\{\sigma_x, \sigma_y\} = 0`, `\sigma_z^2 = 1`). */
const timesIdentity = (m: Complex[][], s: Complex): Complex[][] | null => (m.every((row) => row.length === m.length) ? m.map((row, i) => row.map((_, j) => (i === j ? s : new Complex(0, 0)))) : null);

function sameValue(a: Value, b: Value, o: CompareOptions): boolean {
  if (isMatrix(a) !== isMatrix(b)) {
    const scaled = isMatrix(a) ? timesIdentity(a, b as Complex) : timesIdentity(b as Complex[][], a as Complex);
    return !!scaled && sameValue(isMatrix(a) ? a : scaled, isMatrix(b) ? b : scaled, o);
  }
  if (isMatrix(a) || isMatrix(b)) {
    if (!isMatrix(a) || !isMatrix(b) || a.length !== b.length || a.some((row, i) => row.length !== b[i].length)) return false;
    return a.every((row, i) => row.every((x, j) => sameValue(x, b[i][j], o)));
  }
  if (o.floatRounding !== undefined) return close(roundTo(a, o.floatRounding), roundTo(b, o.floatRounding), { rel: 1e-12, abs: 1e-12 });
  return close(a, b, o.tol);
}

const showValue = (v: Value): string =>
  isMatrix(v) ? `a ${v.length}×${v[0]?.length ?? 0} matrix` : Math.abs(v.im) < 1e-12 * Math.max(1, Math.abs(v.re)) ? `${+v.re.toPrecision(8)}` : `${+v.re.toPrecision(6)}${v.im < 0 ? "−" : "+"}${+Math.abs(v.im).toPrecision(6)}i`;

function showPoint(p: Point, ids: string[]): string {
  return ids.slice(0, 4).map((id) => `${id}=${+p.get(id)!.re.toPrecision(3)}`).join(", ");
}

/** Candidate points tried in search of the physical domain; after FIRST_TRIES with none on it, give up looking. */
const CANDIDATES = 48;
const FIRST_TRIES = 12;

type Pair = { point: Point; g: Value; p: Value };

/**
 * Values of both sides at the sample points, on the physical domain when there are enough such points
 * (else the first points anywhere); points where a side cannot be evaluated (a pole, a special function off
 * its domain) are skipped.
 */
function valuesAt(g: Expr, p: Expr, o: CompareOptions) {
  const ids = [...freeSymbols(g, freeSymbols(p))].sort();
  const integers = boundSymbols(g, boundSymbols(p));
  // Without symbols one point is all there is to evaluate.
  const candidates = samplePoints(ids, ids.length ? CANDIDATES : 1, { real: o.realIds, complex: conjugated(g, false, conjugated(p)), integer: integers, wideAfter: POINTS });
  const anywhere: Pair[] = [];
  const onDomain: Pair[] = [];
  let lastError: { side: "gold" | "pred"; error: unknown } | null = null;
  for (const [k, point] of candidates.entries()) {
    if (onDomain.length >= POINTS || (k >= POINTS && (onDomain.length === anywhere.length || (k >= FIRST_TRIES && !onDomain.length)))) break;
    o.budget?.check();
    const domain = { ok: true };
    let side: "gold" | "pred" = "gold";
    try {
      const gv = evaluate(g, point, { budget: o.budget, domain });
      // Past the first points only points on the physical domain are of use: skip the other side elsewhere.
      if (k >= POINTS && !domain.ok) continue;
      side = "pred";
      const pair = { point, g: gv, p: evaluate(p, point, { budget: o.budget, domain }) };
      if (k < POINTS) anywhere.push(pair);
      if (domain.ok) onDomain.push(pair);
    } catch (error) {
      if (error instanceof BudgetError) throw error;
      lastError = { side, error };
    }
  }
  const enough = ids.length ? MIN_VALID : 1;
  const pairs = onDomain.length >= enough ? onDomain.slice(0, POINTS) : anywhere;
  return { ids, pairs, lastError };
}

const isFiniteValue = (v: Value): boolean => (isMatrix(v) ? v.every((r) => r.every(finite)) : finite(v));

const infinity = (e: Expr): number => (e.t === "const" && e.name === "inf" ? 1 : e.t === "neg" ? -infinity(e.arg) : 0);

/** A canonical text of an expression, sums and products in sorted order (for what cannot be evaluated). */
export function canonical(e: Expr): string {
  switch (e.t) {
    case "num": return String(e.value);
    case "sym": return e.id;
    case "const": return `#${e.name}`;
    case "add": case "mul": return `${e.t}(${e.args.map(canonical).sort().join(",")})`;
    case "fn": case "apply": return `${e.t === "fn" ? e.name : e.id}(${e.args.map(canonical).join(",")})`;
    case "div": return `div(${canonical(e.num)},${canonical(e.den)})`;
    case "neg": return `neg(${canonical(e.arg)})`;
    case "pow": return `pow(${canonical(e.base)},${canonical(e.exp)})`;
    case "pm": return e.minus ? "mp" : "pm";
    case "matrix": return `[${e.rows.map((r) => r.map(canonical).join(",")).join(";")}]`;
  }
}

export function compareExprs(g: Expr, p: Expr, o: CompareOptions): ExprOutcome {
  if (infinity(g) || infinity(p)) return infinity(g) === infinity(p) ? { equal: true, reason: "the same infinity" } : { equal: false, reason: "not the same infinity" };
  const { ids, pairs, lastError } = valuesAt(g, p, o);
  const valid = pairs.filter((x) => isFiniteValue(x.g) || isFiniteValue(x.p));
  // Quadrature is accurate to ~1e-9 (near a singular end), not to the last digit.
  if (hasIntegral(g) || hasIntegral(p)) o = { ...o, tol: { ...o.tol, rel: Math.max(o.tol.rel, 1e-7) } };
  if (valid.length < (ids.length ? MIN_VALID : 1)) {
    const why = lastError?.error instanceof Error ? lastError.error.message : "no finite values";
    if (canonical(g) === canonical(p)) return { equal: true, reason: `the same expression up to the order of terms and factors (not evaluated: ${why})` };
    // The reference cannot be evaluated, or either side uses what the checker does not evaluate: no verdict.
    if (lastError && (lastError.side === "gold" || lastError.error instanceof UnsupportedError)) {
      return { equal: false, undecided: true, reason: `cannot decide: ${lastError.side === "gold" ? "the reference" : "the answer"} cannot be evaluated (${why})` };
    }
    return { equal: false, reason: `could not evaluate both at enough points (${why})` };
  }
  for (const x of valid) {
    if (!sameValue(x.g, x.p, o)) {
      const at = ids.length ? ` at ${showPoint(x.point, ids)}` : "";
      return { equal: false, reason: `they differ${at}: ${showValue(x.g)} vs ${showValue(x.p)}` };
    }
  }
  const how = o.floatRounding !== undefined ? `rounded to ${o.floatRounding} decimals` : `relative tolerance ${o.tol.rel.toExponential(0)}`;
  return { equal: true, reason: ids.length ? `equal at ${valid.length} random points (${how})` : `equal numbers (${how})` };
}

/** `lhs_g − rhs_g` and `lhs_p − rhs_p` are proportional (the same equation up to a constant factor). */
export function compareEquations(g: Expr, p: Expr, o: CompareOptions): ExprOutcome {
  const { ids, pairs } = valuesAt(g, p, o);
  const ratios: Complex[] = [];
  for (const x of pairs) {
    if (isMatrix(x.g) || isMatrix(x.p) || !finite(x.g) || !finite(x.p)) continue;
    const gz = x.g.abs() <= o.tol.abs;
    const pz = x.p.abs() <= o.tol.abs;
    if (gz !== pz) return { equal: false, reason: `not the same equation (one side vanishes at ${showPoint(x.point, ids)})` };
    if (!gz) ratios.push(x.p.div(x.g));
  }
  if (ratios.length < MIN_VALID) return { equal: false, reason: "the equations could not be compared at enough points" };
  const first = ratios[0];
  if (ratios.every((r) => close(r, first, { rel: Math.max(o.tol.rel, 1e-9), abs: 1e-12 }))) {
    return { equal: true, reason: `the same equation up to a factor ${showValue(first)}`, ratio: first };
  }
  return { equal: false, reason: "not the same equation (no constant factor relates them)" };
}

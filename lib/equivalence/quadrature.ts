// Numerical integration for definite integrals in answers (Feynman-parameter integrals over [0, 1], radial
// integrals to infinity): double-exponential quadrature — tanh-sinh on a finite interval (it tolerates
// integrable singularities at the ends, as in ∫₀¹ dx/√(x(1−x))), exp-sinh on a half line, sinh-sinh on the
// whole line — refined level by level (halving the step) until two levels agree.
import Complex from "complex.js";
import type { Budget } from "./budget";

const T_MAX = 4;
const MAX_LEVEL = 7;
/**
 * Two levels this close (relative) have converged: the error is then far below (double exponential convergence),
 * and integrals are compared to 1e-7 (compare-expr.ts); near a singular end, rounding limits accuracy to ~1e-9.
 */
const REL = 1e-9;
const HALF_PI = Math.PI / 2;

/** A node of the transformed integral: the point x and its weight dx/dt (zero when it falls off the end). */
type Node = { x: number; w: number };
type Map_ = (t: number) => Node;

function finiteMap(a: number, b: number): Map_ {
  const half = (b - a) / 2;
  return (t) => {
    const u = HALF_PI * Math.sinh(t);
    // The distance to the nearer end, computed without cancellation: 1 − tanh|u| = 2 / (1 + e^{2|u|}).
    const gap = (2 * half) / (1 + Math.exp(2 * Math.abs(u)));
    const x = t >= 0 ? b - gap : a + gap;
    const cosh = Math.cosh(u);
    const w = (half * HALF_PI * Math.cosh(t)) / (cosh * cosh);
    return x === a || x === b || !Number.isFinite(w) ? { x, w: 0 } : { x, w };
  };
}

function halfLineMap(a: number, sign: 1 | -1): Map_ {
  return (t) => {
    const e = Math.exp(HALF_PI * Math.sinh(t));
    const w = HALF_PI * Math.cosh(t) * e;
    return Number.isFinite(e) && Number.isFinite(w) ? { x: a + sign * e, w } : { x: a, w: 0 };
  };
}

const wholeLineMap: Map_ = (t) => {
  const u = HALF_PI * Math.sinh(t);
  const w = HALF_PI * Math.cosh(t) * Math.cosh(u);
  return Number.isFinite(w) ? { x: Math.sinh(u), w } : { x: 0, w: 0 };
};

/** ∫ₐᵇ f(x) dx for real bounds (±Infinity allowed); NaN when the integrand is not finite inside. */
export function integrate(f: (x: number) => Complex, a: number, b: number, budget: Budget): Complex {
  if (a === b) return new Complex(0, 0);
  if (a > b) return integrate(f, b, a, budget).neg();
  const map: Map_ = Number.isFinite(a) && Number.isFinite(b) ? finiteMap(a, b)
    : Number.isFinite(a) ? halfLineMap(a, 1)
    : Number.isFinite(b) ? halfLineMap(b, -1)
    : wholeLineMap;
  let sum = new Complex(0, 0);
  const add = (t: number): boolean => {
    const { x, w } = map(t);
    if (w === 0) return true;
    const y = f(x);
    if (!Number.isFinite(y.re) || !Number.isFinite(y.im)) return Math.abs(t) > 2.5; // a singular end is skipped
    sum = sum.add(y.mul(w));
    return true;
  };
  let h = 1;
  for (let t = -T_MAX; t <= T_MAX; t += h) if (!add(t)) return new Complex(NaN, NaN);
  let estimate = sum.mul(h);
  for (let level = 1; level <= MAX_LEVEL; level++) {
    budget.check();
    h /= 2;
    for (let t = -T_MAX + h; t < T_MAX; t += 2 * h) if (!add(t)) return new Complex(NaN, NaN);
    const next = sum.mul(h);
    const change = next.sub(estimate).abs();
    estimate = next;
    if (level >= 3 && change <= REL * Math.max(next.abs(), 1e-300)) return next;
  }
  return estimate;
}

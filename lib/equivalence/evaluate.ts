// Numeric evaluation of an expression at a point (symbol id → complex value), in complex arithmetic
// (principal branches). Matrices are 2-D arrays of complex numbers (a matrix of matrices is a block matrix;
// products do not commute). Undeclared functions applied to arguments are evaluated as a fixed smooth
// function of the name, so both sides see the same function. Definite integrals are integrated numerically
// (quadrature.ts), sums and products term by term. `env.domain` records whether every square root, logarithm
// and fractional power stayed on its real principal domain (the physical region, compare-expr.ts).
import Complex from "complex.js";
import { NO_BUDGET, type Budget } from "./budget";
import { integrate } from "./quadrature";
import { doubleFactorial, erf, gamma, polylog, zeta } from "./special";
import { assemble, diagonal, isMatrix, matAdd, matMul, type Matrix, type Value } from "./matrix-values";
import { ReadError, UnsupportedError, type Expr } from "./types";

export { isMatrix, type Matrix, type Value };
export type Point = ReadonlyMap<string, Complex>;
/** `sign`: the value of ± (+1 or −1; ∓ is its opposite); `domain.ok` is cleared when a branch cut is crossed. */
export type EvalEnv = { sign?: 1 | -1; budget?: Budget; domain?: { ok: boolean } };

const EULER_GAMMA = 0.5772156649015329;
const c = (re: number, im = 0) => new Complex(re, im);

function scalar(v: Value, what: string): Complex {
  if (isMatrix(v)) throw new ReadError(`${what} of a matrix`);
  return v;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

/** An undeclared function f(x, y…): the same smooth function for the same name on both sides. */
function unknownFunction(id: string, args: Complex[]): Complex {
  let phase = c(hash(id) * 2);
  args.forEach((a, i) => (phase = phase.add(a.mul(0.3 + hash(`${id}#${i}`)))));
  return phase.sin().add(2);
}

const ONE_ARG: Record<string, (z: Complex) => Complex> = {
  sqrt: (z) => z.sqrt(), exp: (z) => z.exp(), ln: (z) => z.log(), log10: (z) => z.log().div(Math.LN10), log2: (z) => z.log().div(Math.LN2),
  sin: (z) => z.sin(), cos: (z) => z.cos(), tan: (z) => z.tan(), cot: (z) => z.cot(), sec: (z) => z.sec(), csc: (z) => z.csc(),
  sinh: (z) => z.sinh(), cosh: (z) => z.cosh(), tanh: (z) => z.tanh(), coth: (z) => z.coth(), sech: (z) => z.sech(), csch: (z) => z.csch(),
  asin: (z) => z.asin(), acos: (z) => z.acos(), atan: (z) => z.atan(), acot: (z) => z.acot(), asec: (z) => z.asec(), acsc: (z) => z.acsc(),
  asinh: (z) => z.asinh(), acosh: (z) => z.acosh(), atanh: (z) => z.atanh(),
  abs: (z) => c(z.abs()), re: (z) => c(z.re), im: (z) => c(z.im), conj: (z) => z.conjugate(), arg: (z) => c(z.arg()),
  sign: (z) => (z.isZero() ? c(0) : z.div(z.abs())), square: (z) => z.mul(z),
  floor: (z) => c(Math.floor(z.re)), ceil: (z) => c(Math.ceil(z.re)), round: (z) => c(Math.round(z.re)),
  gamma, zeta, erf, erfc: (z) => c(1).sub(erf(z)), lngamma: (z) => gamma(z).log(),
  factorial: (z) => gamma(z.add(1)), factorial2: (z) => c(doubleFactorial(z.re)), dilog: (z) => polylog(c(2), z),
};

/** Functions with a branch cut, and where their argument is on the real principal domain. */
const PRINCIPAL: Record<string, (x: number) => boolean> = {
  sqrt: (x) => x >= 0, ln: (x) => x > 0, log10: (x) => x > 0, log2: (x) => x > 0, lngamma: (x) => x > 0,
  asin: (x) => Math.abs(x) <= 1, acos: (x) => Math.abs(x) <= 1, atanh: (x) => Math.abs(x) < 1, acosh: (x) => x >= 1,
};

const isReal = (z: Complex) => Math.abs(z.im) <= 1e-12 * Math.max(1, Math.abs(z.re));

function onDomain(env: EvalEnv, z: Complex, inside: (x: number) => boolean): void {
  if (env.domain && !(isReal(z) && inside(z.re))) env.domain.ok = false;
}

function callFunction(name: string, args: Complex[], env: EvalEnv): Complex {
  const one = ONE_ARG[name];
  if (PRINCIPAL[name] && args.length === 1) onDomain(env, args[0], PRINCIPAL[name]);
  if (one && args.length === 1) return one(args[0]);
  switch (name) {
    case "root": onDomain(env, args[0], (x) => x >= 0); return args[0].pow(c(1).div(args[1] ?? c(2)));
    case "log": args.forEach((a) => onDomain(env, a, (x) => x > 0)); return args.length === 2 ? args[0].log().div(args[1].log()) : args[0].log().div(Math.LN10);
    case "binomial": return gamma(args[0].add(1)).div(gamma(args[1].add(1)).mul(gamma(args[0].sub(args[1]).add(1))));
    case "polylog": return polylog(args[0], args[1]);
    case "max": case "min": {
      if (args.some((a) => Math.abs(a.im) > 1e-12)) throw new ReadError(`${name} of complex numbers`);
      return c((name === "max" ? Math.max : Math.min)(...args.map((a) => a.re)));
    }
  }
  throw new UnsupportedError(`the checker cannot evaluate ${name} with ${args.length} argument${args.length === 1 ? "" : "s"}`);
}

function power(base: Value, exp: Value, env: EvalEnv): Value {
  const e = scalar(exp, "a power");
  if (!isMatrix(base)) {
    // x^n for integer n by multiplication keeps negative bases real (complex.js goes through log).
    if (e.im === 0 && Number.isInteger(e.re) && Math.abs(e.re) <= 64) {
      let r = c(1);
      for (let k = 0; k < Math.abs(e.re); k++) r = r.mul(base);
      return e.re < 0 ? c(1).div(r) : r;
    }
    if (!(isReal(base) && base.re > 0)) onDomain(env, e, () => false);
    return base.pow(e);
  }
  if (e.im !== 0 || !Number.isInteger(e.re) || e.re < 0 || e.re > 64) throw new UnsupportedError("a matrix power that is not a small integer");
  let r: Value = base.map((row, i) => row.map((_, j) => c(i === j ? 1 : 0)));
  for (let k = 0; k < e.re; k++) r = matMul(r, base);
  return r;
}

const MAX_TERMS = 10_000;
/** The value of a sum over an unspecified set (`\sum_q Q_q^2`) relative to its term: any number not 1 keeps it linear. */
const FORMAL_SUM = Math.SQRT2 + 0.3;

/** A real number at this point (a bound of a sum or an integral). */
function realBound(x: Expr, point: Point, env: EvalEnv, what: string): number {
  if (x.t === "const" && x.name === "inf") return Infinity;
  if (x.t === "neg" && x.arg.t === "const" && x.arg.name === "inf") return -Infinity;
  const v = scalar(evaluate(x, point, env), what);
  if (!isReal(v)) throw new ReadError(`${what} that is not real here`);
  return v.re;
}

/** A finite sum or product with integer bounds, term by term. */
function sumOrProduct(e: Extract<Expr, { t: "fn" }>, point: Point, env: EvalEnv): Value {
  const [body, index, loE, hiE] = e.args;
  const bound = (x: Expr) => {
    const v = realBound(x, point, env, "a bound of a sum");
    if (Math.abs(v - Math.round(v)) > 1e-9) throw new ReadError("a sum or product whose bounds are not integers here");
    return Math.round(v);
  };
  const lo = bound(loE);
  const hi = bound(hiE);
  if (hi - lo + 1 > MAX_TERMS) throw new UnsupportedError("a sum or product with too many terms to evaluate");
  const inner = new Map(point);
  const id = index.t === "sym" ? index.id : "";
  let acc: Value = c(e.name === "sum" ? 0 : 1);
  for (let k = lo; k <= hi; k++) {
    if ((k - lo) % 256 === 255) env.budget?.check();
    inner.set(id, c(k));
    const term = evaluate(body, inner, env);
    acc = e.name === "sum" ? matAdd(acc, term) : matMul(acc, term);
  }
  return acc;
}

/** `\int_a^b f(x)\,dx` with bounds that are real numbers at this point, numerically. */
function definiteIntegral(e: Extract<Expr, { t: "fn" }>, point: Point, env: EvalEnv): Complex {
  const [body, variable, loE, hiE] = e.args;
  const lo = realBound(loE, point, env, "a bound of an integral");
  const hi = realBound(hiE, point, env, "a bound of an integral");
  const inner = new Map(point);
  const id = variable.t === "sym" ? variable.id : "";
  return integrate((x) => {
    inner.set(id, c(x));
    return scalar(evaluate(body, inner, env), "an integral of a matrix");
  }, lo, hi, env.budget ?? NO_BUDGET);
}

export function evaluate(e: Expr, point: Point, env: EvalEnv = {}): Value {
  const ev = (x: Expr) => evaluate(x, point, env);
  switch (e.t) {
    case "num": return c(e.value);
    case "sym": {
      const v = point.get(e.id);
      if (!v) throw new ReadError(`${e.tex} has no value`);
      return v;
    }
    case "const":
      return e.name === "pi" ? c(Math.PI) : e.name === "e" ? c(Math.E) : e.name === "i" ? c(0, 1) : e.name === "gammaE" ? c(EULER_GAMMA) : c(Infinity);
    case "add": return e.args.map(ev).reduce(matAdd);
    case "mul": return e.args.map(ev).reduce(matMul);
    case "div": {
      const den = scalar(ev(e.den), "division by a matrix");
      return matMul(ev(e.num), c(1).div(den));
    }
    case "neg": return matMul(ev(e.arg), c(-1));
    case "pow": return power(ev(e.base), ev(e.exp), env);
    case "fn":
      if (e.name === "sum" || e.name === "prod") return sumOrProduct(e, point, env);
      if (e.name === "integrate") return definiteIntegral(e, point, env);
      if (e.name === "diag") return diagonal(e.args.map(ev));
      // A sum over an unspecified set is linear: a fixed multiple of its term (the same on both sides).
      if (e.name === "formalsum") return matMul(ev(e.args[0]), c(FORMAL_SUM));
      return callFunction(e.name, e.args.map((a) => scalar(ev(a), e.name)), env);
    case "apply": return unknownFunction(e.id, e.args.map((a) => scalar(ev(a), e.tex)));
    case "pm": return c(e.minus ? -(env.sign ?? 1) : env.sign ?? 1);
    case "matrix": return assemble(e.rows.map((row) => row.map(ev)));
  }
}


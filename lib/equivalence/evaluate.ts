// Numeric evaluation of an expression at a point (symbol id → complex value), in complex arithmetic
// (principal branches). Matrices are 2-D arrays of complex numbers. Undeclared functions applied to
// arguments are evaluated as a fixed smooth function of the name, so both sides see the same function.
import Complex from "complex.js";
import { doubleFactorial, erf, gamma, polylog, zeta } from "./special";
import { ReadError, type Expr } from "./types";

export type Matrix = Complex[][];
export type Value = Complex | Matrix;
export type Point = ReadonlyMap<string, Complex>;

const EULER_GAMMA = 0.5772156649015329;
const c = (re: number, im = 0) => new Complex(re, im);
export const isMatrix = (v: Value): v is Matrix => Array.isArray(v);

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

function matAdd(a: Value, b: Value): Value {
  if (!isMatrix(a) && !isMatrix(b)) return a.add(b);
  if (isMatrix(a) && isMatrix(b) && a.length === b.length && a[0].length === b[0].length) return a.map((row, i) => row.map((x, j) => x.add(b[i][j])));
  throw new ReadError("adding a matrix and a number, or matrices of different sizes");
}

function matMul(a: Value, b: Value): Value {
  if (!isMatrix(a) && !isMatrix(b)) return a.mul(b);
  if (!isMatrix(a)) return (b as Matrix).map((row) => row.map((x) => x.mul(a)));
  if (!isMatrix(b)) return a.map((row) => row.map((x) => x.mul(b)));
  if (a[0].length !== b.length) throw new ReadError("multiplying matrices of incompatible sizes");
  return a.map((row) => b[0].map((_, j) => row.reduce((sum, x, k) => sum.add(x.mul(b[k][j])), c(0))));
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

function callFunction(name: string, args: Complex[]): Complex {
  const one = ONE_ARG[name];
  if (one && args.length === 1) return one(args[0]);
  switch (name) {
    case "root": return args[0].pow(c(1).div(args[1] ?? c(2)));
    case "log": return args.length === 2 ? args[0].log().div(args[1].log()) : args[0].log().div(Math.LN10);
    case "binomial": return gamma(args[0].add(1)).div(gamma(args[1].add(1)).mul(gamma(args[0].sub(args[1]).add(1))));
    case "polylog": return polylog(args[0], args[1]);
    case "max": case "min": {
      if (args.some((a) => Math.abs(a.im) > 1e-12)) throw new ReadError(`${name} of complex numbers`);
      return c((name === "max" ? Math.max : Math.min)(...args.map((a) => a.re)));
    }
  }
  throw new ReadError(`the checker cannot evaluate ${name} with ${args.length} argument${args.length === 1 ? "" : "s"}`);
}

function power(base: Value, exp: Value): Value {
  const e = scalar(exp, "a power");
  if (!isMatrix(base)) {
    // x^n for integer n by multiplication keeps negative bases real (complex.js goes through log).
    if (e.im === 0 && Number.isInteger(e.re) && Math.abs(e.re) <= 64) {
      let r = c(1);
      for (let k = 0; k < Math.abs(e.re); k++) r = r.mul(base);
      return e.re < 0 ? c(1).div(r) : r;
    }
    return base.pow(e);
  }
  if (e.im !== 0 || !Number.isInteger(e.re) || e.re < 1 || e.re > 64) throw new ReadError("a matrix power that is not a small positive integer");
  let r: Value = base;
  for (let k = 1; k < e.re; k++) r = matMul(r, base);
  return r;
}

const MAX_TERMS = 10_000;

/** A finite sum or product with integer bounds, term by term. */
function sumOrProduct(e: Extract<Expr, { t: "fn" }>, point: Point, sign: 1 | -1): Value {
  const [body, index, loE, hiE] = e.args;
  const bound = (x: Expr) => {
    const v = scalar(evaluate(x, point, sign), "a bound");
    if (Math.abs(v.im) > 1e-9 || Math.abs(v.re - Math.round(v.re)) > 1e-9) throw new ReadError("a sum or product whose bounds are not integers here");
    return Math.round(v.re);
  };
  const lo = bound(loE);
  const hi = bound(hiE);
  if (hi - lo + 1 > MAX_TERMS) throw new ReadError("a sum or product with too many terms to evaluate");
  const id = index.t === "sym" ? index.id : "";
  let acc: Value = c(e.name === "sum" ? 0 : 1);
  for (let k = lo; k <= hi; k++) {
    const term = evaluate(body, new Map([...point, [id, c(k)]]), sign);
    acc = e.name === "sum" ? matAdd(acc, term) : matMul(acc, term);
  }
  return acc;
}

/** `sign`: the value of ± (+1 or −1; ∓ is its opposite). */
export function evaluate(e: Expr, point: Point, sign: 1 | -1 = 1): Value {
  const ev = (x: Expr) => evaluate(x, point, sign);
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
    case "pow": return power(ev(e.base), ev(e.exp));
    case "fn":
      if (e.name === "sum" || e.name === "prod") return sumOrProduct(e, point, sign);
      return callFunction(e.name, e.args.map((a) => scalar(ev(a), e.name)));
    case "apply": return unknownFunction(e.id, e.args.map((a) => scalar(ev(a), e.tex)));
    case "pm": return c(e.minus ? -sign : sign);
    case "matrix": return e.rows.map((row) => row.map((x) => scalar(ev(x), "a matrix inside a matrix")));
  }
}

/** Every symbol id in an expression. */
export function freeSymbols(e: Expr, into = new Set<string>()): Set<string> {
  switch (e.t) {
    case "sym": into.add(e.id); break;
    case "fn":
      if ((e.name === "sum" || e.name === "prod") && e.args[1]?.t === "sym") {
        const inner = freeSymbols(e.args[0]);
        inner.delete(e.args[1].id);
        inner.forEach((id) => into.add(id));
        e.args.slice(2).forEach((a) => freeSymbols(a, into));
      } else e.args.forEach((a) => freeSymbols(a, into));
      break;
    case "add": case "mul": case "apply": e.args.forEach((a) => freeSymbols(a, into)); break;
    case "div": freeSymbols(e.num, into); freeSymbols(e.den, into); break;
    case "neg": freeSymbols(e.arg, into); break;
    case "pow": freeSymbols(e.base, into); freeSymbols(e.exp, into); break;
    case "matrix": e.rows.flat().forEach((a) => freeSymbols(a, into)); break;
  }
  return into;
}

export function hasPlusMinus(e: Expr): boolean {
  switch (e.t) {
    case "pm": return true;
    case "add": case "mul": case "fn": case "apply": return e.args.some(hasPlusMinus);
    case "div": return hasPlusMinus(e.num) || hasPlusMinus(e.den);
    case "neg": return hasPlusMinus(e.arg);
    case "pow": return hasPlusMinus(e.base) || hasPlusMinus(e.exp);
    case "matrix": return e.rows.flat().some(hasPlusMinus);
    default: return false;
  }
}

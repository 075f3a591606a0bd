// Special functions over the complex numbers (complex.js has the elementary ones): Γ (Lanczos), ζ (Borwein's
// alternating series with the reflection formula), erf (Taylor series / asymptotic), polylogarithms (series
// inside the unit disc). Accurate to ~1e-13 relative where physics answers use them.
import Complex from "complex.js";

const PI = Math.PI;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function gamma(z: Complex): Complex {
  if (z.im === 0 && z.re <= 0 && Number.isInteger(z.re)) return new Complex(NaN, 0);
  if (z.re < 0.5) return new Complex(PI, 0).div(new Complex(PI, 0).mul(z).sin().mul(gamma(new Complex(1, 0).sub(z))));
  const w = z.sub(1);
  let x = new Complex(LANCZOS[0], 0);
  for (let i = 1; i < LANCZOS.length; i++) x = x.add(new Complex(LANCZOS[i], 0).div(w.add(i)));
  const t = w.add(7.5);
  return new Complex(Math.sqrt(2 * PI), 0).mul(t.pow(w.add(0.5))).mul(t.neg().exp()).mul(x);
}

const BORWEIN_N = 40;
const BORWEIN_D: number[] = (() => {
  const d: number[] = [];
  let sum = 0;
  for (let i = 0; i <= BORWEIN_N; i++) {
    let term = 1;
    // n (n+i-1)! 4^i / ((n-i)! (2i)!) computed as a running product to stay in range
    for (let k = 1; k <= i; k++) term *= ((BORWEIN_N + k - 1) * 4 * (BORWEIN_N - k + 1)) / ((2 * k - 1) * (2 * k));
    sum += term;
    d.push(sum);
  }
  return d;
})();

export function zeta(s: Complex): Complex {
  if (s.re === 1 && s.im === 0) return new Complex(Infinity, 0);
  if (s.re < 0.5) {
    // ζ(s) = 2^s π^(s−1) sin(πs/2) Γ(1−s) ζ(1−s)
    const one = new Complex(1, 0);
    return new Complex(2, 0).pow(s).mul(new Complex(PI, 0).pow(s.sub(1))).mul(s.mul(PI / 2).sin()).mul(gamma(one.sub(s))).mul(zeta(one.sub(s)));
  }
  const n = BORWEIN_N;
  let sum = new Complex(0, 0);
  for (let k = 0; k < n; k++) {
    const term = new Complex((BORWEIN_D[k] - BORWEIN_D[n]) * (k % 2 === 0 ? 1 : -1), 0).div(new Complex(k + 1, 0).pow(s));
    sum = sum.add(term);
  }
  const denom = new Complex(1, 0).sub(new Complex(2, 0).pow(new Complex(1, 0).sub(s))).mul(BORWEIN_D[n]);
  return sum.neg().div(denom);
}

export function erf(z: Complex): Complex {
  if (z.abs() > 5) {
    if (Math.abs(z.im) < 1e-300) return new Complex(Math.sign(z.re), 0);
    throw new Error("erf is evaluated for |z| ≤ 5 off the real axis");
  }
  let term = z;
  let sum = z;
  const z2 = z.mul(z);
  for (let n = 1; n < 200; n++) {
    term = term.mul(z2).neg().div(n);
    const add = term.div(2 * n + 1);
    sum = sum.add(add);
    if (add.abs() < 1e-17 * sum.abs()) break;
  }
  return sum.mul(2 / Math.sqrt(PI));
}

/** Li_s(z) for |z| ≤ 1 (z = 1 is ζ(s)). */
/** Bernoulli numbers B_0…B_30 (B_1 = −1/2), for the dilogarithm's series. */
const BERNOULLI: number[] = (() => {
  const b = [1];
  for (let m = 1; m <= 30; m++) {
    let sum = 0;
    let binom = 1; // C(m+1, k)
    for (let k = 0; k < m; k++) {
      sum += binom * b[k];
      binom = (binom * (m + 1 - k)) / (k + 1);
    }
    b.push(-sum / (m + 1));
  }
  return b;
})();

/** Li₂(z) for |z| ≤ 1 to full precision: the series in u = −ln(1−z), after reflecting Re z > ½ to 1 − z. */
function dilog(z: Complex): Complex {
  const one = new Complex(1, 0);
  if (z.re > 0.5) {
    const w = one.sub(z);
    if (w.abs() < 1e-300) return new Complex((PI * PI) / 6, 0);
    return new Complex((PI * PI) / 6, 0).sub(z.log().mul(w.log())).sub(dilog(w));
  }
  const u = one.sub(z).log().neg();
  let sum = new Complex(0, 0);
  let power = u; // u^{n+1}/(n+1)!
  for (let n = 0; n <= 30; n++) {
    if (n > 0) power = power.mul(u).div(n + 1);
    if (BERNOULLI[n] !== 0) sum = sum.add(power.mul(BERNOULLI[n]));
  }
  return sum;
}

export function polylog(s: Complex, z: Complex): Complex {
  if (z.sub(1).abs() < 1e-15) return zeta(s);
  if (z.abs() > 1) throw new Error("the polylogarithm is evaluated inside the unit disc only");
  if (s.im === 0 && s.re === 2) return dilog(z);
  // Li_s(−1) = −(1 − 2^{1−s}) ζ(s)
  if (z.add(1).abs() < 1e-15) return new Complex(1, 0).sub(new Complex(2, 0).pow(new Complex(1, 0).sub(s))).mul(zeta(s)).neg();
  let sum = new Complex(0, 0);
  let power = new Complex(1, 0);
  for (let k = 1; k < 20000; k++) {
    power = power.mul(z);
    const term = power.div(new Complex(k, 0).pow(s));
    sum = sum.add(term);
    if (term.abs() < 1e-17 * Math.max(1, sum.abs())) break;
  }
  return sum;
}

/** n!! for a non-negative integer n. */
export function doubleFactorial(n: number): number {
  if (!Number.isInteger(n) || n < -1) return NaN;
  let r = 1;
  for (let k = n; k > 1; k -= 2) r *= k;
  return r;
}

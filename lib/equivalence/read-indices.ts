// Lorentz and group indices: the metric and the Kronecker delta are symmetric (`g^{\mu\nu}` = `g^{\nu\mu}`),
// the Levi-Civita symbol, structure constants and the field strength antisymmetric (`\epsilon^{\mu\nu\rho\sigma}`
// = −`\epsilon^{\nu\mu\rho\sigma}`, zero with a repeated index); and a contraction of two vectors is their
// dot product (`p^\mu k_\mu` = `p\cdot k`, `\gamma^\mu p_\mu` = `\slashed{p}`). Indexed symbols have ids like
// `g^munu`: the base, `^` or `_`, and the index names run together.
import type { Expr } from "./types";

const GREEK_NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "lambda", "kappa", "mu", "nu", "rho", "sigma", "tau"];

type Symmetry = { kind: "symmetric" | "antisymmetric"; arity?: number };
const SYMMETRIES: Record<string, Symmetry> = {
  g: { kind: "symmetric", arity: 2 }, eta: { kind: "symmetric", arity: 2 }, delta: { kind: "symmetric", arity: 2 },
  epsilon: { kind: "antisymmetric" }, f: { kind: "antisymmetric", arity: 3 }, F: { kind: "antisymmetric", arity: 2 },
  d: { kind: "symmetric", arity: 3 },
};
/** Bases whose Latin superscripts are indices, not powers (`\delta^{ab}`, `f^{abc}`, `\epsilon^{ijk}`). */
export const LATIN_INDEX_BASES = new Set(["delta", "epsilon", "f", "d"]);

/** `munurho` → [mu, nu, rho]; `abc` → [a, b, c]; null when it does not split into index names. */
export function splitIndices(text: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const greek = GREEK_NAMES.find((g) => text.startsWith(g, i));
    if (greek) { out.push(greek); i += greek.length; continue; }
    if (!/[A-Za-z]/.test(text[i])) return null;
    out.push(text[i]);
    i++;
  }
  return out;
}

const texIndex = (ix: string) => (ix.length > 1 ? `\\${ix}` : ix);

/** The sign of the permutation that sorts `items` (0 when two are equal). */
function permutationSign(items: string[]): number {
  let sign = 1;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[i] === items[j]) return 0;
      if (items[i] > items[j]) sign = -sign;
    }
  }
  return sign;
}

/** An indexed symbol in canonical index order, with the sign (or zero) the symmetry gives. */
export function canonicalTensor(e: Extract<Expr, { t: "sym" }>): Expr {
  const m = /^([A-Za-z]+)([_^])([A-Za-z]+)$/.exec(e.id);
  const symmetry = m ? SYMMETRIES[m[1]] : undefined;
  const indices = m && symmetry ? splitIndices(m[3]) : null;
  if (!m || !symmetry || !indices || indices.length < 2 || (symmetry.arity && indices.length !== symmetry.arity)) return e;
  const sorted = [...indices].sort();
  const sign = symmetry.kind === "antisymmetric" ? permutationSign(indices) : 1;
  if (sign === 0) return { t: "num", value: 0 };
  const base = e.tex.replace(/[_^].*$/, "");
  const sym: Expr = { t: "sym", id: `${m[1]}${m[2]}${sorted.join("")}`, tex: `${base}${m[2]}{${sorted.map(texIndex).join("")}}` };
  return sign < 0 ? { t: "neg", arg: sym } : sym;
}

/** `p^mu` → {base p, pos ^, index mu} for a vector with one index. */
function vectorIndex(e: Expr): { base: string; tex: string; up: boolean; index: string } | null {
  if (e.t !== "sym") return null;
  const m = /^([A-Za-z][A-Za-z0-9']*)([_^])([a-z]+)$/.exec(e.id);
  if (!m || !GREEK_NAMES.includes(m[3])) return null;
  return { base: m[1], tex: e.tex.replace(/[_^][^_^]*$/, ""), up: m[2] === "^", index: m[3] };
}

/**
 * In a product, `p^\mu k_\mu` becomes `p k` (the dot product), `\gamma^\mu p_\mu` becomes `\slashed{p}` and
 * adjacent `\gamma^\mu\gamma_\mu` becomes 4 (in four dimensions).
 */
export function contractIndices(factors: Expr[]): Expr[] {
  const out = [...factors];
  for (let i = 0; i < out.length; i++) {
    const a = vectorIndex(out[i]);
    if (!a) continue;
    const j = out.findIndex((x, k) => { const b = vectorIndex(x); return k !== i && !!b && b.index === a.index && b.up !== a.up; });
    if (j < 0) continue;
    const b = vectorIndex(out[j])!;
    if (a.base === "gamma" && b.base === "gamma") {
      if (Math.abs(i - j) !== 1) continue;
      out.splice(Math.min(i, j), 2, { t: "num", value: 4 });
    } else if (a.base === "gamma" || b.base === "gamma") {
      const [at, other] = a.base === "gamma" ? [i, b] : [j, a];
      out[at] = { t: "sym", id: `slashed(${other.base})`, tex: `\\slashed{${other.tex}}` };
      out.splice(at === i ? j : i, 1);
    } else {
      out[i] = { t: "sym", id: a.base, tex: a.tex };
      out[j] = { t: "sym", id: b.base, tex: b.tex };
      continue;
    }
    i = -1; // indices moved: look again from the start
  }
  return out;
}

type Indexed = { base: string; baseTex: string; pos: "^" | "_"; indices: string[]; sign: 1 | -1 };

function indexedOf(e: Expr): Indexed | null {
  const sign = e.t === "neg" ? -1 : 1;
  const s = e.t === "neg" ? e.arg : e;
  if (s.t !== "sym") return null;
  const m = /^([A-Za-z]+)([_^])([A-Za-z]+)$/.exec(s.id);
  const indices = m ? splitIndices(m[3]) : null;
  return m && indices ? { base: m[1], baseTex: s.tex.replace(/[_^].*$/, ""), pos: m[2] as "^" | "_", indices, sign } : null;
}

/**
 * Dummy indices are names: in a product, a Lorentz index once up and once down (`F_{\mu\nu}F^{\mu\nu}` =
 * `F_{\alpha\beta}F^{\alpha\beta}`), or a group index twice among tensors (`f^{acd}f^{bcd}` = `f^{aef}f^{bef}`), is
 * renamed in order of appearance (group indices only on the tensors that carry them: δ, ε, f, d).
 */
export function renameDummies(factors: Expr[]): Expr[] {
  const parsed = factors.map(indexedOf);
  const seen = new Map<string, { up: number; down: number; latin: number }>();
  const order: string[] = [];
  parsed.forEach((t) => t?.indices.forEach((ix) => {
    if (!seen.has(ix)) { seen.set(ix, { up: 0, down: 0, latin: 0 }); order.push(ix); }
    const s = seen.get(ix)!;
    if (t.pos === "^") s.up++; else s.down++;
    if (LATIN_INDEX_BASES.has(t.base)) s.latin++;
  }));
  const dummies = order.filter((ix) => {
    const s = seen.get(ix)!;
    return GREEK_NAMES.includes(ix) ? s.up === 1 && s.down === 1 : /^[a-z]$/.test(ix) && s.up + s.down === 2 && s.latin === 2;
  });
  if (!dummies.length) return factors;
  const free = new Set(order.filter((ix) => !dummies.includes(ix)));
  const names = "ABCDEFGHJKLMNPQRSTUVWXYZ".split("").filter((n) => !free.has(n));
  const rename = new Map(dummies.map((ix, k) => [ix, names[k]]));
  return factors.map((f, i) => {
    const t = parsed[i];
    if (!t || !t.indices.some((ix) => rename.has(ix))) return f;
    const indices = t.indices.map((ix) => rename.get(ix) ?? ix);
    const sym = canonicalTensor({ t: "sym", id: `${t.base}${t.pos}${indices.join("")}`, tex: `${t.baseTex}${t.pos}{${indices.map(texIndex).join("")}}` });
    return t.sign < 0 ? (sym.t === "neg" ? sym.arg : sym.t === "num" ? sym : { t: "neg", arg: sym }) : sym;
  });
}

// Names in the answer checker's reading: canonical symbol ids (`m_\pi` and `m_{\pi}` are one symbol), their
// LaTeX, indices (`F^{\mu\nu}` is an indexed symbol, not a power) and the constants a name may stand for
// (`e`, `i`, `\pi` unless declared; `\gamma` is a plain symbol).
import { node, serializeMath, type Json } from "./syntax";
import type { Placeholder } from "./rewrite";
import { canonicalTensor } from "./read-indices";
import { ReadError, UnsupportedError, type Expr } from "./types";

export type ReadContext = {
  placeholders: Map<string, Placeholder>;
  /** parser symbol names declared as plain symbols (`e`, `EulerGamma`, `Pi`, `i`) */
  symbols: ReadonlySet<string>;
  /** parser symbol names declared as functions */
  functions: ReadonlySet<string>;
};

const INDEX_LETTERS = new Set(["mu", "nu", "rho", "sigma"]);
const GREEK_INDEX = new Set(["mu", "nu", "rho", "sigma", "alpha", "beta", "lambda", "kappa"]);
const NAME_ALIASES: Record<string, string> = {
  hBar: "hbar", Pi: "pi", EulerGamma: "gamma", ExponentialE: "e", ImaginaryUnit: "i", Mu0: "mu_0", VacuumPermittivity: "epsilon_0",
};

export const num = (value: number, text?: string): Expr => ({ t: "num", value, text });

/** The canonical id of a parser symbol name (`k_B_upright` → `k_B`, `hBar` → `hbar`). */
export function symbolId(name: string): string {
  return (NAME_ALIASES[name] ?? name).replace(/_upright$/, "");
}

export function symbolTex(name: string): string {
  return name === "EulerGamma" ? "\\gamma" : serializeMath(name.replace(/_upright$/, ""));
}

/** A subscript or superscript index as a name part (`\pi` → `pi`, `{\mu\nu}` → `munu`, `12` → `12`). */
export function indexName(json: Json, ctx: ReadContext): { id: string; tex: string } | null {
  const n = node(json);
  if (n.k === "num") return { id: n.text, tex: n.text };
  if (n.k === "str") return { id: n.text.trim(), tex: `\\text{${n.text.trim()}}` };
  if (n.k === "sym") {
    const p = ctx.placeholders.get(n.name);
    if (p) return p.kind === "symbol" ? { id: p.id, tex: p.tex } : null;
    return { id: symbolId(n.name), tex: symbolTex(n.name) };
  }
  if ((n.head === "InvisibleOperator" || n.head === "Multiply" || n.head === "Delimiter") && n.args.length) {
    const parts = n.args.map((a) => indexName(a, ctx));
    if (parts.some((p) => !p)) return null;
    return { id: parts.map((p) => p!.id).join(""), tex: parts.map((p) => p!.tex).join("") };
  }
  return null;
}

export function isIndex(json: Json): boolean {
  const n = node(json);
  if (n.k === "sym") return INDEX_LETTERS.has(n.name);
  if (n.k === "fn" && n.head === "InvisibleOperator" && n.args.length >= 2) return n.args.every((a) => { const x = node(a); return x.k === "sym" && GREEK_INDEX.has(x.name); });
  return false;
}

export function readSymbol(name: string, ctx: ReadContext): Expr {
  const p = ctx.placeholders.get(name);
  if (p) {
    if (p.kind === "unit") throw new ReadError(`the unit ${p.tex} can only follow a quantity`);
    return { t: "sym", id: p.id, tex: p.tex };
  }
  // `\mathbb{1}_2`, `\bar\psi_L`: the parser names a decorated symbol with its subscript as one symbol.
  const decorated = /^(fws\d+)_(.+)$/.exec(name);
  const base = decorated ? ctx.placeholders.get(decorated[1]) : undefined;
  if (base?.kind === "symbol") return canonicalTensor({ t: "sym", id: `${base.id}_${symbolId(decorated![2])}`, tex: `${base.tex}_{${symbolTex(decorated![2])}}` });
  if (!ctx.symbols.has(name)) {
    if (name === "Pi") return { t: "const", name: "pi" };
    if (name === "ExponentialE" || name === "e") return { t: "const", name: "e" };
    if (name === "i" || name === "ImaginaryUnit") return { t: "const", name: "i" };
    if (name === "PositiveInfinity" || name === "ComplexInfinity") return { t: "const", name: "inf" };
    if (name === "NegativeInfinity") return { t: "neg", arg: { t: "const", name: "inf" } };
  }
  if (/^(ContinuationPlaceholder|Nothing|Missing|Undefined)$/.test(name)) throw new ReadError("the answer has a placeholder (\\cdots or an empty slot)");
  if (/^(?:Tr|tr|Trace)$/.test(name)) throw new UnsupportedError("a trace (\\mathrm{Tr}) is not evaluated");
  if (name === "Degree") return { t: "div", num: { t: "const", name: "pi" }, den: num(180) };
  return canonicalTensor({ t: "sym", id: symbolId(name), tex: symbolTex(name) });
}

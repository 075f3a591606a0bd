// Named unit conventions of QFT, applied only when asked for (an option of the check, on by default for items
// whose statement says natural units — `conventionsFor`): never a silent global rewrite. Each one substitutes
// symbols on both sides, and the verdict names the conventions that changed something.
//   natural           ħ = c = k_B = 1
//   natural-HL        natural, and Heaviside–Lorentz: ε₀ = μ₀ = 1, e² = 4πα (e the charge)
//   natural-gaussian  natural, and Gaussian: 4πε₀ = 1, μ₀ = 4π, e² = α
//   fermi             G_F/√2 = g²/(8 m_W²)
import { mapChildren } from "./walk";
import type { ConventionName, Expr } from "./types";

const num = (value: number): Expr => ({ t: "num", value });
const sym = (id: string, tex: string): Expr => ({ t: "sym", id, tex });
const PI: Expr = { t: "const", name: "pi" };
const ALPHA = sym("alpha", "\\alpha");
const sqrt = (x: Expr): Expr => ({ t: "fn", name: "sqrt", args: [x] });

const NATURAL: Record<string, Expr> = { hbar: num(1), c: num(1), k_B: num(1) };

type Convention = { description: string; symbols: Record<string, Expr>; charge?: Expr };

export const CONVENTIONS: Record<ConventionName, Convention> = {
  natural: { description: "natural units (ħ = c = k_B = 1)", symbols: NATURAL },
  "natural-HL": {
    description: "natural Heaviside–Lorentz units (ħ = c = 1, ε₀ = 1, e² = 4πα)",
    symbols: { ...NATURAL, epsilon_0: num(1), mu_0: num(1) },
    charge: sqrt({ t: "mul", args: [num(4), PI, ALPHA] }),
  },
  "natural-gaussian": {
    description: "natural Gaussian units (ħ = c = 1, 4πε₀ = 1, e² = α)",
    symbols: { ...NATURAL, epsilon_0: { t: "div", num: num(1), den: { t: "mul", args: [num(4), PI] } }, mu_0: { t: "mul", args: [num(4), PI] } },
    charge: sqrt(ALPHA),
  },
  fermi: {
    description: "the Fermi constant G_F/√2 = g²/(8 m_W²)",
    symbols: { G_F: { t: "div", num: { t: "mul", args: [sqrt(num(2)), { t: "pow", base: sym("g", "g"), exp: num(2) }] }, den: { t: "mul", args: [num(8), { t: "pow", base: sym("m_W", "m_W"), exp: num(2) }] } } },
  },
};

/** `e` is the charge unless it is the base of a power that is not a whole number (`e^{-i\omega t}`). */
function isCharge(e: Expr, parent: Expr | null): boolean {
  const isE = (e.t === "const" && e.name === "e") || (e.t === "sym" && e.id === "e");
  if (!isE) return false;
  if (parent?.t === "pow" && parent.base === e) return parent.exp.t === "num" && Number.isInteger(parent.exp.value);
  return true;
}

/** The expression with a convention's symbols substituted (bound variables of sums and integrals, and the
 * symbols in `bound` — arguments with values — left alone). */
function substitute(e: Expr, c: Convention, bound: ReadonlySet<string>, parent: Expr | null = null): Expr {
  if (e.t === "sym" && !bound.has(e.id) && c.symbols[e.id]) return c.symbols[e.id];
  if (c.charge && !bound.has("e") && isCharge(e, parent)) return c.charge;
  if (e.t === "fn" && ["sum", "prod", "integrate"].includes(e.name) && e.args[1]?.t === "sym") {
    const inner = new Set([...bound, e.args[1].id]);
    return { ...e, args: e.args.map((a, i) => (i === 1 ? a : substitute(a, c, i === 0 ? inner : bound, e))) };
  }
  return mapChildren(e, (x) => substitute(x, c, bound, e));
}

export type Applied = { e: Expr; applied: ConventionName[] };

/** Applies the named conventions in order; `applied` lists those that changed the expression. */
export function applyConventions(e: Expr, names: readonly ConventionName[], keep: ReadonlySet<string> = new Set()): Applied {
  const applied: ConventionName[] = [];
  let out = e;
  for (const name of names) {
    const next = substitute(out, CONVENTIONS[name], keep);
    if (JSON.stringify(next) !== JSON.stringify(out)) applied.push(name);
    out = next;
  }
  return { e: out, applied };
}

/** The conventions an item's statement implies: natural units there mean natural-HL (the QFT default). */
export function conventionsFor(statement: string): ConventionName[] {
  const natural = /natural units|\\hbar\s*=\s*c\s*=\s*1|\\hbar\s*=\s*1\s*=\s*c|c\s*=\s*\\hbar\s*=\s*1|heaviside[\s–-]*lorentz|e\^\{?2\}?\s*=\s*4\s*\\pi\s*\\alpha|\\alpha\s*=\s*\\frac\s*\{\s*e\^\{?2\}?\s*\}\s*\{\s*4\s*\\pi\s*\}/i.test(statement);
  if (!natural) return [];
  return /gaussian/i.test(statement) ? ["natural-gaussian"] : ["natural-HL"];
}

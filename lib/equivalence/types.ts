// Types of the answer-equivalence checker: the public API (declarations, options, verdicts) and the
// internal reading of an answer (an expression tree and the structures around it: lists, equations…).
import type { UnitInfo } from "./units";

export type Declarations = {
  /** names that are plain symbols (not constants), as written in LaTeX: "e", "\\gamma", "m_\\pi", "E" */
  symbols?: string[];
  /** names that are functions: "\\Phi", "f" */
  functions?: string[];
  /** symbols known to be positive / real (sample points are positive reals either way; kept for the reader) */
  positive?: string[];
  real?: string[];
};

export type ComplexValue = { re: number; im: number };

/** Named unit conventions an item may declare (conventions.ts says what each one substitutes). */
export const CONVENTION_NAMES = ["natural", "natural-HL", "natural-gaussian", "fermi"] as const;
export type ConventionName = (typeof CONVENTION_NAMES)[number];

export type EquivalenceOptions = {
  declarations?: Declarations;
  tolerance?: { rel?: number; abs?: number };
  /** judge numbers rounded to this many decimal places */
  floatRounding?: number;
  /** may an inequality (`-2 \le x \le 7`) match an interval (`x \in [-2, 7]`)? Default true. */
  setRelation?: boolean;
  /** "strict" (default): a bare number is not a quantity with a unit; "optional": a unit on one side only is ignored */
  units?: "strict" | "optional";
  /** unit conventions to apply (e.g. "natural-HL": ħ = c = 1, e² = 4πα); none by default */
  conventions?: readonly ConventionName[];
  /** time budget of one decision in milliseconds (default 2000): past it, "cannot decide" */
  budgetMs?: number;
};

/**
 * `equivalent: null` is "cannot decide" (an unsupported construct, a reference the checker cannot read, an
 * input too large or too slow): never counted as equal. `conventions`: the conventions that were applied.
 */
export type Verdict = { equivalent: boolean | null; reason: string; readAs: { gold: string; pred: string }; conventions?: string[] };

export type ConstName = "pi" | "e" | "i" | "gammaE" | "inf";

/** A scalar (or matrix) expression. Symbols carry a canonical id (`m_pi` for `m_\pi` and `m_{\pi}`) and LaTeX. */
export type Expr =
  | { t: "num"; value: number; text?: string }
  | { t: "sym"; id: string; tex: string }
  | { t: "const"; name: ConstName }
  | { t: "add"; args: Expr[] }
  | { t: "mul"; args: Expr[] }
  | { t: "div"; num: Expr; den: Expr }
  | { t: "neg"; arg: Expr }
  | { t: "pow"; base: Expr; exp: Expr }
  /** a built-in function: sin, ln, gamma, zeta, sqrt, root, abs… */
  | { t: "fn"; name: string; args: Expr[] }
  /**
   * a declared (or unknown, uninterpreted) function applied to arguments; `scale`: a symbol written with its
   * scale (`\alpha_s(\mu)`, `m(\mu)`), the same symbol where the other side writes it bare (running.ts)
   */
  | { t: "apply"; id: string; tex: string; args: Expr[]; scale?: boolean }
  /** the sign of a ± (minus: the sign of a ∓) */
  | { t: "pm"; minus: boolean }
  | { t: "matrix"; rows: Expr[][] };

export type Unit = UnitInfo & { tex: string };

export type RelOp = "<" | "<=" | "=" | "!=";

export type IntervalPart = { t: "interval"; lo: Expr; hi: Expr; loOpen: boolean; hiOpen: boolean };
export type RegionPart = IntervalPart | { t: "points"; items: Expr[] } | { t: "reals" };

export type Answer =
  /** `unit`: a recognised physical unit; `unitText`: a word after the number the checker does not know */
  | { t: "expr"; e: Expr; unit?: Unit; unitText?: string; percent?: boolean }
  /** `\frac{\alpha}{2\pi} \approx 0.00116`: an exact form (optional) and a rounded value, good to its digits */
  | { t: "approx"; exact?: Answer; value: Extract<Answer, { t: "expr" }> }
  /** `lhs = rhs`; `naming`: the lhs only names the quantity (`\sigma`, `\beta(g)`, `(p, q)`), `key` says which */
  | { t: "eq"; lhs: Answer; rhs: Answer; naming: boolean; key: string }
  /** `bare`: written without brackets (a, b or "a and b"); `bracket`: [a, b] (a list or a closed interval) */
  | { t: "list"; kind: "set" | "tuple" | "bare" | "bracket"; items: Answer[] }
  /** a subset of the reals (intervals, unions, points), optionally of an expression (`x \in …`) */
  | { t: "region"; parts: RegionPart[]; subject?: Expr; negated?: boolean }
  /** an inequality chain (`-2 \le x \le 7`, `x < y`), normalised to < and <= read left to right */
  | { t: "rel"; ops: RelOp[]; members: Expr[] }
  | { t: "text"; text: string };

/** What was found while reading: used to explain verdicts. */
export type ReadNotes = { droppedTail?: string };

/** `lastBox`: with several boxed answers, the reading of the last box alone, tried when the list does not match. */
export type Reading = { answer: Answer; notes: ReadNotes; source: string; lastBox?: Reading };

/** Thrown by the reader and the evaluator with a message for the author. */
export class ReadError extends Error {}

/** A construct the checker does not support (named in the message): the verdict is "cannot decide". */
export class UnsupportedError extends ReadError {}

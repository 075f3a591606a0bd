// Bounds on rendering untrusted LaTeX. The server reads overrides from the environment (lib/env.ts); the
// browser preview uses these defaults.
export const LATEX_DEFAULTS = {
  /** KaTeX macro expansions per formula */
  maxExpand: 1000,
  /** tokens macro expansions may produce per formula (real formulas need a few hundred) */
  maxExpandedTokens: 20_000,
  /** characters of HTML one rendered field may have */
  maxHtmlChars: 4_000_000,
  /** time one field may take to render before it is "too complex to render" */
  renderMs: 2000,
} as const;

// KaTeX with macro expansion bounded by its *output*, not only by the number of expansions (maxExpand).
// A macro can double its argument and pass it on — \def\a#1{\b{#1#1}}\def\b#1{\c{#1#1}}… — so 17 expansions
// of a 390-character formula produce 2^17 tokens and minutes of work, far below any expansion count. KaTeX
// has no setting for this and does not export its MacroExpander, but it calls a function macro with the
// expander: one probe render reaches the prototype, and expandOnce is wrapped to count the tokens each
// expansion pushes, per formula. Pure; the same in the browser and on the server (each has one katex module).
import katex, { type KatexOptions } from "katex";

type Expander = { expandOnce: (expandableOnly?: boolean) => number | false; fieldworkTokens?: number };

let tokenLimit = Number.POSITIVE_INFINITY; // set for the duration of one synchronous render
let installed: boolean | undefined;

/** Wrap KaTeX's MacroExpander.expandOnce (once per module instance). False when its shape is not the expected one. */
export function installExpansionBound(): boolean {
  if (installed !== undefined) return installed;
  let proto: Expander | null = null;
  try {
    katex.renderToString("\\fieldworkProbe", {
      macros: {
        "\\fieldworkProbe": (expander: object) => {
          proto = Object.getPrototypeOf(expander) as Expander;
          return "";
        },
      },
    });
  } catch {
    // (no probe, no bound: the time budget of the render still holds)
  }
  const target = proto as Expander | null;
  if (!target || typeof target.expandOnce !== "function") return (installed = false);
  const expandOnce = target.expandOnce;
  target.expandOnce = function (this: Expander, expandableOnly?: boolean) {
    const pushed = expandOnce.call(this, expandableOnly);
    if (typeof pushed === "number" && pushed > 0) {
      this.fieldworkTokens = (this.fieldworkTokens ?? 0) + pushed;
      if (this.fieldworkTokens > tokenLimit) {
        throw new katex.ParseError(`Macro expansion produces too much: over ${tokenLimit.toLocaleString("en")} tokens (a macro that copies its argument?)`);
      }
    }
    return pushed;
  };
  return (installed = true);
}

/** katex.renderToString, stopping once macro expansions have pushed more than `maxExpandedTokens` tokens. */
export function renderKatex(tex: string, options: KatexOptions, maxExpandedTokens: number): string {
  installExpansionBound();
  tokenLimit = maxExpandedTokens;
  try {
    return katex.renderToString(tex, options);
  } finally {
    tokenLimit = Number.POSITIVE_INFINITY;
  }
}

// String-level normalisation of an extracted answer before the parser: fraction and delimiter variants,
// spacing, `\rm`, `\log` (natural in physics), number formats, percent, degrees, "and"/"or" separators,
// and `+ O(λ³)` / `+ \cdots` tails (dropped and noted). Physics spellings (siunitx, `\text{diag}`) in normalise-physics.ts.
import { normalisePhysics } from "./normalise-physics";

const KNOWN_WORDS = new Set(
  ("frac dfrac tfrac cfrac sqrt left right boxed text textrm textbf mathrm mathbf operatorname begin end pmatrix bmatrix " +
    "cdot times pm mp le leq ge geq ne neq in cup cap infty pi alpha beta gamma delta epsilon lambda mu nu sigma theta omega " +
    "sin cos tan ln log exp quad qquad approx lt gt hbar ldots cdots dots").split(" "),
);

/** `\\left` written with a doubled backslash (seen in scraped data) → `\left`; a literal `\n` → a space. */
export function fixBackslashes(s: string): string {
  return s.replace(/\\\\([A-Za-z]+)/g, (m, w: string) => (KNOWN_WORDS.has(w) ? `\\${w}` : m)).replace(/\\n(?![A-Za-z])/g, " ");
}

const DELIMS = String.raw`\\[{}|]|\\langle|\\rangle|\\lvert|\\rvert|\\lVert|\\rVert|\\lfloor|\\rfloor|\\lceil|\\rceil|\\vert|\\Vert|\\lbrace|\\rbrace|\\lbrack|\\rbrack|[()[\]|.<>/]`;
const SIZED = new RegExp(String.raw`\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|bigm|Bigm|big|Big|bigg|Bigg)\s*(${DELIMS})`, "g");

export type Normalised = { latex: string; percent: boolean; droppedTail?: string };

/** Removes a top-level `+ O(…)`, `+ \mathcal{O}(…)` or `+ \cdots` tail. */
function dropTail(s: string): { s: string; tail?: string } {
  const dots = /\s*[+-]\s*(?:\\cdots|\\ldots|\\dots|\.\.\.)\s*$/.exec(s);
  if (dots) return { s: s.slice(0, dots.index), tail: "+ \\cdots" };
  const m = /[+-]\s*(?:\\mathcal\s*\{\s*O\s*\}|\\mathcal\s*O|\\mathscr\s*\{\s*O\s*\}|\\order|\\Order|O)\s*\(/g;
  let last: RegExpExecArray | null = null;
  for (let x = m.exec(s); x; x = m.exec(s)) last = x;
  if (!last) return { s };
  let depth = 0;
  for (let j = last.index + last[0].length - 1; j < s.length; j++) {
    if (s[j] === "(") depth++;
    else if (s[j] === ")" && --depth === 0) {
      if (s.slice(j + 1).trim() !== "") return { s };
      return { s: s.slice(0, last.index).trimEnd(), tail: s.slice(last.index).trim() };
    }
  }
  return { s };
}

/** A lone number with commas: thousands (`7,425,000`) or, in plain text, a decimal comma (`1,22`, `0,111`). */
function numberWithCommas(s: string, plainText: boolean): string {
  const thousands = /^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(s);
  if (thousands) return s.replace(/,/g, "");
  if (plainText && /^-?\d+,\d+$/.test(s)) return s.replace(",", ".");
  return s;
}

/** `14{,}916` groups thousands; `3{,}14` is a decimal comma. */
const bracedComma = (s: string) => s.replace(/\{\s*,\s*\}(?=(\d{3}(?!\d))?)/g, (_, group?: string) => (group ? "" : "."));

/**
 * `p=5,q=2; p=7,q=2`: semicolons between comma lists separate groups, which become tuples; otherwise a
 * semicolon is a comma (`(0;1;2)`).
 */
function semicolonGroups(s: string): string {
  let depth = 0;
  let commas = 0;
  const cuts: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ("([{".includes(c) && s[i - 1] !== "\\") depth++;
    else if (")]}".includes(c) && s[i - 1] !== "\\") depth--;
    else if (depth === 0 && c === ",") commas++;
    else if (depth === 0 && c === ";") cuts.push(i);
  }
  if (!cuts.length || !commas) return s.replace(/;/g, ",");
  const parts = [...cuts, s.length].map((end, k) => s.slice(k === 0 ? 0 : cuts[k - 1] + 1, end).trim());
  return parts.map((p) => `(${p.replace(/;/g, ",")})`).join(", ");
}

const FUNCTION_ARGUMENT = /(\\(?:sin|cos|tan|cot|sec|csc|sinh|cosh|tanh|ln|log|exp)(?:\s*\^\s*(?:\{[^{}]*\}|\d))?\s*)((?:\\[A-Za-z]+|[A-Za-z0-9])(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]|\\[A-Za-z]+))?)\s*(?=\\[,;:]|\\(?:ln|log|exp|sin|cos|tan|cot|sec|csc|sinh|cosh|tanh)(?![A-Za-z]))/g;

/**
 * `\cos\theta\,\mathbb{1}`, `\ln x\ln(1-x)`: a thin space or another function after a one-symbol argument
 * ends the argument (`\cos(\theta)\,\mathbb{1}`, `\ln(x)\ln(1-x)`).
 */
const endFunctionArguments = (s: string) => s.replace(FUNCTION_ARGUMENT, "$1($2)");

/** `plainText`: the answer was written without math delimiters, so `1,22` is a number (in math, a list). */
export function normalise(input: string, plainText = false): Normalised {
  let s = fixBackslashes(input).replace(/\u00a0/g, " ");
  s = s.replace(/\\\$/g, " ").replace(/\$/g, " ").replace(/\\(?:displaystyle|textstyle|scriptstyle|limits|nolimits|mathstrut|nonumber|notag)\b/g, " ");
  s = s.replace(/\\(?:label|tag)\s*\{[^{}]*\}/g, " ");
  s = normalisePhysics(s);
  s = s.replace(/\\(?:textnormal|textit|textsf|texttt|textup|emph)\s*\{/g, "\\text{");
  s = s.replace(/\\(?:d|t|c)frac\b/g, "\\frac").replace(/\\nicefrac\b/g, "\\frac").replace(/\\(?:d|t)binom\b/g, "\\binom");
  s = s.replace(/\\(?:left|right)\s*\./g, " ").replace(SIZED, "$1");
  s = s.replace(/\\lbrace\b/g, "\\{").replace(/\\rbrace\b/g, "\\}").replace(/\\(?:lvert|rvert|vert)\b/g, "|").replace(/\\(?:lVert|rVert|Vert)\b/g, "\\|");
  s = s.replace(/\\(?:h|v)space\*?\s*\{[^{}]*\}/g, " ");
  s = endFunctionArguments(s);
  s = s.replace(/\\q?quad(?=[A-Za-z])/g, " ").replace(/\\(?:qquad|quad|enspace|thinspace|medspace|thickspace|negthinspace)\b/g, " ");
  // `11,\! 111` groups thousands (the MATH dataset's style); a plain comma separates values.
  s = s.replace(/(\d),\\!\s*(?=\d{3}(?!\d))/g, "$1");
  s = s.replace(/(?<!\\)\\[,;: ]/g, " ").replace(/\\!/g, "").replace(/~/g, " ");
  s = bracedComma(s);
  // `{\rm MS}` keeps its group: it may be a command's argument (`\overline{\rm MS}`).
  s = s.replace(/\{\s*\\(rm|bf|it|cal|sf)\s+([^{}]*)\}/g, (_, f: string, body: string) => `{\\math${f}{${body.trim()}}}`);
  s = s.replace(/\\(rm|bf|it|sf)\s+([A-Za-z]+)/g, (_, f: string, body: string) => `\\math${f}{${body}}`);
  s = s.replace(/\\(?:text|textrm|mbox|mathrm|textnormal)\s*\{\s*(?:and|or)\s*\}/g, ",");
  s = s.replace(/(?<![A-Za-z\\])(?:and|or)(?![a-z])/g, ",").replace(/,(?:\s*,)+/g, ",");
  s = s.replace(/\\log(?!\s*_)/g, "\\ln").replace(/\\lg\b/g, "\\log_{10}");
  s = s.replace(/\\(sin|cos|tan|cot|sec|csc|sinh|cosh|tanh)\s*\^\s*\{\s*-\s*1\s*\}/g, (_, f: string) => `\\operatorname{arc${f}}`);
  s = s.replace(/<=|=<|\\leqslant\b|\\leqq\b/g, "\\le ").replace(/>=|=>|\\geqslant\b|\\geqq\b/g, "\\ge ").replace(/!=/g, "\\ne ");
  s = s.replace(/\\mathrm\s*\{\s*d\s*\}/g, "d").replace(/\\(?:boxed|fbox)\s*\{/g, "{");
  s = s.replace(/\^\s*\{?\s*\\circ\s*\}?|°|\\degree\b/g, "\\mathrm{deg}");
  let percent = false;
  s = s.replace(/\\%|%|\\text\s*\{\s*(?:percent|pct|percentage)\s*\}|\b(?:percentage|percent|pct)\b/g, () => {
    percent = true;
    return " ";
  });
  s = semicolonGroups(s);
  // A ratio `7:32`, `V_1 : V_2` is a quotient; a label (`Answer: 5`) is not.
  s = s.replace(/(?<=[\w}])(?<!\\[A-Za-z]*)(?<![A-Za-z]{3})\s*:\s*(?=[\w\\{])/g, "/");
  s = s.replace(/\^\s*\{\s*(?:\*|\\ast|\\star)\s*\}|\^\s*(?:\*|\\ast\b|\\star\b)/g, "^{\\star}");
  s = s.replace(/\\ast\b|\*/g, "\\cdot ");
  s = s.trim().replace(/[.,:]+$/, "").trim();
  s = numberWithCommas(s, plainText);
  const tail = dropTail(s);
  return { latex: tail.s.trim(), percent, droppedTail: tail.tail };
}

// Left sides that only label an answer: `\sigma(e^+e^-\to\mu^+\mu^-) = …`, `\Gamma(H\to b\bar b) = …`,
// `\mathcal{B}(t\to Wb) \approx …`, `\mathrm{Tr}[\gamma^\mu\gamma^\nu] = …`, `x_\pm = …`,
// `\frac14\sum_{\rm spins}|\mathcal M|^2 = …`, `\beta_0\big|_{n_f=5} = …`. They name the quantity (a process,
// a trace, a root, a value at a point) in notation that is not an expression, so the reader drops them
// instead of failing; read.ts also drops a left side the parser cannot read when the right side reads.

/** What marks a left side as a label: a process arrow, a trace, a ± subscript, an evaluation bar, a spin sum. */
const LABEL_MARKERS = [
  /\\(?:to|rightarrow|longrightarrow|leftrightarrow|Rightarrow|mapsto)(?![A-Za-z])/,
  /\\(?:mathrm|operatorname|text|textrm|rm)\s*\{\s*(?:Tr|tr)\s*\}|\\(?:Tr|tr)(?![A-Za-z])/,
  /[_^]\s*(?:\\[pm]m(?![A-Za-z])|\{\s*\\[pm]m\s*\}|\{\s*\d\s*,\s*\d\s*\})/,
  /\\(?:big|Big|bigg|Bigg)\s*\||\\right\s*\|\s*_|\|\s*_\s*\{/,
  /\\sum\s*_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z]+)(?!\s*\^)/,
];

export type Labelled = { label: string; op: "=" | "approx"; rhs: string };

const RELATION = /^(?:=|\\approx(?![A-Za-z])|\\simeq(?![A-Za-z]))/;

/** The first top-level `=` or `\approx` (outside groups and brackets), splitting label and value. */
export function splitAtRelation(latex: string): Labelled | null {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const ch = latex[i];
    if (ch === "\\") {
      const rel = RELATION.exec(latex.slice(i));
      if (rel && depth === 0 && i > 0) return { label: latex.slice(0, i).trim(), op: "approx", rhs: latex.slice(i + rel[0].length).trim() };
      if (/^\\[{}[\]()]/.test(latex.slice(i))) i++;
      continue;
    }
    if ("{([".includes(ch)) depth++;
    else if ("})]".includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === "=" && depth === 0 && i > 0 && !"<>!:".includes(latex[i - 1])) {
      return { label: latex.slice(0, i).trim(), op: "=", rhs: latex.slice(i + 1).trim() };
    }
  }
  return null;
}

export function isLabel(lhs: string): boolean {
  return LABEL_MARKERS.some((m) => m.test(lhs));
}

const ARROW = /\\(?:to|rightarrow|longrightarrow|leftrightarrow|Rightarrow|mapsto)(?![A-Za-z])/;

/**
 * The label without its process: `\sigma(e^+e^-\to\mu^+\mu^-)` → `\sigma`, `\Gamma_{H\to b\bar b}` → `\Gamma`,
 * `i\mathcal{M}(\phi\phi\to\phi\phi)` → `i\mathcal{M}` (then read as a left side like any other).
 */
export function withoutProcess(label: string): string {
  let out = label;
  for (let guard = 0; guard < 8 && ARROW.test(out); guard++) {
    const arrow = ARROW.exec(out)!.index;
    // The innermost group around the arrow: (…), […] or a sub/superscript {…}.
    let depth = 0;
    let open = -1;
    for (let i = arrow - 1; i >= 0; i--) {
      const c = out[i];
      if (")]}".includes(c) && out[i - 1] !== "\\") depth++;
      else if ("([{".includes(c) && out[i - 1] !== "\\") {
        if (depth === 0) { open = i; break; }
        depth--;
      }
    }
    if (open < 0) return out;
    const close = { "(": ")", "[": "]", "{": "}" }[out[open] as "(" | "[" | "{"];
    let end = -1;
    depth = 0;
    for (let i = open; i < out.length; i++) {
      if (out[i] === out[open] && out[i - 1] !== "\\") depth++;
      else if (out[i] === close && out[i - 1] !== "\\" && --depth === 0) { end = i; break; }
    }
    if (end < 0) return out;
    const start = out[open] === "{" && /[_^]\s*$/.test(out.slice(0, open)) ? out.slice(0, open).search(/[_^]\s*$/) : open;
    out = `${out.slice(0, start)}${out.slice(end + 1)}`;
  }
  return out.trim();
}

/** A key for a label (two answers with the same label name the same quantity). */
export const labelKey = (label: string) => `label:${label.replace(/\\[,;:! ]|\s+/g, "")}`;

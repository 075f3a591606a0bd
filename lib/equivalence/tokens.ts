// A small LaTeX tokenizer for the rewriting passes that run before the math parser: commands (`\alpha`,
// `\{`, `\,`), single characters and collapsed spaces, with helpers to read groups and arguments.

export function tokenize(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") {
      let j = i + 1;
      while (j < src.length && /[A-Za-z]/.test(src[j])) j++;
      if (j === i + 1) j = Math.min(src.length, i + 2);
      out.push(src.slice(i, j));
      i = j;
    } else if (/\s/.test(c)) {
      while (i < src.length && /\s/.test(src[i])) i++;
      out.push(" ");
    } else {
      out.push(c);
      i++;
    }
  }
  return out;
}

export const isLetterCommand = (t: string | undefined) => !!t && /^\\[A-Za-z]+$/.test(t);

/** Joins tokens back into LaTeX, keeping a letter command apart from a following letter. */
export function detok(tokens: string[]): string {
  const parts: string[] = [];
  let previous = "";
  for (const t of tokens) {
    if (isLetterCommand(previous) && /^[A-Za-z]/.test(t)) parts.push(" ");
    parts.push(t);
    previous = t;
  }
  return parts.join("");
}

/** The index just past the group opened at `i` (tokens[i] === "{"), or -1 when it is not closed. */
export function groupEnd(tokens: string[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    if (tokens[j] === "{") depth++;
    else if (tokens[j] === "}") {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

export function skipSpaces(tokens: string[], i: number): number {
  while (tokens[i] === " ") i++;
  return i;
}

/** Reads one argument at `i`: a braced group (without its braces) or one token. Null when there is none. */
export function readArg(tokens: string[], i: number): { arg: string[]; next: number; braced: boolean } | null {
  const j = skipSpaces(tokens, i);
  if (j >= tokens.length) return null;
  if (tokens[j] === "{") {
    const end = groupEnd(tokens, j);
    if (end < 0) return null;
    return { arg: tokens.slice(j + 1, end - 1), next: end, braced: true };
  }
  if (tokens[j] === "}" || tokens[j] === "^" || tokens[j] === "_") return null;
  return { arg: [tokens[j]], next: j + 1, braced: false };
}

/** The content of a balanced `{…}` starting at string index `open` (src[open] === "{"), and the index after it. */
export function braceContent(src: string, open: number): { content: string; end: number } | null {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    const c = src[j];
    if (c === "\\") {
      j++;
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return { content: src.slice(open + 1, j), end: j + 1 };
    }
  }
  return null;
}

export const GREEK = new Set(
  ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi omicron pi varpi rho varrho sigma " +
    "varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega digamma").split(" "),
);


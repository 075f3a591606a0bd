// What the renderer would silently print as text instead of refusing: `\begin{align} … \end{equation}`,
// an environment that is never closed or never opened, an environment nobody defines, and `\left`/`\right`
// that do not pair up (or stand outside math). Each is a LaTeX error at its line and column. A linear scan
// of the source, independent of the renderer. Pure: runs on the server (checks) and in the browser (preview).
import type { LatexError } from "./render-latex";

/** Environments the previews render or KaTeX typesets, plus the theorem-like ones problem sets use. */
const KNOWN_ENVIRONMENTS = new Set([
  // text
  "document", "abstract", "itemize", "enumerate", "description", "center", "flushleft", "flushright", "quote",
  "quotation", "verse", "minipage", "tabular", "tabular*", "tabularx", "table", "table*", "figure", "figure*",
  "verbatim", "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge",
  "theorem", "lemma", "proposition", "corollary", "definition", "remark", "example", "proof", "problem",
  "exercise", "solution", "question", "answer", "hint", "note", "claim",
  // math
  "equation", "equation*", "align", "align*", "alignat", "alignat*", "flalign", "flalign*", "gather", "gather*",
  "multline", "multline*", "eqnarray", "eqnarray*", "split", "aligned", "alignedat", "gathered", "cases", "cases*",
  "dcases", "dcases*", "rcases", "rcases*", "drcases", "matrix", "matrix*", "pmatrix", "pmatrix*", "bmatrix",
  "bmatrix*", "Bmatrix", "Bmatrix*", "vmatrix", "vmatrix*", "Vmatrix", "Vmatrix*", "smallmatrix", "array", "darray",
  "subarray", "CD", "math", "displaymath",
]);

/** Environments whose content is math (where `\left`/`\right` belong). */
const MATH_ENVIRONMENT = /^(equation|align|alignat|flalign|gather|multline|eqnarray|math|displaymath)\*?$/;

type Open = { name: string; offset: number; line: number; column: number };
type MathOpen = { close: string; lefts: Open[] };

export type StructureOptions = { /** the whole source is math (the final answer without delimiters) */ math?: boolean };

export function validateStructure(source: string, options: StructureOptions = {}): LatexError[] {
  const errors: LatexError[] = [];
  const envs: Open[] = [];
  const maths: MathOpen[] = options.math ? [{ close: "", lefts: [] }] : [];
  let line = 1;
  let lineStart = 0;
  const at = (offset: number) => ({ offset, line, column: offset - lineStart + 1 });
  const report = (where: { line: number; column: number }, message: string, text: string) =>
    errors.push({ message, line: where.line, column: where.column, source: text.slice(0, 200) });
  const closeMath = (math: MathOpen) => {
    for (const left of math.lefts) report(left, `\\left${left.name} has no matching \\right.`, `\\left${left.name}`);
  };

  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\n") {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === "%") {
      const end = source.indexOf("\n", i);
      i = (end < 0 ? source.length : end) - 1;
      continue;
    }
    const inMath = maths.length > 0 ? maths[maths.length - 1] : null;
    if (c === "$") {
      const delimiter = source[i + 1] === "$" ? "$$" : "$";
      if (inMath && inMath.close === delimiter) {
        closeMath(maths.pop()!);
      } else if (!inMath) maths.push({ close: delimiter, lefts: [] });
      i += delimiter.length - 1;
      continue;
    }
    if (c !== "\\") continue;
    const name = /^[A-Za-z]+|^./s.exec(source.slice(i + 1, i + 40))?.[0] ?? "";
    const start = at(i);
    if (name === "[" || name === "(") {
      if (!inMath) maths.push({ close: name === "[" ? "\\]" : "\\)", lefts: [] });
    } else if ((name === "]" || name === ")") && inMath?.close === `\\${name}`) {
      closeMath(maths.pop()!);
    } else if (name === "begin" || name === "end") {
      const arg = /^\s*\{([^{}]*)\}/.exec(source.slice(i + 1 + name.length, i + 200));
      if (arg) {
        const env = arg[1].trim();
        if (name === "begin") {
          if (!KNOWN_ENVIRONMENTS.has(env)) report(start, `Unknown environment “${env}”.`, `\\begin{${env}}`);
          envs.push({ name: env, ...start });
          if (MATH_ENVIRONMENT.test(env) && !inMath) maths.push({ close: `\\end{${env}}`, lefts: [] });
        } else {
          endEnvironment(env, start);
        }
        i += name.length + arg[0].length;
        continue;
      }
    } else if (name === "left" || name === "right") {
      const delimiter = delimiterAfter(source, i + 1 + name.length);
      if (!inMath) report(start, `\\${name}${delimiter} is only allowed in math.`, `\\${name}${delimiter}`);
      else if (name === "left") inMath.lefts.push({ name: delimiter, ...start });
      else if (!inMath.lefts.pop()) report(start, `\\right${delimiter} has no matching \\left.`, `\\right${delimiter}`);
    }
    i += name.length;
  }

  /** Leave the math an environment opened, if it did. */
  function closeMathOf(env: string) {
    const inMath = maths.length > 0 ? maths[maths.length - 1] : null;
    if (inMath && inMath.close === `\\end{${env}}`) closeMath(maths.pop()!);
  }

  function endEnvironment(env: string, where: ReturnType<typeof at>) {
    const depth = envs.map((e) => e.name).lastIndexOf(env);
    if (depth < 0) {
      // Most likely meant to close the innermost open environment: say so, and carry on as if it had.
      const open = envs.pop();
      if (!open) return report(where, `\\end{${env}} without \\begin{${env}}.`, `\\end{${env}}`);
      report(where, `\\end{${env}} does not match \\begin{${open.name}} (line ${open.line}, column ${open.column}).`, `\\end{${env}}`);
      return closeMathOf(open.name);
    }
    for (const unclosed of envs.splice(depth + 1).reverse()) {
      report(unclosed, `\\begin{${unclosed.name}} is not closed before \\end{${env}} (line ${where.line}, column ${where.column}).`, `\\begin{${unclosed.name}}`);
      closeMathOf(unclosed.name);
    }
    envs.pop();
    closeMathOf(env);
  }

  for (const open of envs) report(open, `\\begin{${open.name}} is never closed with \\end{${open.name}}.`, `\\begin{${open.name}}`);
  for (const math of maths) if (math.close === "") closeMath(math);
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf("\n", offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/**
 * The renderer's errors for `source` plus the structural ones it let through; a structural error inside a
 * formula the renderer already refused is the same problem, reported once.
 */
export function withStructureErrors(source: string, rendered: LatexError[], options: StructureOptions = {}): LatexError[] {
  const structural = validateStructure(source, options);
  if (structural.length === 0) return rendered;
  const refused = rendered.map((e) => {
    const from = offsetOf(source, e.line, e.column);
    return [from, from + Math.max(1, e.source.length)] as const;
  });
  const extra = structural.filter((s) => {
    const at = offsetOf(source, s.line, s.column);
    return !refused.some(([from, to]) => at >= from && at < to);
  });
  return [...rendered, ...extra].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The delimiter after \left or \right: a character (`(`, `.`, `|`) or a command (`\langle`, `\{`). */
function delimiterAfter(source: string, from: number): string {
  const m = /^\s*(\\[A-Za-z]+|\\.|.)/s.exec(source.slice(from, from + 40));
  return m ? m[1] : "";
}

// The formulas of a LaTeX text with their place: `$…$`, `\(…\)` (inline), `$$…$$`, `\[…\]` and the display
// environments (equation, align, gather, multline… starred or not), each row of a multi-line display on its
// own. A light scan (comments and escaped characters skipped), for checks that look at what a text states,
// not for rendering. Pure.

export type MathSegment = { tex: string; display: boolean; line: number; column: number };

const DISPLAY_ENVS = /^(equation|align|alignat|flalign|gather|multline|eqnarray|displaymath|math)\*?$/;
const ROW_NOISE = /\\(?:label|tag)\s*\{[^{}]*\}|\\nonumber|\\notag/g;
/** Punctuation and spacing that ends a sentence after a formula ("… = 1 ."). */
const TRAILING = /(?:\\[,;!]|\\q?quad|[\s.,;:])+$/;

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/** Rows of a display (split at top-level `\\`), alignment marks and labels removed. */
function rows(tex: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === "\\" && tex[i + 1] === "\\" && depth === 0) {
      out.push(tex.slice(start, i));
      start = i + 2;
      i++;
    } else if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
  }
  out.push(tex.slice(start));
  return out.map((r) => r.replace(ROW_NOISE, "").replace(/(?<!\\)&/g, "").replace(TRAILING, "").trim()).filter(Boolean);
}

/** Blank out `%` comments (keeping offsets), so a commented-out formula is not read. */
function withoutComments(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      for (let i = 0; i < line.length; i++) {
        if (line[i] === "\\") i++;
        else if (line[i] === "%") return line.slice(0, i) + " ".repeat(line.length - i);
      }
      return line;
    })
    .join("\n");
}

export function mathSegments(source: string): MathSegment[] {
  const text = withoutComments(source);
  const found: MathSegment[] = [];
  const push = (tex: string, display: boolean, offset: number) => {
    const at = position(text, offset);
    for (const row of display ? rows(tex) : [tex.replace(TRAILING, "").trim()]) if (row) found.push({ tex: row, display, ...at });
  };
  const pattern = /\\begin\s*\{([^{}]+)\}|\$\$|\\\[|\\\(|\$|\\./g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    const open = m[0];
    let close: string | null = null;
    let display = true;
    if (m[1] !== undefined) {
      if (!DISPLAY_ENVS.test(m[1].trim())) continue;
      close = `\\end{${m[1]}}`;
    } else if (open === "$$") close = "$$";
    else if (open === "\\[") close = "\\]";
    else if (open === "\\(") [close, display] = ["\\)", false];
    else if (open === "$") [close, display] = ["$", false];
    if (!close) continue; // an escaped character (\$, \\ …)
    const from = m.index + open.length;
    const end = findClose(text, close, from);
    if (end < 0) break;
    push(text.slice(from, end), display, m.index);
    pattern.lastIndex = end + close.length;
  }
  return found;
}

/** The offset of `close` after `from`, skipping escaped characters (`\$` does not close `$`). */
function findClose(text: string, close: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text.startsWith(close, i)) return i;
    if (text[i] === "\\") i++;
  }
  return -1;
}

// Split LaTeX text into paragraph blocks at blank lines, but never inside an environment, a brace group or
// display math — so each block can be rendered (and cached) on its own. Pure and linear in the input.
export type LatexBlock = { text: string; startLine: number };

const BEGIN = /\\begin\s*\{/g;
const END = /\\end\s*\{/g;

function depthChange(line: string): number {
  const code = line.replace(/\\\\/g, "").replace(/\\[{}$%]/g, "").replace(/(^|[^\\])%.*$/, "$1");
  let depth = 0;
  for (const ch of code) {
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
  }
  depth += (code.match(BEGIN)?.length ?? 0) - (code.match(END)?.length ?? 0);
  depth += (code.match(/\\\[/g)?.length ?? 0) - (code.match(/\\\]/g)?.length ?? 0);
  return depth; // $$ … $$ is tracked by the caller (it toggles)
}

export function splitLatexBlocks(source: string): LatexBlock[] {
  const lines = source.split("\n");
  const blocks: LatexBlock[] = [];
  let current: string[] = [];
  let start = 1;
  let depth = 0;
  let inDisplayDollars = false;
  lines.forEach((line, i) => {
    const isBlank = line.trim() === "";
    if (isBlank && depth <= 0 && !inDisplayDollars) {
      if (current.length) blocks.push({ text: current.join("\n"), startLine: start });
      current = [];
      depth = 0;
      start = i + 2;
      return;
    }
    if (!current.length) start = i + 1;
    current.push(line);
    depth += depthChange(line);
    if ((line.replace(/\\\$/g, "").match(/\$\$/g)?.length ?? 0) % 2 === 1) inDisplayDollars = !inDisplayDollars;
  });
  if (current.length) blocks.push({ text: current.join("\n"), startLine: start });
  return blocks;
}

// A long paragraph is one block, and parsing it whole after every keystroke is what makes the preview slow.
// It can be cut further at a line break where the text is at top level — outside every brace group,
// environment, math and verbatim, not in or next to a comment, not after a command (which may take what follows
// as its argument, and whose following space the converter drops) — because there the line break is plain
// inter-word space: rendering the pieces on their own and joining them with a space gives what rendering the
// paragraph whole does. Where the scanner meets something it does not follow it stops (the rest of the
// paragraph stays one piece), so a mistake there can only cost speed.

// Commands that act on the rest of the enclosing group: unified-latex rewrites them to wrap it, and when it
// does that at top level it also trims the space around the paragraph's display math and environments.
const DECLARATIONS = [
  "color", "bfseries", "itshape", "rmfamily", "scshape", "sffamily", "slshape", "ttfamily", "mdseries", "upshape",
  "normalfont", "em", "bf", "it", "rm", "sc", "sf", "sl", "tt", "Huge", "huge", "LARGE", "Large", "large",
  "normalsize", "small", "footnotesize", "scriptsize", "tiny", "centering", "raggedright", "raggedleft",
];
const DECLARATION = new RegExp(String.raw`\\(?:${DECLARATIONS.join("|")})(?![A-Za-z])`);
const IS_DECLARATION = new Set(DECLARATIONS);
// A paragraph with any of these is never cut: \par and \begin{document} change how the whole of it is laid out,
// the others how the text after them is read. The parser also takes \r for a line break (\r\n ends a paragraph).
const WHOLE_PARAGRAPH = /\\(?:par|documentclass|makeatletter|ExplSyntaxOn|catcode)(?![A-Za-z])|\\begin\s*\{document\}|\r|\n[ \t]*\n/;
// Commands and environments whose content the parser reads verbatim.
const VERBATIM_COMMANDS = new Set(["verb", "lstinline", "mintinline", "mint"]);
const VERBATIM_ENVS = new Set(["verbatim", "verbatim*", "filecontents", "filecontents*", "comment", "lstlisting", "minted"]);

// A command takes at most this many arguments (a word, a character, a group, math…), and the parser looks for
// them across line breaks.
const MAX_ARGUMENTS = 9;

type Frame = { kind: "group" | "option" | "env" | "math"; close: string; pendingAfter: number; open: number; declaration?: boolean };

/** The offsets of the line breaks in `text` at which it can be cut into independently rendered pieces. */
export function safeLineBreaks(text: string): number[] {
  if (WHOLE_PARAGRAPH.test(text)) return [];
  const { breaks, complete } = scanLineBreaks(text);
  // A declaration is harmless inside a group, but only a scan that followed every group to its end can tell
  // (the parser takes an unmatched $ or brace literally, which can leave a declaration at top level after all).
  if (!complete && DECLARATION.test(text)) return [];
  return breaks;
}

const SPECIAL = new Set([..."\\{}$%[]()<>*\n \t"]);

function scanLineBreaks(text: string): { breaks: number[]; complete: boolean } {
  const breaks: number[] = [];
  const stop = { breaks, complete: false };
  const stack: Frame[] = [];
  let pending = 0; // how many of the next tokens may still be arguments of a command before them
  let comment = false; // this line has a comment, which swallows the line break
  const push = (kind: Frame["kind"], close: string, open: number) => {
    stack.push({ kind, close, pendingAfter: pending, open });
    pending = 0;
  };
  const pop = (frame: Frame) => {
    stack.pop();
    pending = Math.max(0, frame.pendingAfter - 1);
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i];
    const top = stack.at(-1);
    const math = top?.kind === "math" ? top : undefined;
    if (ch === "\n") {
      let next = i + 1;
      while (text[next] === " " || text[next] === "\t") next++;
      if (!stack.length && !pending && !comment && !"[{*%".includes(text[next] ?? "%")) breaks.push(i);
      comment = false;
      i++;
    } else if (ch === " " || ch === "\t") {
      i++;
    } else if (ch === "%") {
      comment = true;
      while (i < n && text[i] !== "\n") i++;
    } else if (ch === "\\" && /[A-Za-z]/.test(text[i + 1] ?? "")) {
      let end = i + 1;
      while (end < n && /[A-Za-z]/.test(text[end])) end++;
      if (text[end] === "@") return stop; // maybe an internal name like \foo@bar
      const name = text.slice(i + 1, end);
      const at = i;
      i = end;
      // (The parser only takes \begin{…} for an environment with nothing in between.)
      const m = name === "begin" || name === "end" ? /^\{([^{}\\%]*)\}/.exec(text.slice(i, i + 200)) : null;
      if (m) {
        if (VERBATIM_ENVS.has(m[1])) return stop;
        i += m[0].length;
        if (name === "begin") push("env", m[1], at);
        else if (top?.kind === "env" && top.close === m[1]) pop(top);
        else return stop;
        continue;
      }
      if (VERBATIM_COMMANDS.has(name)) return stop;
      if (IS_DECLARATION.has(name)) {
        // An optional argument the parser did not attach is plain text: only groups, environments and math scope it.
        const scopes = stack.filter((frame) => frame.kind !== "option");
        if (!scopes.length) return stop;
        if (scopes.length === 1 && scopes[0].kind === "group") {
          // {\bf …} becomes \textbf{…} with the space on either side of the group trimmed: keep it with its neighbours.
          const group = scopes[0];
          group.declaration = true;
          const lineStart = text.lastIndexOf("\n", group.open);
          if (breaks.at(-1) === lineStart && !text.slice(lineStart + 1, group.open).trim()) breaks.pop();
        }
      }
      pending = MAX_ARGUMENTS;
    } else if (ch === "\\") {
      const next = text[i + 1];
      i += 2;
      if (next === undefined || next === "\n") return stop;
      if ((next === "(" || next === "[") && !math) {
        push("math", `\\${next === "(" ? ")" : "]"}`, i - 2);
      } else if (next === ")" || next === "]") {
        if (math?.close !== `\\${next}`) return stop; // unmatched, or \) inside $…$ and the like
        pop(math);
      } else {
        pending = MAX_ARGUMENTS; // some take arguments, and the converter drops the space after any of them
      }
    } else if (ch === "$") {
      const double = text[i + 1] === "$";
      if (math?.close === "$") {
        pop(math);
        i++;
      } else if (math?.close === "$$") {
        if (double) pop(math);
        i += double ? 2 : 1;
      } else if (math) {
        return stop; // $ inside \(…\) or \[…\]
      } else {
        push("math", double ? "$$" : "$", i);
        i += double ? 2 : 1;
      }
    } else if (ch === "{") {
      push("group", "}", i);
      i++;
    } else if (ch === "}") {
      if (top?.kind !== "group") return stop;
      pop(top);
      if (top.declaration) pending = Math.max(pending, 1);
      i++;
    } else if (pending && !math && (ch === "[" || ch === "(" || ch === "<")) {
      push("option", { "[": "]", "(": ")", "<": ">" }[ch], i); // a delimited argument
      i++;
    } else if (top?.kind === "option" && ch === top.close) {
      pop(top);
      i++;
    } else {
      // A token: a run of ordinary characters counts as one (the parser may see several, which only makes
      // `pending` run out later than it could).
      i++;
      while (i < n && !SPECIAL.has(text[i])) i++;
      pending = Math.max(0, pending - 1);
    }
  }
  return { breaks, complete: stack.length === 0 };
}

/** Cut a block at its safe line breaks (see safeLineBreaks); each piece keeps the line it starts on. */
export function splitLatexPieces(block: LatexBlock): LatexBlock[] {
  const breaks = safeLineBreaks(block.text);
  if (!breaks.length) return [block];
  const pieces: LatexBlock[] = [];
  let from = 0;
  let line = block.startLine;
  for (const at of [...breaks, block.text.length]) {
    const text = block.text.slice(from, at);
    pieces.push({ text, startLine: line });
    line += countLines(text);
    from = at + 1;
  }
  return pieces;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

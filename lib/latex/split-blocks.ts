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

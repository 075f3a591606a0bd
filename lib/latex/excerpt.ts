// A short piece of LaTeX text for one-line list excerpts, cut where it still renders: never inside math,
// a group or an environment. Display math is turned inline so the excerpt stays one line. Pure.

const DISPLAY = /\\\[([\s\S]*?)\\\]|\$\$([\s\S]*?)\$\$/g;

export function latexExcerpt(source: string, max = 180): string {
  const text = source.replace(DISPLAY, (_m, a: string | undefined, b: string | undefined) => `$${(a ?? b ?? "").trim()}$`).replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  let safe = 0;
  let inMath = false;
  let depth = 0;
  let envDepth = 0;
  for (let i = 0; i < text.length && i <= max; i++) {
    const c = text[i];
    if (c === "\\") {
      const rest = text.slice(i);
      if (rest.startsWith("\\begin{")) envDepth++;
      else if (rest.startsWith("\\end{")) envDepth = Math.max(0, envDepth - 1);
      else if (rest.startsWith("\\(")) inMath = true;
      else if (rest.startsWith("\\)")) inMath = false;
      i++; // skip the escaped character
      continue;
    }
    if (c === "$") inMath = !inMath;
    else if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (c === " " && !inMath && depth === 0 && envDepth === 0) safe = i;
  }
  return safe > 0 ? `${text.slice(0, safe)} …` : "…";
}

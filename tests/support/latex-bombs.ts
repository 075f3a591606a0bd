// Hostile LaTeX written for this project's tests.

/** `$\def\z#1{#1}\def\qaa#1{\z{#1#1}}\def\qab#1{\qaa{#1#1}}…\q..{x}$`: each level doubles its argument, so `levels`
 * expansions produce 2^levels tokens (17 levels: under 400 characters). */
export function doublingBomb(levels: number, after = ""): string {
  const name = (i: number) => `q${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;
  let defs = "\\def\\z#1{#1}";
  let previous = "z";
  for (let i = 0; i < levels; i++) {
    defs += `\\def\\${name(i)}#1{\\${previous}{#1#1}}`;
    previous = name(i);
  }
  return `$${defs}\\${previous}{x}${after}$`;
}

/** One paragraph of `count` different formulas, each stopped by the expansion bound only after some work
 * (14 levels): 150 of them are seconds of rendering in under 50,000 characters, the item limit. */
export function heavyParagraph(count: number): string {
  return Array.from({ length: count }, (_, i) => doublingBomb(14, `+${i}`)).join(" ");
}

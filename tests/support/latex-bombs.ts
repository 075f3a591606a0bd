// Hostile LaTeX written for this project's tests.

/** `$\def\z#1{#1}\def\qaa#1{\z{#1#1}}\def\qab#1{\qaa{#1#1}}…\q..{x}$`: each level doubles its argument, so `levels`
 * expansions produce 2^levels tokens (17 levels: under 400 characters). */
export function doublingBomb(levels: number): string {
  const name = (i: number) => `q${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;
  let defs = "\\def\\z#1{#1}";
  let previous = "z";
  for (let i = 0; i < levels; i++) {
    defs += `\\def\\${name(i)}#1{\\${previous}{#1#1}}`;
    previous = name(i);
  }
  return `$${defs}\\${previous}{x}$`;
}

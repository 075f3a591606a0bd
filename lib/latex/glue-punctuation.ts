// A line never breaks between an inline formula and the punctuation after it (`$x$;` must not leave `;` alone
// at the start of the next line): the formula and the punctuation go into one `latex-glue` span, which does
// not wrap between them (app/globals.css), while the formula itself may still break inside. Pure.
import type { Element, ElementContent, RootContent } from "hast";

const PUNCTUATION = /^[.,;:!?)\]'’”]+/;

type Node = RootContent | ElementContent;

function isInlineFormula(node: Node): boolean {
  // KaTeX output arrives as a raw node; display math starts with its own block wrapper.
  const raw = node as unknown as { type: string; value?: string };
  return raw.type === "raw" && typeof raw.value === "string" && raw.value.startsWith('<span class="katex">');
}

/** Glue trailing punctuation to the inline formula before it, at every depth of `nodes`. */
export function gluePunctuation(nodes: Node[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type === "element") {
      gluePunctuation(node.children);
      continue;
    }
    const next = nodes[i + 1];
    if (!isInlineFormula(node) || next?.type !== "text") continue;
    const punctuation = PUNCTUATION.exec(next.value)?.[0];
    if (!punctuation) continue;
    const glued: Element = {
      type: "element",
      tagName: "span",
      properties: { className: ["latex-glue"] },
      children: [node as ElementContent, { type: "text", value: punctuation }],
    };
    next.value = next.value.slice(punctuation.length);
    nodes.splice(i, 1, glued);
  }
}

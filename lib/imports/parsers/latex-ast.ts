// AST helpers for the LaTeX importer. Files are parsed with unified-latex's *minimal* parser: it attaches
// no arguments, so every group, bracket and comment stays a positioned sibling node. That lets the importer
// read `\cmd*[opt]{arg}` itself and slice the original source exactly (arguments attached by the full
// parser carry no positions), and it leaves unbalanced braces and unclosed `\begin`s visible as stray nodes.
import { unified } from "unified";
import { unifiedLatexFromStringMinimal, unifiedLatexProcessAtLetterAndExplMacros } from "@unified-latex/unified-latex-util-parse";
import { visit } from "@unified-latex/unified-latex-util-visit";
import type * as Ast from "@unified-latex/unified-latex-types";

export type Node = Ast.Node;
export type Environment = Ast.Environment;
export type Macro = Ast.Macro;
/** An argument read from siblings: its nodes and the source range inside its brackets/braces. */
export type Arg = { nodes: Node[]; start: number; end: number };

/** `atLetter`: in .sty files `@` is a letter (`\my@helper`); elsewhere only inside \makeatletter…\makeatother. */
export function parseTex(text: string, atLetter: boolean): Ast.Root {
  const processor = unified()
    .use(unifiedLatexFromStringMinimal)
    .use(unifiedLatexProcessAtLetterAndExplMacros, atLetter ? { atLetter: true } : {});
  return processor.runSync(processor.parse(text)) as Ast.Root;
}

export const startOf = (node: Node): number => node.position?.start.offset ?? 0;
export const endOf = (node: Node): number => node.position?.end.offset ?? 0;
export const lineOf = (node: Node): number | null => node.position?.start.line ?? null;

export const isMacro = (node: Node | undefined, ...names: string[]): node is Ast.Macro =>
  node?.type === "macro" && (names.length === 0 || names.includes(node.content));
export const isString = (node: Node | undefined, content: string): boolean => node?.type === "string" && node.content === content;

/** The environment's name; the minimal parser gives math environments a string *node* as name. */
export function envName(node: Ast.Environment): string {
  const env: unknown = node.env;
  if (typeof env === "string") return env;
  return env && typeof env === "object" && "content" in env && typeof env.content === "string" ? env.content : "";
}

/** Index of the next node that is not space or a comment (TeX skips spaces before arguments; not paragraphs). */
export function skipBlank(nodes: Node[], i: number, parbreaks = false): number {
  while (i < nodes.length && (nodes[i].type === "whitespace" || nodes[i].type === "comment" || (parbreaks && nodes[i].type === "parbreak"))) i++;
  return i;
}

export function readStar(nodes: Node[], i: number): { star: boolean; next: number } {
  const j = skipBlank(nodes, i);
  return isString(nodes[j], "*") ? { star: true, next: j + 1 } : { star: false, next: i };
}

/** `[…]` ends at the first `]` outside braces, as in LaTeX. */
export function readOptional(nodes: Node[], i: number): { arg: Arg | null; next: number } {
  const j = skipBlank(nodes, i);
  if (!isString(nodes[j], "[")) return { arg: null, next: i };
  for (let k = j + 1; k < nodes.length; k++) {
    if (nodes[k].type === "parbreak") break;
    if (isString(nodes[k], "]")) return { arg: { nodes: nodes.slice(j + 1, k), start: endOf(nodes[j]), end: startOf(nodes[k]) }, next: k + 1 };
  }
  return { arg: null, next: i };
}

/** A `{group}` or, as TeX allows, a single token (`\newcommand\R…`, `\input chapter`). */
export function readRequired(nodes: Node[], i: number): { arg: Arg | null; next: number } {
  const j = skipBlank(nodes, i);
  const node = nodes[j];
  if (!node || node.type === "parbreak") return { arg: null, next: i };
  if (node.type === "group") return { arg: { nodes: node.content, start: startOf(node) + 1, end: endOf(node) - 1 }, next: j + 1 };
  if (node.type === "macro" || (node.type === "string" && !["{", "}", "[", "]"].includes(node.content))) {
    return { arg: { nodes: [node], start: startOf(node), end: endOf(node) }, next: j + 1 };
  }
  return { arg: null, next: i };
}

/** The single macro an argument names (`{\ket}` or `\ket`), with its backslash. */
export function macroNameOf(arg: Arg | null): string | null {
  const nodes = arg?.nodes.filter((n) => n.type !== "whitespace" && n.type !== "comment") ?? [];
  return nodes.length === 1 && isMacro(nodes[0]) ? `\\${nodes[0].content}` : null;
}

function commentsIn(nodes: Node[]): Ast.Comment[] {
  const found: Ast.Comment[] = [];
  visit(nodes, (node) => {
    if (!Array.isArray(node) && node.type === "comment") found.push(node);
  });
  return found;
}

/**
 * The source in [start, end) without its comments, trimmed. A comment node spans its `%`, the line end and
 * the next line's indentation — exactly what TeX discards, so "a%\n  b" becomes "ab" and a trailing
 * comment keeps the space before it. A comment on a line of its own also loses that line's indentation.
 */
export function cleanSource(src: string, start: number, end: number, nodes: Node[]): string {
  let out = "";
  let at = start;
  for (const comment of commentsIn(nodes).sort((a, b) => startOf(a) - startOf(b))) {
    const spanStart = startOf(comment);
    const spanEnd = Math.min(endOf(comment), end);
    const percent = src.indexOf("%", spanStart);
    if (percent < at || percent >= spanEnd) continue;
    let cut = percent;
    if (!comment.sameline) while (cut > spanStart && (src[cut - 1] === " " || src[cut - 1] === "\t")) cut--;
    out += src.slice(at, cut);
    at = spanEnd;
  }
  return (out + src.slice(at, end)).trim();
}

const SYMBOLS = new Set(["%", "&", "$", "#", "_", "{", "}"]);
const SPACES = new Set(["\\", "newline", "and", "quad", "qquad", "par", " ", ",", ";"]);
const DROP_WITH_ARGUMENT = new Set(["thanks", "footnote", "label", "footnotemark", "inst", "orcidlink", "email"]);
// Names are often written with accent macros (Schr\"odinger); as plain text they become the accented letter.
const ACCENTS = new Map([['"', "\u0308"], ["'", "\u0301"], ["`", "\u0300"], ["^", "\u0302"], ["~", "\u0303"], ["=", "\u0304"], [".", "\u0307"]]);

/** Readable text of a title or name: macros dropped (their braced arguments kept), math left as written. */
export function plainText(nodes: Node[], src: string): string {
  const parts: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type === "string") parts.push(node.content === "~" ? " " : node.content);
    else if (node.type === "whitespace" || node.type === "parbreak") parts.push(" ");
    else if (node.type === "group") parts.push(plainText(node.content, src));
    else if (node.type === "inlinemath" || node.type === "displaymath") parts.push(src.slice(startOf(node), endOf(node)));
    else if (node.type === "macro") {
      if (SYMBOLS.has(node.content)) parts.push(node.content);
      else if (SPACES.has(node.content)) parts.push(" ");
      else if (DROP_WITH_ARGUMENT.has(node.content)) i = readRequired(nodes, readOptional(nodes, i + 1).next).next - 1;
      else if (ACCENTS.has(node.content) && nodes[i + 1]) {
        const next = plainText([nodes[++i]], src);
        parts.push(`${next.slice(0, 1)}${ACCENTS.get(node.content)}`.normalize("NFC"), next.slice(1));
      }
    }
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

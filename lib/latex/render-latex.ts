// LaTeX *text* (paragraphs, lists, emphasis, $…$, \[…\], equation/align…) → safe HTML.
// unified-latex parses the text and turns it into hast; every math node is then typeset by KaTeX
// (trust: false, macro expansion bounded by count and by output) from its original source slice, so errors
// point at the right line and column; what one call may produce is capped (maxHtmlChars). hast-util-sanitize strips anything that is not plain structure (links,
// images, attributes), so user text can never become raw HTML. Pure: runs on the server and in the browser.
import type { Element, ElementContent, Root, RootContent } from "hast";
import { sanitize, defaultSchema, type Schema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { unified } from "unified";
import { parse } from "@unified-latex/unified-latex-util-parse";
import { unifiedLatexToHast } from "@unified-latex/unified-latex-to-hast";
import type * as Ast from "@unified-latex/unified-latex-types";
import { renderKatex } from "./katex-bounded";
import { LATEX_DEFAULTS } from "./limits";
import { splitLatexBlocks, splitLatexPieces, type LatexBlock } from "./split-blocks";
import { gluePunctuation } from "./glue-punctuation";

export type LatexError = { message: string; line: number; column: number; source: string };
export type RenderedLatex = { html: string; errors: LatexError[] };
export type RenderOptions = {
  macros?: Record<string, string>;
  maxExpand?: number;
  maxExpandedTokens?: number;
  maxHtmlChars?: number;
  /**
   * KaTeX's output: its HTML with MathML for assistive technology (the default), or MathML alone, which the
   * browser typesets natively and which weighs about a tenth as much (lists of excerpts: 50 per page).
   */
  mathOutput?: "htmlAndMathml" | "mathml";
  /** called with the place about to be worked on (a paragraph, a formula): where a render that is stopped was */
  onProgress?: (line: number, column: number) => void;
};
// Numbering/labels are document features; in a preview they only get in the way.
const BUILTIN_MACROS: Record<string, string> = { "\\nonumber": "" };
const LABEL = /\\label\s*\{[^{}]*\}/g;

const SCHEMA: Schema = {
  ...defaultSchema,
  clobberPrefix: "",
  attributes: { "*": ["className"] },
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => !["a", "img", "input"].includes(t)), "span", "div"],
  protocols: {},
};

type MathSlice = { tex: string; display: boolean; line: number; column: number; source: string };

// A live preview re-renders after every keystroke; usually one paragraph changed. Blocks are rendered on
// their own and remembered, so the unchanged ones cost a lookup. A long paragraph is cut further, at line
// breaks that are plain inter-word space (splitLatexPieces), into pieces that are rendered and remembered the
// same way and joined with that space — so it stays one paragraph, and typing in it re-parses one piece.
// A rendering without errors does not depend on where its text sits; one with errors names absolute lines,
// so it is only reused at the same line.
const BLOCK_CACHE_SIZE = 500;
type CachedRendering = RenderedLatex & { startLine: number; parseFailed: boolean };
const blockCache = new Map<string, CachedRendering>();

export function renderLatexText(source: string, options: RenderOptions = {}): RenderedLatex {
  const blocks = splitLatexBlocks(source);
  const optionsKey = `${limitsKey(options)}\u0000${JSON.stringify(options.macros ?? {})}`;
  const maxHtml = options.maxHtmlChars ?? LATEX_DEFAULTS.maxHtmlChars;
  const parts: string[] = [];
  const errors: LatexError[] = [];
  let size = 0;
  for (const block of blocks) {
    options.onProgress?.(block.startLine, 1);
    const rendered = renderParagraph(block, options, optionsKey);
    size += rendered.html.length;
    if (size > maxHtml) {
      // The rest is not shown: a page must stay a page (1 MB of \frac{}{} is 100 MB of HTML).
      const error = { message: tooLargeMessage(maxHtml), line: block.startLine, column: 1, source: block.text.slice(0, 200) };
      parts.push(errorHtml(error));
      errors.push(error);
      break;
    }
    parts.push(blocks.length > 1 ? `<div class="latex-block">${rendered.html}</div>` : rendered.html);
    errors.push(...rendered.errors);
  }
  return { html: parts.join("\n"), errors };
}

function limitsKey(options: RenderOptions): string {
  return `${options.maxExpand ?? ""},${options.maxExpandedTokens ?? ""},${options.maxHtmlChars ?? ""},${options.mathOutput ?? ""}`;
}

function tooLargeMessage(maxHtml: number): string {
  return `too large to show: the rendered text would be over ${maxHtml.toLocaleString("en")} characters`;
}

function renderParagraph(block: LatexBlock, options: RenderOptions, optionsKey: string): RenderedLatex {
  const key = `${optionsKey}\u0000${block.text}`;
  const cached = cacheGet(key, block.startLine);
  if (cached) return cached;
  const pieces = splitLatexPieces(block);
  let rendered = pieces.length > 1 ? pieces.map((piece) => renderPiece(piece, options, optionsKey)) : [];
  // A piece the parser rejects is reported as the whole paragraph would be.
  if (!rendered.length || rendered.some((r) => r.parseFailed)) {
    rendered = [{ ...renderBlock(block.text, options, block.startLine - 1), startLine: block.startLine }];
  }
  const joined: CachedRendering = {
    html: rendered.map((r) => r.html).join(" "),
    errors: rendered.flatMap((r) => r.errors),
    startLine: block.startLine,
    parseFailed: rendered.some((r) => r.parseFailed),
  };
  cacheSet(key, joined);
  return joined;
}

function renderPiece(piece: LatexBlock, options: RenderOptions, optionsKey: string): CachedRendering {
  const key = `${optionsKey}\u0000${piece.text}`;
  let rendered = cacheGet(key, piece.startLine);
  if (!rendered) {
    rendered = { ...renderBlock(piece.text, options, piece.startLine - 1), startLine: piece.startLine };
    cacheSet(key, rendered);
  }
  return rendered;
}

function cacheGet(key: string, startLine: number): CachedRendering | undefined {
  const rendered = blockCache.get(key);
  if (!rendered || (rendered.errors.length > 0 && rendered.startLine !== startLine)) return undefined;
  blockCache.delete(key); // re-inserted: the least recently used entry goes first
  blockCache.set(key, rendered);
  return rendered;
}

function cacheSet(key: string, rendered: CachedRendering): void {
  blockCache.delete(key);
  if (blockCache.size >= BLOCK_CACHE_SIZE) blockCache.delete(blockCache.keys().next().value!);
  blockCache.set(key, rendered);
}

function renderBlock(source: string, options: RenderOptions, lineOffset = 0): RenderedLatex & { parseFailed: boolean } {
  let ast: Ast.Root;
  try {
    ast = parse(source);
  } catch (error) {
    const err = { message: errorMessage(error), line: 1 + lineOffset, column: 1, source: source.slice(0, 200) };
    return { html: toHtml(errorNode(err)), errors: [err], parseFailed: true };
  }
  const marker = mathMarker(source);
  const slices = tagMath(ast, source, marker.char);
  const hast = sanitize(toHast(ast), SCHEMA) as Root;
  const errors: LatexError[] = [];
  const replaceMath = (nodes: (RootContent | ElementContent)[]) => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (node.type === "text") {
        // A formula the converter printed as text (in an argument it does not render, like \footnote's) keeps its
        // source, as it would have without the tag.
        if (node.value.includes(marker.char)) node.value = node.value.replace(marker.all, "");
        continue;
      }
      if (node.type !== "element") continue;
      const kind = mathKind(node);
      if (!kind) {
        replaceMath(node.children);
        continue;
      }
      const tagged = marker.one.exec(textOf(node));
      const slice = (tagged && slices[Number(tagged[1])]) || fallbackSlice(node, kind === "display", marker.all);
      if (slice.line) options.onProgress?.(slice.line + lineOffset, slice.column);
      const rendered = typeset(slice, options);
      if ("error" in rendered) {
        const error = { ...rendered.error, line: rendered.error.line && rendered.error.line + lineOffset };
        errors.push(error);
        nodes[i] = errorNode(error);
      } else {
        nodes[i] = rawNode(rendered.html);
      }
    }
  };
  replaceMath(hast.children);
  gluePunctuation(hast.children);
  return { html: toHtml(hast, { allowDangerousHtml: true }), errors, parseFailed: false };
}

function toHast(ast: Ast.Root): Root {
  return unified().use(unifiedLatexToHast).runSync(ast) as unknown as Root;
}

// Which formula a math element of the converter's output shows is made explicit, not left to the order the
// elements come in (the converter drops some arguments with their formulas, prints others as text, and a formula
// can hold another one in \text{…}): every formula that is not inside another one gets a tag — a private-use
// character that does not occur in the source around its number — put in front of its content, where it stays
// through the conversion. A math element names its formula by the tag in its text; elsewhere tags are removed.
type MathMarker = { char: string; one: RegExp; all: RegExp };

function mathMarker(source: string): MathMarker {
  let code = 0xe000;
  while (code < 0xf8ff && source.includes(String.fromCharCode(code))) code++;
  const char = String.fromCharCode(code);
  return { char, one: new RegExp(`${char}(\\d+)${char}`), all: new RegExp(`${char}\\d+${char}`, "g") };
}

/** Tag every outermost formula in `ast` (see MathMarker) and return their sources, indexed by tag. */
function tagMath(ast: Ast.Root, source: string, markerChar: string): (MathSlice | undefined)[] {
  const slices: (MathSlice | undefined)[] = [];
  const walk = (nodes: (Ast.Node | Ast.Argument)[] | undefined) => {
    if (!nodes) return;
    for (const node of nodes) {
      switch (node.type) {
        case "inlinemath":
        case "displaymath":
        case "mathenv": {
          slices.push(mathSlice(node, source));
          // (The formula's source already holds any math nested in it: nothing inside gets a tag of its own.)
          node.content.unshift({ type: "string", content: `${markerChar}${slices.length - 1}${markerChar}` });
          break;
        }
        case "macro":
          walk(node.args);
          break;
        case "environment":
          walk(node.args);
          walk(node.content);
          break;
        case "group":
        case "argument":
          walk(node.content);
          break;
      }
    }
  };
  walk(ast.content);
  return slices;
}

function mathSlice(node: Ast.InlineMath | Ast.DisplayMath | Ast.Environment, source: string): MathSlice | undefined {
  const pos = node.position;
  if (!pos) return undefined; // (the parser gives every node its position; the element's text is typeset then)
  const display = node.type !== "inlinemath";
  const raw = source.slice(pos.start.offset, pos.end.offset);
  const tex = node.type === "mathenv" ? raw : stripDelimiters(raw);
  return { tex, display, line: pos.start.line, column: pos.start.column, source: raw };
}

function stripDelimiters(raw: string): string {
  for (const [open, close] of [["$$", "$$"], ["\\[", "\\]"], ["\\(", "\\)"], ["$", "$"]]) {
    if (raw.startsWith(open) && raw.endsWith(close) && raw.length >= open.length + close.length) {
      return raw.slice(open.length, raw.length - close.length);
    }
  }
  return raw;
}

// Re-rendering a preview after a keystroke re-typesets mostly unchanged formulas: remember recent results.
const TYPESET_CACHE_SIZE = 2000;
const typesetCache = new Map<string, { html: string } | { error: LatexError }>();

function typeset(slice: MathSlice, options: RenderOptions): { html: string } | { error: LatexError } {
  const key = `${slice.display ? "D" : "I"}${limitsKey(options)}\u0000${JSON.stringify(options.macros ?? {})}\u0000${slice.tex}`;
  const cached = typesetCache.get(key);
  if (cached) {
    // Positions differ between occurrences of the same formula: re-attach this one's.
    return "error" in cached ? { error: { ...cached.error, line: slice.line, column: slice.column, source: slice.source } } : cached;
  }
  const result = typesetUncached(slice, options);
  if (typesetCache.size >= TYPESET_CACHE_SIZE) typesetCache.delete(typesetCache.keys().next().value!);
  typesetCache.set(key, result);
  return result;
}

function typesetUncached(slice: MathSlice, options: RenderOptions): { html: string } | { error: LatexError } {
  try {
    const katexOptions = {
      displayMode: slice.display,
      throwOnError: true,
      trust: false,
      output: options.mathOutput ?? "htmlAndMathml",
      strict: "ignore" as const,
      maxExpand: options.maxExpand ?? LATEX_DEFAULTS.maxExpand,
      maxSize: 50,
      // KaTeX writes \gdef results into this object: give it a fresh copy every time.
      macros: { ...BUILTIN_MACROS, ...(options.macros ?? {}) },
    };
    const html = renderKatex(slice.tex.replace(LABEL, ""), katexOptions, options.maxExpandedTokens ?? LATEX_DEFAULTS.maxExpandedTokens);
    const maxHtml = options.maxHtmlChars ?? LATEX_DEFAULTS.maxHtmlChars;
    if (html.length > maxHtml) throw new Error(tooLargeMessage(maxHtml));
    return { html };
  } catch (error) {
    return { error: { message: errorMessage(error), line: slice.line, column: slice.column, source: slice.source } };
  }
}

// The converter's math elements have this one class (an unknown environment named display-math becomes a
// <div class="environment display-math">, which is not a formula).
function mathKind(node: Element): "inline" | "display" | undefined {
  const cls = node.properties?.className;
  const only = Array.isArray(cls) && cls.length === 1 ? String(cls[0]) : typeof cls === "string" ? cls : "";
  if (only === "inline-math") return "inline";
  if (only === "display-math") return "display";
  return undefined;
}

function fallbackSlice(node: Element, display: boolean, markers: RegExp): MathSlice {
  const tex = textOf(node).replace(markers, "");
  return { tex, display, line: 0, column: 0, source: tex };
}

function textOf(node: ElementContent | Element): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^KaTeX parse error: /, "").split("\n")[0].slice(0, 300);
}

/** The inline error box, as HTML: also how a render that was stopped shows "too complex to render". */
export function errorHtml(err: LatexError): string {
  return toHtml(errorNode(err));
}

function errorNode(err: LatexError): Element {
  const where = err.line ? `line ${err.line}, column ${err.column}: ` : "";
  return {
    type: "element",
    tagName: "span",
    properties: { className: ["latex-error"], role: "note" },
    children: [
      { type: "element", tagName: "span", properties: { className: ["latex-error-message"] }, children: [{ type: "text", value: `LaTeX error — ${where}${err.message}` }] },
      { type: "element", tagName: "code", properties: { className: ["latex-error-source"] }, children: [{ type: "text", value: err.source }] },
    ],
  };
}

/** hast's "raw" node (serialised verbatim with allowDangerousHtml): only ever KaTeX output. */
function rawNode(html: string): Element {
  return { type: "raw", value: html } as unknown as Element;
}

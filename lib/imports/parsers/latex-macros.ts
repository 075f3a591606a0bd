// Macro definitions in a LaTeX upload → KaTeX's macro map ({ "\\ket": "\\left|#1\\right\\rangle" }), so
// problems that use the author's shorthands render. Only what a plain string expansion can express is kept;
// every definition's arguments are consumed either way, so its body (often a lone \begin{…}) is never
// mistaken for document structure.
import { cleanSource, macroNameOf, readOptional, readRequired, readStar, skipBlank, isMacro, isString, type Arg, type Node } from "./latex-ast";

/** `aliases`: names made by \let, which meant their target *as it was then*. */
export type MacroTable = { map: Map<string, string>; aliases: Set<string> };
type Policy = "keep-first" | "replace";

const COMMANDS = new Map<string, Policy>([
  ["newcommand", "keep-first"],
  ["providecommand", "keep-first"],
  ["renewcommand", "replace"],
  ["DeclareRobustCommand", "replace"],
]);
const DEFS = new Set(["def", "gdef", "edef", "xdef"]);
const DOCUMENT_COMMANDS = new Map<string, Policy>([
  ["NewDocumentCommand", "keep-first"],
  ["ProvideDocumentCommand", "keep-first"],
  ["RenewDocumentCommand", "replace"],
  ["DeclareDocumentCommand", "replace"],
]);
const ENVIRONMENTS = new Set(["newenvironment", "renewenvironment"]);
const DOCUMENT_ENVIRONMENTS = new Set(["NewDocumentEnvironment", "RenewDocumentEnvironment", "ProvideDocumentEnvironment", "DeclareDocumentEnvironment"]);

/** KaTeX reads `#` only as `#1`…`#9` in a string expansion (no `##`, no delimited parameters). */
const katexSafe = (expansion: string) => !/#(?![1-9])/.test(expansion);

function define(macros: MacroTable, name: string | null, expansion: string | null, policy: Policy): boolean {
  if (!name || expansion === null || !katexSafe(expansion)) return false;
  if (policy === "keep-first" && macros.map.has(name)) return false;
  const saved = [...macros.aliases].filter((alias) => macros.map.get(alias) === name);
  // `\let\oldhat\hat` + `\renewcommand\hat{\oldhat{…}}` cannot be said in KaTeX (it would loop): keeping
  // KaTeX's own \hat renders close to the author's intent; otherwise the saved copy, now meaningless, goes.
  if (saved.some((alias) => mentions(expansion, alias))) return false;
  for (const alias of saved) {
    macros.map.delete(alias);
    macros.aliases.delete(alias);
  }
  macros.map.set(name, expansion);
  macros.aliases.delete(name);
  return true;
}

/** Whether `expansion` uses the control word `name` (so `\oldhat` is not found in `\oldhatter`). */
function mentions(expansion: string, name: string): boolean {
  for (let at = expansion.indexOf(name); at >= 0; at = expansion.indexOf(name, at + 1)) {
    if (!/[A-Za-z@]/.test(expansion[at + name.length] ?? "")) return true;
  }
  return false;
}

const bodyOf = (arg: Arg | null, src: string) => (arg ? cleanSource(src, arg.start, arg.end, arg.nodes) : null);

export const emptyMacroTable = (): MacroTable => ({ map: new Map(), aliases: new Set() });

/**
 * If nodes[i] starts a definition, record it in `macros` (when expressible) and return the index just past
 * it; otherwise null.
 */
export function readDefinition(nodes: Node[], i: number, src: string, macros: MacroTable): number | null {
  const node = nodes[i];
  if (node.type !== "macro") return null;
  const name = node.content;
  const command = COMMANDS.get(name);
  if (command) return readNewcommand(nodes, i + 1, src, macros, command);
  if (DEFS.has(name)) return readDef(nodes, i + 1, src, macros);
  if (name === "let") return readLet(nodes, i + 1, macros);
  if (name === "DeclareMathOperator") {
    const star = readStar(nodes, i + 1);
    const target = readRequired(nodes, star.next);
    const body = readRequired(nodes, target.next);
    const text = bodyOf(body.arg, src);
    define(macros, macroNameOf(target.arg), text === null ? null : `\\operatorname${star.star ? "*" : ""}{${text}}`, "keep-first");
    return body.next;
  }
  const documentCommand = DOCUMENT_COMMANDS.get(name);
  if (documentCommand) {
    const target = readRequired(nodes, i + 1);
    const spec = readRequired(nodes, target.next);
    const body = readRequired(nodes, spec.next);
    // Only all-mandatory signatures ("m m") map onto #1…#n; anything else (optional, starred) is skipped.
    const signature = spec.arg ? src.slice(spec.arg.start, spec.arg.end).replace(/\s+/g, "") : "";
    if (/^m*$/.test(signature)) define(macros, macroNameOf(target.arg), bodyOf(body.arg, src), documentCommand);
    return body.next;
  }
  if (ENVIRONMENTS.has(name)) {
    let at = readRequired(nodes, readStar(nodes, i + 1).next).next;
    at = readOptional(nodes, readOptional(nodes, at).next).next;
    return readRequired(nodes, readRequired(nodes, at).next).next;
  }
  if (DOCUMENT_ENVIRONMENTS.has(name)) {
    let at = i + 1;
    for (let k = 0; k < 4; k++) at = readRequired(nodes, at).next;
    return at;
  }
  return null;
}

/**
 * `\newcommand*{\name}[n][default]{body}`. KaTeX string macros have no optional arguments, so a default
 * for #1 is dropped and the macro keeps all n arguments.
 */
function readNewcommand(nodes: Node[], i: number, src: string, macros: MacroTable, policy: Policy): number {
  const target = readRequired(nodes, readStar(nodes, i).next);
  const count = readOptional(nodes, target.next);
  const fallback = count.arg ? readOptional(nodes, count.next) : count;
  const body = readRequired(nodes, fallback.next);
  const n = count.arg ? Number(src.slice(count.arg.start, count.arg.end).trim()) : 0;
  if (Number.isInteger(n) && n >= 0 && n <= 9) define(macros, macroNameOf(target.arg), bodyOf(body.arg, src), policy);
  return body.next;
}

/** `\def\name#1#2{body}`; delimited parameter text (`\def\x#1.{…}`) is consumed but not kept. */
function readDef(nodes: Node[], i: number, src: string, macros: MacroTable): number {
  const at = skipBlank(nodes, i);
  const target = nodes[at];
  if (!isMacro(target)) return at;
  let k = at + 1;
  let params = "";
  while (k < nodes.length && nodes[k].type !== "group" && nodes[k].type !== "parbreak") {
    const param = nodes[k++];
    if (param.type !== "whitespace") params += param.type === "string" ? param.content : "\u0000";
  }
  if (nodes[k]?.type !== "group") return at + 1;
  const simple = /^(#[1-9])*$/.test(params) && [...params.matchAll(/#([1-9])/g)].every((m, idx) => Number(m[1]) === idx + 1);
  if (simple) define(macros, `\\${target.content}`, bodyOf(readRequired(nodes, k).arg, src), "replace");
  return k + 1;
}

/** `\let\a\b` / `\let\a=\b`: an alias, as long as the target is a macro. */
function readLet(nodes: Node[], i: number, macros: MacroTable): number {
  const at = skipBlank(nodes, i);
  const target = nodes[at];
  if (!isMacro(target)) return at;
  let k = skipBlank(nodes, at + 1);
  if (isString(nodes[k], "=")) k = skipBlank(nodes, k + 1);
  const source = nodes[k];
  if (!isMacro(source)) return k;
  if (define(macros, `\\${target.content}`, `\\${source.content}`, "replace")) macros.aliases.add(`\\${target.content}`);
  return k + 1;
}

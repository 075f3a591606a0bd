// The LaTeX math parser: compute-engine's standalone `latex-syntax` module (parser only — no engine, so
// nothing is remembered between parses and its own simplifier never decides anything here). Its output is
// MathJSON, read into our own types by read-expr.ts / read-answer.ts.
import {
  LATEX_DICTIONARY,
  LatexSyntax,
  STATISTICS_DICTIONARY,
  UNITS_DICTIONARY,
  type MathJsonExpression,
} from "@cortex-js/compute-engine/latex-syntax";

export type Json = MathJsonExpression;

/** A MathJSON node in one of four plain shapes (the format has several spellings of each). */
export type Node =
  | { k: "num"; value: number; text: string }
  | { k: "sym"; name: string }
  | { k: "str"; text: string }
  | { k: "fn"; head: string; args: Json[] };

// Statistics reads `\bar v` as a mean, units read `\mathrm{m}` as metres anywhere: we handle units and
// accents ourselves (rewrite.ts) where the context says what they are.
const EXCLUDED = new Set<unknown>([...STATISTICS_DICTIONARY, ...UNITS_DICTIONARY]);
let syntax: LatexSyntax | null = null;

function getSyntax(): LatexSyntax {
  syntax ??= new LatexSyntax({ dictionary: LATEX_DICTIONARY.filter((entry) => !EXCLUDED.has(entry)) });
  return syntax;
}

/** Parses math-mode LaTeX. `functions` are names (MathJSON symbols) to read as function calls before `(`. */
export function parseMath(latex: string, functions: ReadonlySet<string>): Json | null {
  return getSyntax().parse(latex, {
    resolveApplication: (context) => (functions.has(context.head) ? "apply" : undefined),
  });
}

/** LaTeX for a MathJSON expression (used for symbol names: `m_pi` → `m_{\pi}`). */
export function serializeMath(json: Json): string {
  return getSyntax().serialize(json);
}

function parseNumber(text: string): number {
  if (/^[+-]?(?:Infinity|oo)$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  const repeating = /^(-?\d*)\.(\d*)\((\d+)\)$/.exec(text);
  if (repeating) return Number(`${repeating[1]}.${repeating[2]}${repeating[3].repeat(Math.ceil(20 / repeating[3].length))}`);
  return Number(text);
}

export function node(json: Json): Node {
  // A missing argument (`\overline` with nothing after it) reads as the parser's "missing".
  if (json === null || json === undefined) return { k: "str", text: "missing" };
  if (typeof json === "number") return { k: "num", value: json, text: String(json) };
  if (typeof json === "string") {
    if (json.length >= 2 && json.startsWith("'") && json.endsWith("'")) return { k: "str", text: json.slice(1, -1) };
    return { k: "sym", name: json };
  }
  if (Array.isArray(json)) return { k: "fn", head: String(json[0]), args: json.slice(1) as Json[] };
  const obj = json as Record<string, unknown>;
  if (typeof obj.num === "string") return { k: "num", value: parseNumber(obj.num), text: obj.num };
  if (typeof obj.sym === "string") return { k: "sym", name: obj.sym };
  if (typeof obj.str === "string") return { k: "str", text: obj.str };
  if (Array.isArray(obj.fn)) return { k: "fn", head: String(obj.fn[0]), args: obj.fn.slice(1) as Json[] };
  return { k: "str", text: "" };
}

const ERROR_TEXT: Record<string, (latex: string) => string> = {
  "unexpected-command": (l) => `unknown command ${l}`,
  "expected-closing-delimiter": (l) => `unbalanced braces or brackets near “${l}”`,
  "unexpected-delimiter": (l) => `unbalanced “${l}”`,
  "unexpected-operator": (l) => `“${l}” has nothing on one side`,
  missing: () => "something is missing (an empty argument or side)",
};

/** A sentence for a parse error node's kind (`unexpected-command`…) and the LaTeX it concerns. */
export function describeParseError(kind: string, latex: string): string {
  return ERROR_TEXT[kind]?.(latex) ?? `the LaTeX does not parse (${kind}${latex ? ` near “${latex}”` : ""})`;
}

export const isErrorText = (text: string) => /^(unexpected-|expected-|missing$|syntax-error$)/.test(text);

/** The first parse error in a MathJSON tree, as a sentence. */
export function findError(json: Json): string | null {
  const n = node(json);
  if (n.k === "str" && isErrorText(n.text)) return describeParseError(n.text, "");
  if (n.k !== "fn") return null;
  if (n.head === "Error") {
    const kind = n.args[0] !== undefined ? node(n.args[0]) : null;
    const where = n.args[1] !== undefined ? node(n.args[1]) : null;
    const latex = where?.k === "fn" && where.args[0] !== undefined ? node(where.args[0]) : null;
    return describeParseError(kind?.k === "str" ? kind.text : "syntax-error", latex?.k === "str" ? latex.text : "");
  }
  for (const arg of n.args) {
    const error = findError(arg);
    if (error) return error;
  }
  return null;
}

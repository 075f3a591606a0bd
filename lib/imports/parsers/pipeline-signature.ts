// The Python function header of a pipeline item's "Answer Requirements": name, parameters with their
// annotations, the return annotation and the docstring. There is no Python runtime here, and headers
// span lines, carry defaults, comments and forward-reference strings, so this is a small tokenizer and
// recursive-descent reader rather than a regex.

export type TypeExpr =
  | { kind: "name"; name: string; args: TypeExpr[] | null; text: string }
  | { kind: "const"; value: string | number; text: string }
  | { kind: "ellipsis"; text: string }
  | { kind: "union"; options: TypeExpr[]; text: string };

export type Param = { name: string; annotation: TypeExpr | null };
export type Signature = { name: string; params: Param[]; returns: TypeExpr | null; docstring: string | null };

// "bad" (an unknown character, an unclosed string) is an error only if the reader gets to it: text
// after the docstring is never read.
type TokenKind = "name" | "number" | "string" | "op" | "bad" | "end";
type Token = { kind: TokenKind; text: string; start: number; end: number; value: string; raw: boolean };

class SignatureError extends Error {}

const OPS = ["->", "**", "...", "(", ")", "[", "]", "{", "}", ",", ":", "=", "*", "/", "|", ".", "-", "+", "~", "<", ">", "!", "%", "&", "^", "@", ";"];
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NUMBER = /(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?/y;
const STRING_START = /([rRbBuUfF]{0,2})("""|'''|"|')/y;
const SKIP = /(?:[ \t\r\n\f]+|\\\r?\n|#[^\n]*)+/y;

function lineOf(src: string, offset: number): number {
  return src.slice(0, offset).split("\n").length;
}

function sticky(re: RegExp, src: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(src);
}

// Escapes are kept as written (descriptions are LaTeX, not Python), except those that only exist to
// protect the quotes or the backslash itself; renderSkeleton escapes """ as \"\"\" inside r""".
function stringValue(body: string, raw: boolean): string {
  if (raw) return body.replace(/\\"\\"\\"/g, '"""').replace(/\\'\\'\\'/g, "'''");
  return body.replace(/\\(["'\\])/g, "$1");
}

const UNCLOSED = "a string that is not closed";

function readString(src: string, at: number, m: RegExpExecArray): Token {
  const quote = m[2];
  let i = at + m[0].length;
  while (i < src.length && !src.startsWith(quote, i)) {
    if (quote.length === 1 && src[i] === "\n") break;
    i += src[i] === "\\" ? 2 : 1;
  }
  if (!src.startsWith(quote, i)) return { kind: "bad", text: m[0], start: at, end: src.length, value: UNCLOSED, raw: false };
  const raw = /[rR]/.test(m[1]);
  const body = src.slice(at + m[0].length, i);
  return { kind: "string", text: src.slice(at, i + quote.length), start: at, end: i + quote.length, value: stringValue(body, raw), raw };
}

function readToken(src: string, from: number): Token {
  const skipped = sticky(SKIP, src, from);
  const at = skipped ? from + skipped[0].length : from;
  const token = (kind: TokenKind, text: string): Token => ({ kind, text, start: at, end: at + text.length, value: text, raw: false });
  if (at >= src.length) return token("end", "");
  const str = sticky(STRING_START, src, at);
  if (str) return readString(src, at, str);
  const name = sticky(NAME, src, at);
  if (name) return token("name", name[0]);
  const num = sticky(NUMBER, src, at);
  if (num) return token("number", num[0]);
  const op = OPS.find((o) => src.startsWith(o, at));
  if (op) return token("op", op);
  return { ...token("bad", src[at]), value: `an unexpected character "${src[at]}"` };
}

/** A cursor over the tokens of `src`; lazy, so whatever follows the docstring is never tokenized. */
class Tokens {
  private current: Token;
  /** where the last consumed token ended, so slices of source text exclude trailing comments */
  lastEnd: number;
  constructor(private readonly src: string, at: number) {
    this.current = readToken(src, at);
    this.lastEnd = at;
  }
  peek(): Token {
    return this.current;
  }
  next(): Token {
    const t = this.current;
    if (t.kind !== "end") this.current = readToken(this.src, t.end);
    this.lastEnd = t.end;
    return t;
  }
  is(text: string): boolean {
    return (this.current.kind === "op" || this.current.kind === "name") && this.current.text === text;
  }
  expect(text: string, what: string): Token {
    if (!this.is(text)) throw this.error(`expected ${what}`);
    return this.next();
  }
  error(message: string): SignatureError {
    const t = this.current;
    const found = t.kind === "end" ? "the end of the text" : t.kind === "bad" ? t.value : `"${t.text.slice(0, 30)}"`;
    return new SignatureError(`line ${lineOf(this.src, t.start)}: ${message}, found ${found}`);
  }
  slice(start: number, end: number): string {
    return this.src.slice(start, end);
  }
  /** The token after the current one, without moving. */
  peekNext(): Token {
    return this.current.kind === "end" ? this.current : readToken(this.src, this.current.end);
  }
}

function readPrimary(t: Tokens): TypeExpr {
  const first = t.peek();
  if (first.kind === "string") {
    t.next();
    return { kind: "const", value: first.value, text: first.text };
  }
  if (first.kind === "number" || t.is("-")) {
    const sign = t.is("-") ? t.next().text : "";
    if (t.peek().kind !== "number") throw t.error("expected a number");
    const num = t.next();
    return { kind: "const", value: Number(sign + num.text.replace(/_/g, "")), text: sign + num.text };
  }
  if (t.is("...")) return { kind: "ellipsis", text: t.next().text };
  if (first.kind !== "name") throw t.error("expected a type");
  let name = t.next().text;
  while (t.is(".")) {
    t.next();
    if (t.peek().kind !== "name") throw t.error("expected a name after '.'");
    name += `.${t.next().text}`;
  }
  let args: TypeExpr[] | null = null;
  if (t.is("[")) {
    t.next();
    args = [];
    while (!t.is("]")) {
      args.push(readUnion(t));
      if (!t.is(",")) break;
      t.next();
    }
    t.expect("]", "']'");
  }
  return { kind: "name", name, args, text: t.slice(first.start, t.lastEnd) };
}

function readUnion(t: Tokens): TypeExpr {
  const start = t.peek().start;
  const options = [readPrimary(t)];
  while (t.is("|")) {
    t.next();
    options.push(readPrimary(t));
  }
  if (options.length === 1) return options[0];
  return { kind: "union", options, text: t.slice(start, t.lastEnd) };
}

/** An annotation; a quoted one (a forward reference, `x: "float"`) is read as the type it names. */
function readAnnotation(t: Tokens): TypeExpr {
  const expr = readUnion(t);
  if (expr.kind === "const" && typeof expr.value === "string") {
    const inner = parseTypeText(expr.value);
    if (!inner) throw t.error(`cannot read the annotation ${expr.text}`);
    return inner;
  }
  return expr;
}

// A default value is irrelevant to the spec; skip it up to the next top-level comma or bracket.
function skipDefault(t: Tokens): void {
  let depth = 0;
  while (t.peek().kind !== "end") {
    if (depth === 0 && (t.is(",") || t.is(")"))) return;
    if (t.is("(") || t.is("[") || t.is("{")) depth++;
    if (t.is(")") || t.is("]") || t.is("}")) depth--;
    t.next();
  }
}

function readParams(t: Tokens): Param[] {
  const params: Param[] = [];
  while (!t.is(")")) {
    if (t.is("/") || (t.is("*") && [",", ")", ""].includes(t.peekNext().text))) {
      // `/` and a lone `*` only mark positional-/keyword-only parameters, which are ordinary arguments here
      t.next();
    } else {
      if (t.is("*") || t.is("**")) throw t.error("*args and **kwargs cannot be described by an answer spec");
      if (t.peek().kind !== "name") throw t.error("expected a parameter name");
      const name = t.next();
      let annotation: TypeExpr | null = null;
      if (t.is(":")) {
        t.next();
        annotation = readAnnotation(t);
      }
      if (t.is("=")) {
        t.next();
        skipDefault(t);
      }
      params.push({ name: name.text, annotation });
    }
    if (!t.is(",")) break;
    t.next();
  }
  t.expect(")", "',' or ')' in the parameter list");
  return params;
}

const DEF = /^[ \t]*(?:async[ \t]+)?def(?=[ \t])/m;

/** Reads the first `def` in `text` up to and including its docstring. */
export function parseSignature(text: string): { signature: Signature } | { error: string } {
  const src = text.replace(/\r\n?/g, "\n").replace(/^[ \t]*```.*$/gm, "");
  const def = DEF.exec(src);
  if (!def) return { error: "no Python function definition (a line starting with def) was found" };
  try {
    const t = new Tokens(src, def.index + def[0].length);
    if (t.peek().kind !== "name") throw t.error("expected the function name after def");
    const name = t.next();
    t.expect("(", "'(' after the function name");
    const params = readParams(t);
    const returns = t.is("->") ? (t.next(), readAnnotation(t)) : null;
    t.expect(":", "':' at the end of the def line");
    const doc = t.peek();
    if (doc.kind === "bad" && doc.value === UNCLOSED) throw t.error("the docstring must be closed");
    return { signature: { name: name.text, params, returns, docstring: doc.kind === "string" ? doc.value : null } };
  } catch (e) {
    if (e instanceof SignatureError) return { error: e.message };
    throw e;
  }
}

/** A type written as text (a docstring's `(float)`, a Returns line's `tuple[float, str]`), or null. */
export function parseTypeText(text: string): TypeExpr | null {
  try {
    const t = new Tokens(text, 0);
    if (t.peek().kind === "end") return null;
    const expr = readUnion(t);
    return t.peek().kind === "end" ? expr : null;
  } catch (e) {
    if (e instanceof SignatureError) return null;
    throw e;
  }
}

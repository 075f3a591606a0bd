// Numbers as physicists type them: `pi`, `2*pi`, `2pi`, `pi/2`, `sqrt(2)`, `1/3`, `1e-3`, `e` (Euler's
// number), `-2^10`, `exp(-1)`. A tiny recursive-descent grammar over numbers, the constants pi and e,
// + − × ÷ and powers, parentheses and a few functions — never `eval`. Used for domain bounds and numeric
// test-case cells: the number is stored, the typed expression is kept for display. Pure.

export type NumberParse = { ok: true; value: number; /** typed as more than a plain number literal */ isExpression: boolean } | { ok: false; message: string };

const LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const CONSTANTS = new Map<string, number>([["pi", Math.PI], ["π", Math.PI], ["e", Math.E]]);
const FUNCTIONS = new Map<string, (x: number) => number>([
  ["sqrt", Math.sqrt], ["exp", Math.exp], ["ln", Math.log], ["log", Math.log], ["log10", Math.log10], ["sin", Math.sin], ["cos", Math.cos], ["tan", Math.tan],
]);
const KNOWN = `pi, e, sqrt(), exp(), ln(), sin(), cos(), tan()`;
const MAX_LENGTH = 200;

type Token = { kind: "num" | "name" | "op"; text: string; at: number };

class ExpressionError extends Error {}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_π][A-Za-z0-9_]*)|(\*\*|[-+*/^()×·÷−]))/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length) {
    const at = re.lastIndex;
    m = re.exec(text);
    if (!m) {
      if (!text.slice(at).trim()) break;
      const column = at + (text.slice(at).length - text.slice(at).trimStart().length) + 1;
      throw new ExpressionError(`“${text.slice(column - 1, column)}” at column ${column} is not part of a number.`);
    }
    const column = m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length + 1;
    if (m[1]) tokens.push({ kind: "num", text: m[1], at: column });
    else if (m[2]) tokens.push({ kind: "name", text: m[2], at: column });
    else tokens.push({ kind: "op", text: ({ "×": "*", "·": "*", "÷": "/", "−": "-", "**": "^" } as Record<string, string>)[m[3]] ?? m[3], at: column });
  }
  return tokens;
}

function parse(tokens: Token[]): number {
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (t: Token | undefined, ops: string) => t?.kind === "op" && ops.includes(t.text);
  const unexpected = (t: Token | undefined): never => {
    throw new ExpressionError(t ? `unexpected “${t.text}” at column ${t.at}.` : "the expression ends too early.");
  };

  // expr := term (("+" | "-") term)*
  const expr = (): number => {
    let value = term();
    while (isOp(peek(), "+-")) value = tokens[i++].text === "+" ? value + term() : value - term();
    return value;
  };
  // term := unary (("*" | "/") unary | implicit product)*      e.g. 2pi, 3 sqrt(2), 2(1+x)
  const term = (): number => {
    let value = unary();
    for (;;) {
      const t = peek();
      if (isOp(t, "*/")) {
        i++;
        value = t!.text === "*" ? value * unary() : value / unary();
      } else if (t && (t.kind === "name" || isOp(t, "("))) value *= power();
      else return value;
    }
  };
  // unary := ("+" | "-") unary | power
  const unary = (): number => {
    if (isOp(peek(), "+-")) return tokens[i++].text === "-" ? -unary() : unary();
    return power();
  };
  // power := atom ("^" unary)?     (right-associative: 2^3^2 = 2^9)
  const power = (): number => {
    const base = atom();
    if (!isOp(peek(), "^")) return base;
    i++;
    return base ** unary();
  };
  // atom := number | constant | function "(" expr ")" | "(" expr ")"
  const atom = (): number => {
    const t = tokens[i++];
    if (!t) return unexpected(t);
    if (t.kind === "num") return Number(t.text);
    if (t.kind === "name") {
      const name = t.text.toLowerCase() === "pi" ? "pi" : t.text;
      const constant = CONSTANTS.get(name);
      if (constant !== undefined) return constant;
      const f = FUNCTIONS.get(name);
      if (!f) throw new ExpressionError(`“${t.text}” is not a known name (use ${KNOWN}).`);
      if (!isOp(peek(), "(")) throw new ExpressionError(`${t.text} needs its argument in parentheses: ${t.text}(…).`);
      i++;
      const arg = expr();
      if (!isOp(tokens[i++], ")")) unexpected(tokens[i - 1]);
      return f(arg);
    }
    if (isOp(t, "(")) {
      const value = expr();
      if (!isOp(tokens[i++], ")")) throw new ExpressionError(tokens[i - 1] ? `unexpected “${tokens[i - 1].text}” at column ${tokens[i - 1].at}.` : "a “(” is not closed.");
      return value;
    }
    return unexpected(t);
  };

  const value = expr();
  if (i < tokens.length) unexpected(tokens[i]);
  return value;
}

/** The number a typed text stands for, or why it is not one. */
export function evaluateNumber(text: string): NumberParse {
  const t = text.trim();
  if (!t) return { ok: false, message: "Empty." };
  if (LITERAL.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? { ok: true, value: n, isExpression: false } : { ok: false, message: `“${t}” is too large.` };
  }
  if (t.length > MAX_LENGTH) return { ok: false, message: `At most ${MAX_LENGTH} characters.` };
  try {
    const value = parse(tokenise(t));
    if (!Number.isFinite(value)) return { ok: false, message: `“${t}” is not a finite number.` };
    return { ok: true, value, isExpression: true };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, message: `“${t}” is not a number: ${error.message}` };
    throw error;
  }
}

/** Whether a kept expression still stands for the stored number (a stale or edited text is not shown). */
export function expressionGives(text: string, value: number): boolean {
  const parsed = evaluateNumber(text);
  return parsed.ok && Math.abs(parsed.value - value) <= 1e-12 * Math.max(1, Math.abs(value));
}

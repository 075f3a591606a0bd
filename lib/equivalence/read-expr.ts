// MathJSON (from the parser) → our expression tree, with the physics reading: `\gamma` is a symbol and
// `\gamma_E` the Euler–Mascheroni constant, `e` and `i` are Euler's number and the imaginary unit unless
// declared, `F^{\mu\nu}` is an indexed symbol not a power, `\omega(n+\frac12)` a product unless `\omega` is a
// declared function, `m_\pi` and `m_{\pi}` are one symbol, `\frac{d\sigma}{d\Omega}` names a quantity.
import { MAX_ELEMENTS } from "./budget";
import { canonicalTensor, LATIN_INDEX_BASES } from "./read-indices";
import { argsOf, isSequence, readProduct } from "./read-product";
import { indexName, isIndex, num, readSymbol, symbolId, symbolTex, type ReadContext } from "./read-names";
import { findError, isErrorText, node, type Json, type Node } from "./syntax";
import { GREEK } from "./tokens";
import { ReadError, UnsupportedError, type Expr } from "./types";

const FUNCTIONS: Record<string, string> = {
  Sqrt: "sqrt", Root: "root", Exp: "exp", Ln: "ln", Log: "log", Lb: "log2", Lg: "log10",
  Sin: "sin", Cos: "cos", Tan: "tan", Cot: "cot", Sec: "sec", Csc: "csc",
  Sinh: "sinh", Cosh: "cosh", Tanh: "tanh", Coth: "coth", Sech: "sech", Csch: "csch",
  Arcsin: "asin", Arccos: "acos", Arctan: "atan", Arccot: "acot", Arcsec: "asec", Arccsc: "acsc",
  Arsinh: "asinh", Arcosh: "acosh", Artanh: "atanh", Arcsinh: "asinh", Arccosh: "acosh", Arctanh: "atanh",
  Abs: "abs", Factorial: "factorial", Factorial2: "factorial2", Binomial: "binomial", Zeta: "zeta", Gamma: "gamma",
  LogGamma: "lngamma", PolyLog: "polylog", Erf: "erf", Erfc: "erfc", Floor: "floor", Ceil: "ceil", Round: "round",
  Max: "max", Min: "min", Real: "re", Imaginary: "im", Conjugate: "conj", Arg: "arg", Sign: "sign", Square: "square",
};
/** `\delta^{ab}`, `f^{abc}`: Latin letters are indices on these bases (not a power). */
function isLatinIndex(base: string, exp: Json): boolean {
  if (!LATIN_INDEX_BASES.has(symbolId(base))) return false;
  const n = node(exp);
  return n.k === "fn" && n.head === "InvisibleOperator" && n.args.length >= 2 && n.args.every((a) => { const x = node(a); return x.k === "sym" && /^[a-z]$/.test(x.name); });
}

function readPower(base: Json, exp: Json, ctx: ReadContext): Expr {
  const b = node(base);
  const e = node(exp);
  // `\sigma^x`: the Pauli matrix written with a superscript.
  if (b.k === "sym" && b.name === "sigma" && e.k === "sym" && /^[xyz]$/.test(e.name) && !ctx.symbols.has(e.name)) return { t: "sym", id: `sigma_${e.name}`, tex: `\\sigma_${e.name}` };
  const isSymbolBase = b.k === "sym" && ctx.placeholders.get(b.name)?.kind !== "unit";
  if (isSymbolBase && (isIndex(exp) || isLatinIndex(b.name, exp)) && !/^(e|ExponentialE|Pi)$/.test(b.name)) {
    const idx = indexName(exp, ctx)!;
    const s = readSymbol(b.name, ctx);
    if (s.t === "sym") return canonicalTensor({ t: "sym", id: `${s.id}^${idx.id}`, tex: `${s.tex}^{${idx.tex}}` });
  }
  return { t: "pow", base: readExpr(base, ctx), exp: readExpr(exp, ctx) };
}

function readSubscript(base: Json, sub: Json, ctx: ReadContext): Expr {
  const b = node(base);
  const s = node(sub);
  if (b.k === "sym" && b.name === "EulerGamma" && s.k === "sym" && s.name === "E" && !ctx.symbols.has("EulerGamma_E")) return { t: "const", name: "gammaE" };
  // `\zeta_3` is ζ(3) in loop results.
  if (b.k === "sym" && /^[Zz]eta$/.test(b.name) && s.k === "num" && Number.isInteger(s.value) && s.value >= 2) return { t: "fn", name: "zeta", args: [num(s.value)] };
  const idx = indexName(sub, ctx);
  const head = b.k === "sym" ? readSymbol(b.name, ctx) : b.k === "str" ? { t: "sym" as const, id: b.text, tex: `\\text{${b.text}}` } : null;
  if (!idx && head?.t === "sym") {
    // `F_{n-k-1}`: a member of an indexed family, a function of its index.
    return { t: "apply", id: `${head.id}_`, tex: `${head.tex}_`, args: [readExpr(sub, ctx)] };
  }
  if (!idx || !head) throw new ReadError("a subscript the checker cannot read as part of a name");
  const baseId = head.t === "sym" ? head.id : b.k === "sym" ? symbolId(b.name) : "";
  const baseTex = head.t === "sym" ? head.tex : b.k === "sym" ? symbolTex(b.name) : "";
  return canonicalTensor({ t: "sym", id: `${baseId}_${idx.id}`, tex: `${baseTex}_{${idx.tex}}` });
}

function readFunction(n: Extract<Node, { k: "fn" }>, ctx: ReadContext): Expr {
  const a = n.args;
  const r = (i: number) => readExpr(a[i], ctx);
  switch (n.head) {
    case "Add": return { t: "add", args: a.map((x) => readExpr(x, ctx)) };
    case "Subtract": return a.length === 1 ? { t: "neg", arg: r(0) } : { t: "add", args: [r(0), ...a.slice(1).map((x) => ({ t: "neg" as const, arg: readExpr(x, ctx) }))] };
    case "Negate": return { t: "neg", arg: r(0) };
    case "Multiply": case "InvisibleOperator": return readProduct(a, ctx);
    case "Divide": case "Rational": case "Colon": case "Ratio": return { t: "div", num: r(0), den: r(1) };
    case "Sum": case "Product": return readSumOrProduct(n.head === "Sum" ? "sum" : "prod", a, ctx);
    case "Power": return readPower(a[0], a[1], ctx);
    case "Delimiter": {
      const inner = node(a[0] ?? "Nothing");
      if (inner.k === "fn" && inner.head === "Sequence") throw new ReadError("a list where a single value was expected");
      return r(0);
    }
    // `\left[(p\cdot k)(p'\cdot k') + …\right]`, `[xA + (1-x)B]^2`: square brackets around one value group it.
    case "List": {
      if (a.length !== 1 || isSequence(a[0])) throw new ReadError("a list where a single value was expected");
      return r(0);
    }
    case "Integrate": return readIntegral(a, ctx);
    // `m^2\left[\frac1\epsilon + \ln\frac{\mu^2}{m^2}\right]`: the parser's indexing `x[…]` is a product with a bracket.
    case "At": {
      const head = node(a[0]);
      if (head.k === "sym" && /^(?:Tr|tr|Trace)$/.test(head.name)) throw new UnsupportedError("a trace (\\mathrm{Tr}) that is not evaluated");
      if (a.length !== 2 || isSequence(a[1])) throw new UnsupportedError("an indexed expression the checker cannot read");
      return { t: "mul", args: [r(0), r(1)] };
    }
    case "KroneckerDelta": {
      const ids = a.map((x) => indexName(x, ctx));
      if (ids.length !== 2 || ids.some((x) => !x)) throw new UnsupportedError("a Kronecker delta the checker cannot read");
      return canonicalTensor({ t: "sym", id: `delta_${ids.map((x) => x!.id).join("")}`, tex: `\\delta_{${ids.map((x) => x!.tex).join("")}}` });
    }
    case "Subscript": return readSubscript(a[0], a[1], ctx);
    case "Prime": {
      const s = r(0);
      const count = a[1] !== undefined ? Number(node(a[1]).k === "num" ? (node(a[1]) as { value: number }).value : 1) : 1;
      if (s.t !== "sym") throw new ReadError("a prime on something that is not a symbol");
      return { t: "sym", id: `${s.id}${"'".repeat(count)}`, tex: `${s.tex}${"'".repeat(count)}` };
    }
    // `\psi^*`, `a^\dagger`: the conjugate (symbols under it are sampled as complex numbers).
    case "ConjugateTranspose": case "Conjugate": return { t: "fn", name: "conj", args: [r(0)] };
    // `\langle r^2 \rangle`: an expectation value is one quantity.
    case "AngleBracket": {
      const inner = indexName(a[0], ctx);
      const id = inner?.id ?? JSON.stringify(a[0]);
      return { t: "sym", id: `<${id}>`, tex: `\\langle ${inner?.tex ?? id}\\rangle` };
    }
    case "D": {
      const f = indexName(a[0], ctx);
      const x = indexName(a[1], ctx);
      if (!f || !x) throw new UnsupportedError("a derivative the checker cannot evaluate");
      return { t: "sym", id: `d(${f.id})/d(${x.id})`, tex: `\\frac{d${f.tex}}{d${x.tex}}` };
    }
    case "Measurement": case "PlusMinus": return a.length === 1 ? { t: "mul", args: [{ t: "pm", minus: false }, r(0)] } : { t: "add", args: [r(0), { t: "mul", args: [{ t: "pm", minus: false }, r(1)] }] };
    case "MinusPlus": return a.length === 1 ? { t: "mul", args: [{ t: "pm", minus: true }, r(0)] } : { t: "add", args: [r(0), { t: "mul", args: [{ t: "pm", minus: true }, r(1)] }] };
    case "Matrix": {
      const rows = node(a[0]);
      if (rows.k !== "fn" || rows.head !== "List") throw new ReadError("a matrix the checker cannot read");
      const size = rows.args.reduce<number>((sum, row) => { const rn = node(row); return sum + (rn.k === "fn" ? rn.args.length : 1); }, 0);
      if (size > MAX_ELEMENTS) throw new UnsupportedError(`too large: a matrix with ${size} entries (at most ${MAX_ELEMENTS})`);
      return { t: "matrix", rows: rows.args.map((row) => { const rn = node(row); return rn.k === "fn" && rn.head === "List" ? rn.args.map((x) => readExpr(x, ctx)) : [readExpr(row, ctx)]; }) };
    }
    case "BaseForm": return r(0);
    case "Complex": return { t: "add", args: [r(0), { t: "mul", args: [r(1), { t: "const", name: "i" }] }] };
    case "Degrees": return { t: "mul", args: [r(0), { t: "div", num: { t: "const", name: "pi" }, den: num(180) }] };
    case "Annotated": case "Hold": return r(0);
    case "Error": {
      const why = findError(n.args.length ? ["Error", ...n.args] as Json : "Nothing") ?? "the LaTeX does not parse";
      throw /^unknown command/.test(why) ? new UnsupportedError(why) : new ReadError(why);
    }
  }
  const fn = FUNCTIONS[n.head];
  if (fn) return { t: "fn", name: fn, args: a.map((x) => readExpr(x, ctx)) };
  // `N(N+1)`, `E(p)`: the parser knows some single letters as its own functions; here they are symbols.
  if (/^[A-Za-z]$/.test(n.head) && !ctx.functions.has(n.head)) {
    return readProduct([n.head, ["Delimiter", a.length === 1 ? a[0] : ["Sequence", ...a]] as Json], ctx);
  }
  if (isUserFunctionName(n.head)) {
    return { t: "apply", id: symbolId(n.head), tex: symbolTex(n.head), args: a.map((x) => readExpr(x, ctx)) };
  }
  if (n.head === "Sequence") throw new ReadError("the checker cannot evaluate a list here");
  throw new UnsupportedError(`the checker cannot evaluate “${n.head}”`);
}

/** `\int_a^b f(x)\,dx` → fn integrate(body, x, a, b), integrated numerically (quadrature.ts). */
function readIntegral(a: Json[], ctx: ReadContext): Expr {
  const limits = a[1] !== undefined ? node(a[1]) : null;
  if (!limits || limits.k !== "fn" || limits.head !== "Tuple" || limits.args.length !== 3 || a.length > 2) {
    throw new UnsupportedError("an integral without numeric bounds (only definite integrals in one variable are evaluated)");
  }
  const variable = node(limits.args[0]);
  if (variable.k !== "sym") throw new UnsupportedError("an integral whose variable the checker cannot read");
  const id = symbolId(variable.name);
  return { t: "fn", name: "integrate", args: [readExpr(a[0], ctx), { t: "sym", id, tex: symbolTex(variable.name) }, readExpr(limits.args[1], ctx), readExpr(limits.args[2], ctx)] };
}

/** `\sum_{k=0}^{n} f(k)` → fn sum(body, k, lo, hi); evaluated when the bounds are integers (evaluate.ts). */
function readSumOrProduct(name: "sum" | "prod", a: Json[], ctx: ReadContext): Expr {
  const limits = a[1] !== undefined ? node(a[1]) : null;
  // `\sum_q Q_q^2`, `\sum_{\rm spins}|\mathcal M|^2`: a sum over a set the answer does not spell out (evaluate.ts).
  if (name === "sum" && a.length <= 2 && (!limits || (limits.k === "fn" && limits.head === "Tuple" && limits.args.length === 1))) {
    return { t: "fn", name: "formalsum", args: [readExpr(a[0], ctx)] };
  }
  if (!limits || limits.k !== "fn" || limits.head !== "Tuple" || limits.args.length !== 3) throw new UnsupportedError(`a ${name === "sum" ? "sum" : "product"} without an index and bounds`);
  const index = node(limits.args[0]);
  if (index.k !== "sym") throw new ReadError("a sum whose index is not a symbol");
  const id = symbolId(index.name);
  return { t: "fn", name, args: [readExpr(a[0], ctx), { t: "sym", id, tex: symbolTex(index.name) }, readExpr(limits.args[1], ctx), readExpr(limits.args[2], ctx)] };
}

/** `V(r)`, `f_n(x)`, `\Phi(x)`: a name the parser made a function head (not one of its own operators). */
function isUserFunctionName(head: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(head) && (head.length === 1 || head.includes("_") || /^[a-z]/.test(head) || GREEK.has(head));
}

export type { ReadContext };

export function readExpr(json: Json, ctx: ReadContext): Expr {
  const n = node(json);
  switch (n.k) {
    case "num":
      if (!Number.isFinite(n.value) && !/inf/i.test(n.text)) throw new ReadError(`“${n.text}” is not a number`);
      return num(n.value, n.text);
    case "sym":
      return readSymbol(n.name, ctx);
    case "str":
      if (isErrorText(n.text)) throw new ReadError(findError(json) ?? "the LaTeX does not parse");
      throw new ReadError(n.text.trim() ? `the text “${n.text.trim()}” is not math` : "an empty part");
    case "fn":
      return readFunction(n, ctx);
  }
}

/** A function call on the left of `=` (`\beta(g)`, `W(n)`): names the quantity whatever the declarations say. */
export function readNamingCall(json: Json, ctx: ReadContext): Expr | null {
  const n = node(json);
  if (n.k !== "fn") return null;
  if ((n.head === "InvisibleOperator" || n.head === "Multiply") && n.args.length === 2) {
    const head = node(n.args[0]);
    const call = node(n.args[1]);
    if (head.k === "sym" && call.k === "fn" && call.head === "Delimiter" && !ctx.placeholders.has(head.name)) {
      const s = readSymbol(head.name, ctx);
      if (s.t === "sym") return { t: "apply", id: s.id, tex: s.tex, args: argsOf(n.args[1], ctx) };
    }
  }
  return null;
}

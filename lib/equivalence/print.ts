// The machine reading of an answer written back as LaTeX ("read as: …"), so an author sees what the
// checker sees: Euler's number and the imaginary unit upright (e, i), symbols italic, products explicit.
import type { Answer, Expr, RegionPart, RelOp } from "./types";

const FN_TEX: Record<string, string> = {
  ln: "\\ln", log10: "\\log_{10}", log2: "\\log_2", exp: "\\exp", sin: "\\sin", cos: "\\cos", tan: "\\tan", cot: "\\cot",
  sec: "\\sec", csc: "\\csc", sinh: "\\sinh", cosh: "\\cosh", tanh: "\\tanh", coth: "\\coth", asin: "\\arcsin", acos: "\\arccos",
  atan: "\\arctan", gamma: "\\Gamma", zeta: "\\zeta", re: "\\operatorname{Re}", im: "\\operatorname{Im}", arg: "\\arg", max: "\\max", min: "\\min",
};
const CONST_TEX = { pi: "\\pi", e: "\\mathrm{e}", i: "\\mathrm{i}", gammaE: "\\gamma_{\\mathrm{E}}", inf: "\\infty" };
const REL_TEX: Record<RelOp, string> = { "<": "<", "<=": "\\le", "=": "=", "!=": "\\ne" };

const paren = (s: string) => `\\left(${s}\\right)`;
const isAtom = (e: Expr) => e.t === "sym" || e.t === "const" || (e.t === "num" && e.value >= 0) || e.t === "apply" || e.t === "matrix";

function printFactor(e: Expr): string {
  return e.t === "add" || e.t === "neg" || (e.t === "num" && e.value < 0) ? paren(printExpr(e)) : printExpr(e);
}

function printProduct(args: Expr[]): string {
  let out = "";
  args.forEach((a, i) => {
    const s = a.t === "pm" ? (a.minus ? "\\mp" : "\\pm") : printFactor(a);
    const prev = args[i - 1];
    const needsDot = i > 0 && (a.t === "num" || (prev?.t === "num" && /^\d/.test(s)));
    out += i === 0 ? s : needsDot ? `\\cdot ${s}` : `\\,${s}`;
  });
  return out;
}

function printSum(args: Expr[]): string {
  return args.map((a, i) => {
    if (i === 0) return printExpr(a);
    if (a.t === "neg") return `-${printFactor(a.arg)}`;
    if (a.t === "mul" && a.args[0]?.t === "pm") return printProduct(a.args);
    return `+${printExpr(a)}`;
  }).join("");
}

function printFunction(name: string, args: Expr[]): string {
  const inner = args.map(printExpr).join(", ");
  switch (name) {
    case "sqrt": return `\\sqrt{${inner}}`;
    case "root": return `\\sqrt[${printExpr(args[1])}]{${printExpr(args[0])}}`;
    case "abs": return `\\left|${inner}\\right|`;
    case "factorial": return `${printFactor(args[0])}!`;
    case "binomial": return `\\binom{${printExpr(args[0])}}{${printExpr(args[1])}}`;
    case "square": return `${printFactor(args[0])}^{2}`;
    case "sum": case "prod": return `\\${name}_{${printExpr(args[1])}=${printExpr(args[2])}}^{${printExpr(args[3])}}${printFactor(args[0])}`;
    case "integrate": return `\\int_{${printExpr(args[2])}}^{${printExpr(args[3])}}${printFactor(args[0])}\\,\\mathrm{d}${printExpr(args[1])}`;
    case "diag": return `\\operatorname{diag}${paren(inner)}`;
    case "formalsum": return `\\sum ${printFactor(args[0])}`;
  }
  return `${FN_TEX[name] ?? `\\operatorname{${name}}`}${paren(inner)}`;
}

export function printExpr(e: Expr): string {
  switch (e.t) {
    case "num": return e.text && !/[eE]/.test(e.text) ? e.text : String(e.value).replace(/e([+-]\d+)$/, (_, x: string) => `\\times 10^{${Number(x)}}`);
    case "sym": return e.tex;
    case "const": return CONST_TEX[e.name];
    case "add": return printSum(e.args);
    case "mul": return printProduct(e.args);
    case "div": return `\\frac{${printExpr(e.num)}}{${printExpr(e.den)}}`;
    case "neg": return `-${printFactor(e.arg)}`;
    case "pow": {
      const base = e.base.t === "fn" || !isAtom(e.base) ? paren(printExpr(e.base)) : printExpr(e.base);
      return `${base}^{${printExpr(e.exp)}}`;
    }
    case "fn": return printFunction(e.name, e.args);
    case "apply": return `${e.tex}${paren(e.args.map(printExpr).join(", "))}`;
    case "pm": return e.minus ? "\\mp" : "\\pm";
    case "matrix": return `\\begin{pmatrix}${e.rows.map((r) => r.map(printExpr).join(" & ")).join(" \\\\ ")}\\end{pmatrix}`;
  }
}

function printPart(p: RegionPart): string {
  if (p.t === "reals") return "\\mathbb{R}";
  if (p.t === "points") return `\\{${p.items.map(printExpr).join(", ")}\\}`;
  return `${p.loOpen ? "(" : "["}${printExpr(p.lo)}, ${printExpr(p.hi)}${p.hiOpen ? ")" : "]"}`;
}

export function printAnswer(a: Answer): string {
  switch (a.t) {
    case "expr": {
      let s = printExpr(a.e);
      if (a.unit) s += `\\,${a.unit.tex}`;
      if (a.unitText) s += `\\ \\text{${a.unitText.replace(/[{}\\]/g, "")}}`;
      return a.percent ? `${s}\\,\\%` : s;
    }
    case "eq": return a.lhs.t === "text" ? `\\ldots = ${printAnswer(a.rhs)}` : `${printAnswer(a.lhs)} = ${printAnswer(a.rhs)}`;
    case "approx": return `${a.exact ? `${printAnswer(a.exact)} ` : ""}\\approx ${printAnswer(a.value)}`;
    case "list": {
      const items = a.items.map(printAnswer).join(", ");
      return a.kind === "set" ? `\\{${items}\\}` : a.kind === "tuple" ? paren(items) : a.kind === "bracket" ? `\\left[${items}\\right]` : items;
    }
    case "region": {
      const parts = a.parts.length ? a.parts.map(printPart).join(" \\cup ") : "\\emptyset";
      return `${a.subject ? `${printExpr(a.subject)} \\in ` : ""}${a.negated ? "-" : ""}${parts}`;
    }
    case "rel": return a.members.map((m, i) => (i === 0 ? printExpr(m) : ` ${REL_TEX[a.ops[i - 1]]} ${printExpr(m)}`)).join("");
    case "text": return `\\text{${a.text.replace(/[{}\\$]/g, "")}}`;
  }
}

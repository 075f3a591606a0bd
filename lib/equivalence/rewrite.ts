// Token-level rewriting between the string normalisation and the parser, for the notation the parser
// gets wrong: decorated symbols (`\bar v`, `\slashed{p}`, `\hat n`, `\mathcal{M}`) and units after a number
// (`3.2\,\mathrm{GeV}`, `35 cm`) become placeholder symbols the reader maps back; `\mathrm`/`\text` inside
// subscripts is dropped (`k_{\rm B}` = `k_B`); variant Greek letters are unified (`\varepsilon` = `\epsilon`).
import { BARE_UNITS, parseUnit, type UnitInfo } from "./units";
import { bracketsAsGroups, moveDifferentials } from "./rewrite-groups";
import { detok, groupEnd, isLetterCommand, readArg, skipSpaces, tokenize, GREEK } from "./tokens";

export type Placeholder = { kind: "symbol"; id: string; tex: string } | { kind: "unit"; unit: UnitInfo; tex: string };
export type Rewritten = { latex: string; placeholders: Map<string, Placeholder> };

const ACCENTS: Record<string, string> = {
  "\\bar": "bar", "\\overline": "bar", "\\hat": "hat", "\\widehat": "hat", "\\tilde": "tilde", "\\widetilde": "tilde",
  "\\vec": "vec", "\\overrightarrow": "vec", "\\dot": "dot", "\\ddot": "ddot", "\\check": "check", "\\breve": "breve",
  "\\slashed": "slashed", "\\not": "slashed", "\\mathcal": "cal", "\\mathscr": "scr", "\\mathfrak": "frak",
  "\\mathbf": "bf", "\\boldsymbol": "bf", "\\bm": "bf", "\\mathsf": "sf", "\\mathbb": "bb", "\\mathds": "bb",
};
/** Differential operators read as symbols where they carry an index (`\partial_\mu`, `\partial^2`) or stand alone (`\Box`). */
const OPERATORS: Record<string, { id: string; tex: string; needsIndex: boolean }> = {
  "\\partial": { id: "partial", tex: "\\partial", needsIndex: true },
  "\\nabla": { id: "nabla", tex: "\\nabla", needsIndex: true },
  "\\Box": { id: "Box", tex: "\\Box", needsIndex: false },
  "\\square": { id: "Box", tex: "\\Box", needsIndex: false },
};
const ACCENT_TEX: Record<string, string> = { bar: "\\bar", cal: "\\mathcal", scr: "\\mathscr", frak: "\\mathfrak", bf: "\\mathbf", sf: "\\mathsf", bb: "\\mathbb" };
const VARIANTS: Record<string, string> = { "\\varepsilon": "\\epsilon", "\\vartheta": "\\theta", "\\varphi": "\\phi", "\\varrho": "\\rho", "\\varsigma": "\\sigma" };
const TEXT_COMMANDS = new Set(["\\mathrm", "\\text", "\\textrm", "\\mbox", "\\textbf", "\\textit", "\\mathit", "\\operatorname", "\\rm", "\\textnormal"]);
/** `\mathbb{R}` and friends are sets, not symbols: the parser knows them. */
const KNOWN_BB = new Set(["R", "C", "N", "Z", "Q"]);

/** A name the accent may decorate: letters, digits, Greek letters, primes — no operators. */
function isName(arg: string[]): boolean {
  const body = arg.filter((t) => t !== " ");
  return body.length > 0 && body.length <= 12 && body.every((t) => /^[A-Za-z0-9']$/.test(t) || (isLetterCommand(t) && (GREEK.has(t.slice(1)) || t === "\\partial" || t === "\\nabla")));
}

function quantityBefore(out: string[]): boolean {
  for (let j = out.length - 1; j >= 0; j--) {
    const t = out[j];
    if (t === " ") continue;
    return /^[0-9.})\]]$/.test(t);
  }
  return false;
}

/** Reads a unit written after a quantity at `i`: `\mathrm{GeV}`, `\text{ fb}^{-1}`, `cm`. */
function readUnit(tokens: string[], i: number): { unit: UnitInfo; next: number } | null {
  let j = skipSpaces(tokens, i);
  let prefix = "";
  // `2.2\,\mu\mathrm{s}`, `3\,\mu m`: the micro prefix written as a Greek letter.
  if (tokens[j] === "\\mu" && (TEXT_COMMANDS.has(tokens[skipSpaces(tokens, j + 1)]) || /^[A-Za-z]$/.test(tokens[skipSpaces(tokens, j + 1)] ?? ""))) {
    prefix = "μ";
    j = skipSpaces(tokens, j + 1);
  }
  let text: string;
  let next: number;
  if (TEXT_COMMANDS.has(tokens[j]) && tokens[skipSpaces(tokens, j + 1)] === "{") {
    const open = skipSpaces(tokens, j + 1);
    const end = groupEnd(tokens, open);
    if (end < 0) return null;
    text = prefix + detok(tokens.slice(open + 1, end - 1)).trim();
    next = end;
  } else {
    let k = j;
    while (k < tokens.length && /^[A-Za-z]$/.test(tokens[k])) k++;
    text = tokens.slice(j, k).join("");
    if (prefix && parseUnit(`μ${text}`)) text = `μ${text}`;
    else if (!BARE_UNITS.has(text) || /^[A-Za-z]$/.test(tokens[k] ?? "")) return null;
    next = k;
  }
  const power = /^\s*\^\s*(\{\s*-?\d+\s*\}|-?\d)/.exec(tokens.slice(next, next + 8).join(""));
  if (power) {
    const consumed = tokenize(power[0]).length;
    text += `^${power[1]}`;
    next += consumed;
  }
  // `\mathrm{GeV}/c^2`: a mass in energy units over c².
  const overC = /^\s*\/\s*c(?:\s*\^\s*(\{\s*\d\s*\}|\d))?(?![A-Za-z])/.exec(tokens.slice(next, next + 10).join(""));
  if (overC && !text.includes("/")) {
    text += `/c${overC[1] ? `^${overC[1]}` : ""}`;
    next += tokenize(overC[0]).length;
  }
  const unit = parseUnit(text);
  return unit ? { unit, next } : null;
}

export function rewrite(latex: string): Rewritten {
  const tokens = bracketsAsGroups(moveDifferentials(tokenize(latex)));
  const out: string[] = [];
  const placeholders = new Map<string, Placeholder>();
  const add = (p: Placeholder, prefix: "fws" | "fwu") => {
    const name = `${prefix}${placeholders.size}`;
    placeholders.set(name, p);
    out.push("\\mathrm", "{", name, "}");
  };
  let subscriptDepth = -1;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === "{") depth++;
    if (t === "}") {
      depth--;
      if (depth < subscriptDepth) subscriptDepth = -1;
    }
    if (t === "_" && tokens[skipSpaces(tokens, i + 1)] === "{" && subscriptDepth < 0) subscriptDepth = depth + 1;
    if (subscriptDepth >= 0 && TEXT_COMMANDS.has(t)) continue;
    if (VARIANTS[t]) {
      out.push(VARIANTS[t]);
      continue;
    }
    const operator = OPERATORS[t];
    if (operator && (!operator.needsIndex || /^[_^]$/.test(tokens[skipSpaces(tokens, i + 1)] ?? ""))) {
      add({ kind: "symbol", id: operator.id, tex: operator.tex }, "fws");
      continue;
    }
    const accent = ACCENTS[t];
    if (accent) {
      const arg = readArg(tokens, i + 1);
      if (arg && isName(arg.arg) && !(accent === "bb" && KNOWN_BB.has(arg.arg.join("").trim()))) {
        const base = detok(arg.arg.filter((x) => x !== " "));
        add({ kind: "symbol", id: `${accent}(${base})`, tex: `${ACCENT_TEX[accent] ?? t}{${base}}` }, "fws");
        i = arg.next - 1;
        continue;
      }
    }
    if (subscriptDepth < 0 && quantityBefore(out) && (TEXT_COMMANDS.has(t) || /^[A-Za-z]$/.test(t) || t === "\\mu")) {
      const unit = readUnit(tokens, i);
      if (unit) {
        add({ kind: "unit", unit: unit.unit, tex: unit.unit.latex }, "fwu");
        i = unit.next - 1;
        continue;
      }
    }
    out.push(t);
  }
  return { latex: detok(out), placeholders };
}

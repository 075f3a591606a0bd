// From what was written to a reading: extract the answer, normalise the spelling, rewrite what the parser
// misreads, parse (compute-engine's LaTeX parser), then read the structure and the expressions. A left side
// that only labels the answer (read-label.ts) is dropped before parsing. Inputs past the size caps
// (budget.ts) are refused first, and anything the parser throws becomes a ReadError.
import { BudgetError, checkSize } from "./budget";
import { extractAnswer, lastNumber } from "./extract";
import { normalise } from "./normalise";
import { readAnswer } from "./read-answer";
import { readApproxValue } from "./read-equation";
import { isLabel, labelKey, splitAtRelation, withoutProcess } from "./read-label";
import { symbolId, type ReadContext } from "./read-names";
import { rewrite } from "./rewrite";
import { node, parseMath } from "./syntax";
import { ReadError, UnsupportedError, type Answer, type Declarations, type Reading } from "./types";

type DeclaredNames = { symbols: Set<string>; functions: Set<string>; ids: Set<string> };
const declarationCache = new Map<string, DeclaredNames>();

/** The parser's names for declared symbols (`\gamma` → EulerGamma, `e` → e) and functions. */
function declaredNames(declarations: Declarations): DeclaredNames {
  const key = JSON.stringify([declarations.symbols ?? [], declarations.functions ?? []]);
  const cached = declarationCache.get(key);
  if (cached) return cached;
  const nameOf = (latex: string): string | null => {
    const json = parseMath(rewrite(latex).latex, new Set());
    const n = json === null ? null : node(json);
    return n?.k === "sym" ? n.name : null;
  };
  const symbols = new Set<string>();
  const ids = new Set<string>();
  for (const s of declarations.symbols ?? []) {
    const name = nameOf(s);
    if (name) { symbols.add(name); ids.add(symbolId(name)); }
    if (/^[A-Za-z][A-Za-z0-9_]*$/.test(s)) ids.add(s);
  }
  const functions = new Set((declarations.functions ?? []).map(nameOf).filter((n): n is string => !!n));
  const result = { symbols, functions, ids };
  if (declarationCache.size > 200) declarationCache.clear();
  declarationCache.set(key, result);
  return result;
}

/** `\left` and `\right` must pair up (the normalisation drops them, so check before). */
function checkLeftRight(latex: string): void {
  const lefts = (latex.match(/\\left(?![a-zA-Z])/g) ?? []).length;
  const rights = (latex.match(/\\right(?![a-zA-Z])/g) ?? []).length;
  if (lefts !== rights) throw new ReadError(`unbalanced \\left/\\right (${lefts} \\left, ${rights} \\right)`);
}

export function readLatex(source: string, declarations: Declarations = {}): Reading {
  if (!source.trim()) throw new ReadError("the answer is empty");
  checkSize(source);
  try {
    return readChecked(source, declarations);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    // The parser's own failures (a stack overflow on pathological input, an internal error) are no verdict.
    throw new UnsupportedError(`the checker could not read it (${error instanceof RangeError ? "too deeply nested" : (error as Error)?.message ?? String(error)})`);
  }
}

function readChecked(source: string, declarations: Declarations): Reading {
  const extracted = extractAnswer(source);
  try {
    const reading = readExtracted(extracted.latex, extracted.how !== "boxed" && extracted.how !== "math", declarations, source);
    if (!extracted.lastBox) return reading;
    try {
      return { ...reading, lastBox: readExtracted(extracted.lastBox, false, declarations, source) };
    } catch {
      return reading;
    }
  } catch (error) {
    // Plain text that is not LaTeX at all (`Soucis : 2,74 $ a..`): its last number is the answer.
    const number = extracted.how === "whole" && !/[\\{}^_]/.test(extracted.latex) ? lastNumber(extracted.latex) : null;
    if (error instanceof ReadError && number) return readExtracted(number, true, declarations, source);
    throw error;
  }
}

/** Parses and reads normalised LaTeX. */
function readMath(latex: string, declarations: Declarations): Answer {
  const rewritten = rewrite(latex);
  const names = declaredNames(declarations);
  const json = parseMath(rewritten.latex, names.functions);
  if (json === null) throw new ReadError("nothing to read");
  const ctx: ReadContext = { placeholders: rewritten.placeholders, symbols: names.symbols, functions: names.functions };
  return readAnswer(json, ctx);
}

/** `label = value`: the value read alone, the label kept as text (it names the quantity). */
function readLabelled(label: string, op: "=" | "approx", rhs: string, declarations: Declarations): Answer {
  if (!rhs) throw new ReadError("an equation with an empty side");
  const value = readMath(rhs, declarations);
  const answer = op === "approx" ? readApproxValue(value) : value;
  return { t: "eq", lhs: { t: "text", text: label }, rhs: answer, naming: true, key: labelKey(label) };
}

/** The answer of normalised LaTeX, with a label on the left dropped where it only names the quantity. */
function readStructure(latex: string, declarations: Declarations): Answer {
  const split = splitAtRelation(latex);
  if (split && isLabel(split.label)) {
    // Without its process the left side may be a name like any other (`\sigma`, `i\mathcal{M}`).
    const name = withoutProcess(split.label);
    if (name && name !== split.label && !isLabel(name)) {
      try {
        return readStructure(`${name} ${split.op === "approx" ? "\\approx" : "="} ${split.rhs}`, declarations);
      } catch (error) {
        if (error instanceof BudgetError) throw error;
      }
    }
    return readLabelled(split.label, split.op, split.rhs, declarations);
  }
  try {
    return readMath(latex, declarations);
  } catch (error) {
    // A left side the parser cannot read (`\Box\phi = …`) still names the quantity when the right side reads.
    if (!(error instanceof ReadError) || error instanceof BudgetError || !split) throw error;
    let lhsReads = true;
    try { readMath(split.label, declarations); } catch { lhsReads = false; }
    if (lhsReads) throw error;
    return readLabelled(split.label, split.op, split.rhs, declarations);
  }
}

/** A percent sign belongs to the value: the answer itself, the right side of `x = 5\%`, the value after ≈. */
function withPercent(a: Answer): Answer {
  if (a.t === "expr") return { ...a, percent: true };
  if (a.t === "eq") return { ...a, rhs: withPercent(a.rhs) };
  if (a.t === "approx") return { ...a, value: { ...a.value, percent: true } };
  return a;
}

function readExtracted(latex: string, plainText: boolean, declarations: Declarations, source: string): Reading {
  checkLeftRight(latex);
  const normal = normalise(latex, plainText);
  if (!normal.latex) throw new ReadError("the answer is empty");
  let answer = readStructure(normal.latex, declarations);
  if (normal.percent) answer = withPercent(answer);
  return { answer, notes: { droppedTail: normal.droppedTail }, source };
}

/** The symbol ids of declared names (`m_\\pi` → `m_pi`), e.g. the symbols declared real. */
export function symbolIds(names: string[] = []): Set<string> {
  return names.length ? declaredNames({ symbols: names }).ids : new Set();
}

/** Symbol ids an argument name may appear as (`m_pi` for `m_\pi`, `omega` for `\omega`). */
export function argumentIds(name: string): string[] {
  return [...declaredNames({ symbols: [name, `\\${name}`] }).ids, name];
}

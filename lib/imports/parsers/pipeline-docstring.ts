// The Google-style docstring of "Answer Requirements": Args entries, the Returns section, and the
// sentences renderSkeleton appends to descriptions (`Domain: …`, `One of: …`, `Element i (str) is one
// of: …`), which become min/max/options and are removed from the description text.

export type ArgDoc = { name: string; typeText: string | null; text: string };
export type ElementDoc = { index: number; typeText: string | null; options: string[] };
/** `lines`: the section's text lines, trimmed, without the element lines. */
export type ReturnsDoc = { lines: string[]; elements: ElementDoc[] };
export type DocSections = { args: ArgDoc[]; returns: ReturnsDoc | null };

const HEADER =
  /^\s*(Args|Arguments|Parameters|Params|Keyword Args|Keyword Arguments|Returns?|Yields?|Raises|Examples?|Notes?|Attributes|References|See Also|Todo|Warnings?|Warns)\s*:\s*$/i;
const ENTRY = /^(\*{0,2}[\p{L}_][\p{L}\p{N}_]*)\s*(?:\((.*?)\))?\s*:(.*)$/u;

const DQ = String.raw`"(?:[^"\\]|\\.)*"`;
const SQ = String.raw`'(?:[^'\\]|\\.)*'`;
const QUOTED = `(?:${DQ}|${SQ})`;
const QUOTED_LIST = String.raw`${QUOTED}(?:\s*,\s*${QUOTED})*`;
const ONE_OF = new RegExp(String.raw`\s*\bOne of:\s*(${QUOTED_LIST})\s*\.?(?=\s|$)`, "gi");
const ELEMENT = new RegExp(String.raw`^Element\s+(\d+)\s*(?:\(([^)]*)\))?\s*(?:is\s+)?:?\s*one of:?\s*(${QUOTED_LIST})\s*\.?$`, "i");
const NUM = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const LE = String.raw`(?:<=?|≤)`;
const GE = String.raw`(?:>=?|≥)`;

const indentOf = (line: string) => line.length - line.trimStart().length;

/** inspect.cleandoc: the first line stripped, the rest dedented, blank lines at both ends dropped. */
function cleandoc(doc: string): string[] {
  const lines = doc.replace(/\t/g, "    ").split("\n");
  const rest = lines.slice(1).filter((l) => l.trim());
  const indent = rest.length ? Math.min(...rest.map(indentOf)) : 0;
  const out = [lines[0].trim(), ...lines.slice(1).map((l) => l.slice(Math.min(indent, indentOf(l))).trimEnd())];
  while (out.length && !out[0]) out.shift();
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
}

function sectionName(header: string): string {
  const h = header.toLowerCase();
  if (["args", "arguments", "parameters", "params", "keyword args", "keyword arguments"].includes(h)) return "args";
  if (h === "returns" || h === "return") return "returns";
  return h;
}

function sections(lines: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>([["summary", []]]);
  let current = "summary";
  for (const line of lines) {
    const header = HEADER.exec(line);
    if (header) {
      current = sectionName(header[1]);
      if (!out.has(current)) out.set(current, []);
    } else out.get(current)!.push(line);
  }
  return out;
}

/** Entries of a section: a line at the section's indentation starts one, deeper lines continue it. */
function entries(lines: string[]): string[][] {
  const body = lines.filter((l) => l.trim());
  const base = body.length ? Math.min(...body.map(indentOf)) : 0;
  const groups: string[][] = [];
  for (const line of body) {
    if (indentOf(line) <= base || !groups.length) groups.push([line.trim()]);
    else groups[groups.length - 1].push(line.trim());
  }
  return groups;
}

function readArgs(lines: string[]): ArgDoc[] {
  return entries(lines).flatMap(([first, ...more]) => {
    const m = ENTRY.exec(first);
    if (!m) return [];
    const text = [m[3].trim(), ...more].filter(Boolean).join(" ");
    return [{ name: m[1], typeText: m[2]?.trim() || null, text }];
  });
}

function readReturns(lines: string[]): ReturnsDoc {
  const elements: ElementDoc[] = [];
  const text: string[] = [];
  for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
    const m = ELEMENT.exec(line);
    if (m) elements.push({ index: Number(m[1]), typeText: m[2]?.trim() || null, options: unquoteList(m[3]) });
    else text.push(line);
  }
  return { lines: text, elements };
}

export function readDocstring(doc: string): DocSections {
  const parts = sections(cleandoc(doc));
  const returns = parts.get("returns");
  return { args: readArgs(parts.get("args") ?? []), returns: returns ? readReturns(returns) : null };
}

function unquote(q: string): string {
  if (q.startsWith('"')) {
    try {
      return JSON.parse(q) as string;
    } catch {
      // not JSON-escaped after all (e.g. "\alpha"): take it as written
    }
  }
  return q.slice(1, -1).replace(/\\(["'\\])/g, "$1");
}

function unquoteList(list: string): string[] {
  return [...list.matchAll(new RegExp(QUOTED, "g"))].map((m) => unquote(m[0]).trim());
}

/** Removes the last `One of: "a", "b".` sentence of a description and returns its options. */
export function takeOptions(text: string): { text: string; options: string[] | null } {
  const last = [...text.matchAll(ONE_OF)].pop();
  if (!last || last.index === undefined) return { text, options: null };
  const rest = (text.slice(0, last.index) + text.slice(last.index + last[0].length)).trim();
  return { text: rest, options: unquoteList(last[1]) };
}

/** Removes a `Domain: …` sentence about `name` from a description and returns its bounds. */
export function takeDomain(text: string, name: string): { text: string; min?: number; max?: number } {
  const n = name.replace(/[^\p{L}\p{N}_]/gu, "");
  const forms: [string, (m: RegExpExecArray) => { min?: number; max?: number }][] = [
    [`(${NUM})\\s*${LE}\\s*${n}\\s*${LE}\\s*(${NUM})`, (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
    [`${n}\\s*(?:in|∈)\\s*\\[\\s*(${NUM})\\s*,\\s*(${NUM})\\s*\\]`, (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
    [`${n}\\s*${GE}\\s*(${NUM})`, (m) => ({ min: Number(m[1]) })],
    [`${n}\\s*${LE}\\s*(${NUM})`, (m) => ({ max: Number(m[1]) })],
    [`(${NUM})\\s*${LE}\\s*${n}`, (m) => ({ min: Number(m[1]) })],
    [`(${NUM})\\s*${GE}\\s*${n}`, (m) => ({ max: Number(m[1]) })],
  ];
  for (const [form, bounds] of forms) {
    // the sentence must end here, so `5 <= x` is not read out of `5 <= x <= 1`
    const m = new RegExp(`\\s*\\bDomain:\\s*${form}\\s*(?:\\.(?=\\s|$)|$)`, "u").exec(text);
    if (!m) continue;
    const b = bounds(m);
    if (![b.min, b.max].every((v) => v === undefined || Number.isFinite(v))) continue;
    if (b.min !== undefined && b.max !== undefined && b.min > b.max) continue;
    return { text: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim(), ...b };
  }
  return { text };
}

/**
 * A Returns line's leading `type:` (`tuple[float, str]: The energy…`): the text before the first colon
 * outside brackets that ends a word, or null when there is none. Whether it is a type is the caller's call.
 */
export function splitTypePrefix(text: string): { typeText: string; rest: string } | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth--;
    else if (c === ":" && depth === 0 && (i + 1 === text.length || /\s/.test(text[i + 1]))) {
      return { typeText: text.slice(0, i).trim(), rest: text.slice(i + 1).trim() };
    }
  }
  return null;
}

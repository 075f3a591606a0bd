// Finding the answer in what was written: every `\boxed{}` (several become a list), else what follows
// "final answer is" / "the answer is", else the last math segment ($…$, $$…$$, \(…\), \[…\]), else the
// whole text when it is short math, else the last number of a prose sentence.
import { fixBackslashes } from "./normalise";
import { braceContent } from "./tokens";

export type Extracted = { latex: string; how: "boxed" | "stated" | "math" | "number" | "whole" };

const ESCAPED_DOLLAR = "\uE000";
const NUMBER = /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d*[.,]?\d+(?:\s*\/\s*\d+(?:\.\d+)?)?/g;

function boxedContents(s: string): string[] {
  const found: string[] = [];
  const re = /\\(?:boxed|fbox)\s*\{/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const open = m.index + m[0].length - 1;
    const group = braceContent(s, open);
    found.push(group ? group.content : s.slice(open + 1));
    if (!group) break;
    re.lastIndex = group.end;
  }
  return found.map((c) => c.trim()).filter(Boolean);
}

type Segment = { content: string; start: number; end: number };

/** Math segments in order: `$$…$$`, `\[…\]`, `\(…\)`, `$…$`. */
function mathSegments(s: string): Segment[] {
  const segments: Segment[] = [];
  const re = /\$\$([\s\S]*?)\$\$|\\\[([\s\S]*?)\\\]|\\\(([\s\S]*?)\\\)|\$([^$]*?)\$/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const content = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").trim();
    if (content) segments.push({ content, start: m.index, end: m.index + m[0].length });
  }
  return segments;
}

/** A percent sign or word written just after a math segment (`$28$ %`) belongs to it. */
function withPercentAfter(s: string, seg: Segment): string {
  return /^\s*(?:\\?%|percent\b|pct\b)/i.test(s.slice(seg.end)) ? `${seg.content}\\%` : seg.content;
}

const isProse = (s: string) => (s.replace(/\\[A-Za-z]+/g, " ").match(/[A-Za-z]{2,}/g) ?? []).length >= 3;

/** The last number in a text (`1,000.99`, `2,74`, `.4`, `2/3`). */
export function lastNumber(s: string): string | null {
  const all = s.match(NUMBER);
  return all ? all[all.length - 1].replace(/\s+/g, "") : null;
}

/** What follows the last "final answer is" / "the answer is": its first math segment or its sentence. */
function statedAnswer(s: string): string | null {
  const re = /(?:final answer|the answer)\s*(?:is|:)?\s*:?/gi;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  if (!last) return null;
  const rest = s.slice(last.index + last[0].length);
  const first = mathSegments(rest)[0];
  if (first && rest.slice(0, first.start).trim() === "") return withPercentAfter(rest, first);
  const sentence = rest.split(/\.\s|\n|\bI hope\b/)[0].trim().replace(/\.$/, "");
  const afterIs = sentence.split(/\s+is\s+/).pop()!.trim();
  const seg = mathSegments(afterIs).pop();
  if (seg) return withPercentAfter(afterIs, seg);
  return afterIs && !isProse(afterIs) ? afterIs : lastNumber(afterIs);
}

export function extractAnswer(raw: string): Extracted {
  let s = fixBackslashes(raw).replace(/\\\$/g, ESCAPED_DOLLAR);
  const restore = (x: string) => x.replaceAll(ESCAPED_DOLLAR, "\\$").trim();
  const boxed = boxedContents(s);
  // The same box repeated (an answer restated at the end) is one answer.
  if (boxed.length) return { latex: restore([...new Set(boxed)].join(", ")), how: "boxed" };
  // An odd number of `$` means one is a currency sign, not a delimiter.
  if ((s.match(/\$/g) ?? []).length % 2 === 1) s = s.replace(/\$(?=\s*\d)/, "");
  const stated = statedAnswer(s);
  if (stated) return { latex: restore(stated), how: "stated" };
  const segments = mathSegments(s);
  if (segments.length) {
    const last = segments[segments.length - 1];
    return { latex: restore(withPercentAfter(s, last)), how: "math" };
  }
  if (isProse(s)) {
    const n = lastNumber(s);
    if (n) return { latex: n, how: "number" };
  }
  return { latex: restore(s), how: "whole" };
}

// Finding the answer in what was written: every `\boxed{}` (several become a list), else what follows
// "final answer is" / "the answer is", else the last math segment ($…$, $$…$$, \(…\), \[…\]), else the
// whole text when it is short math, else the last number of a prose sentence.
import { fixBackslashes } from "./normalise";
import { braceContent } from "./tokens";

/** `lastBox`: with several boxes, the last one alone (a final answer after intermediate boxed results). */
export type Extracted = { latex: string; how: "boxed" | "stated" | "math" | "number" | "whole"; lastBox?: string };

/** What may stand between formulas that together make one answer (`$12$ and $13$`). */
const SEPARATOR_ONLY = /^\s*(?:,|and|or|;)?\s*$/i;
const ESCAPED_DOLLAR = "\uE000";
const NUMBER = /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d*[.,]?\d+(?:\s*\/\s*\d+(?:\.\d+)?)?/g;

type Box = { content: string; start: number };

function boxes(s: string): Box[] {
  const found: Box[] = [];
  const re = /\\(?:boxed|fbox)\s*\{/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const open = m.index + m[0].length - 1;
    const group = braceContent(s, open);
    found.push({ content: (group ? group.content : s.slice(open + 1)).trim(), start: m.index });
    if (!group) break;
    re.lastIndex = group.end;
  }
  return found.filter((b) => b.content);
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

/** Three or more words: letters between spaces or punctuation (not `T^aT^b` or `{ab}` in a formula). */
// Two-letter words of a sentence. Other two-letter runs are math: differentials (`dx\,dy\,dz`), products of
// symbols (`ab`), units (`eV`), so they never make a formula read as prose.
const SHORT_WORDS = new Set(["is", "of", "so", "we", "to", "at", "in", "on", "an", "as", "it", "be", "by", "or", "if", "no", "up", "us"]);
/** Text with at least three words of prose in it (LaTeX commands aside). */
const isProse = (s: string) =>
  (s.replace(/\\[A-Za-z]+/g, " ").match(/(?<![\w^_{(|])[A-Za-z]{2,}(?![\w^_}(|])/g) ?? []).filter((w) => w.length > 2 || SHORT_WORDS.has(w.toLowerCase())).length >= 3;

/** The last number in a text (`1,000.99`, `2,74`, `.4`, `2/3`), with a percent sign written after it. */
export function lastNumber(s: string): string | null {
  const all = [...s.matchAll(NUMBER)];
  const last = all[all.length - 1];
  if (!last) return null;
  const percent = /^\s*(?:%|percent\b)/i.test(s.slice(last.index + last[0].length));
  return last[0].replace(/\s+/g, "") + (percent ? "\\%" : "");
}

/** What follows the last "final answer is" / "the answer is": its first math segment or its sentence. */
function statedAnswer(s: string): { latex: string; at: number } | null {
  const re = /(?:final answer|the answer)\s*(?:is|:)?\s*:?/gi;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  if (!last) return null;
  const latex = statedText(s.slice(last.index + last[0].length));
  return latex ? { latex, at: last.index } : null;
}

function statedText(rest: string): string | null {
  const first = mathSegments(rest)[0];
  if (first && rest.slice(0, first.start).replace(/["'\\]/g, "").trim() === "") {
    // `$12$ and $13$`: formulas joined by "and"/"or"/commas are one answer.
    const following = mathSegments(rest).filter((seg) => seg.start >= first.start);
    let end = 1;
    while (end < following.length && SEPARATOR_ONLY.test(rest.slice(following[end - 1].end, following[end].start))) end++;
    return following.slice(0, end).map((seg) => withPercentAfter(rest, seg)).join(", ");
  }
  const sentence = rest.split(/\.\s|\n|\bI hope\b/)[0].trim().replace(/\.$/, "");
  const afterIs = sentence.split(/\s+is\s+/).pop()!.trim();
  const seg = mathSegments(afterIs).pop();
  if (seg) return withPercentAfter(afterIs, seg);
  return afterIs && !isProse(afterIs) ? afterIs : lastNumber(afterIs);
}

/** The last math segment, joined with the ones before it when only "and", "or" or commas separate them. */
function lastMath(s: string, segments: Segment[]): string {
  const run = [segments[segments.length - 1]];
  for (let i = segments.length - 2; i >= 0; i--) {
    const gap = s.slice(segments[i].end, run[0].start);
    if (!SEPARATOR_ONLY.test(gap)) break;
    run.unshift(segments[i]);
  }
  return run.map((seg) => withPercentAfter(s, seg)).join(", ");
}

export function extractAnswer(raw: string): Extracted {
  let s = fixBackslashes(raw).replace(/\\\$/g, ESCAPED_DOLLAR);
  const restore = (x: string) => x.replaceAll(ESCAPED_DOLLAR, "\\$").trim();
  // An odd number of `$` means one is a currency sign, not a delimiter.
  if ((s.match(/\$/g) ?? []).length % 2 === 1) s = s.replace(/\$(?=\s*\d)/, "");
  const boxed = boxes(s);
  const stated = statedAnswer(s);
  // A box is the answer unless "the final answer is …" comes after it.
  if (boxed.length && !(stated && stated.at > boxed[boxed.length - 1].start)) {
    // The same box repeated (an answer restated at the end) is one answer; several make a list.
    const distinct = [...new Set(boxed.map((b) => b.content))];
    return { latex: restore(distinct.join(", ")), how: "boxed", ...(distinct.length > 1 ? { lastBox: restore(boxed[boxed.length - 1].content) } : {}) };
  }
  if (stated) return { latex: restore(stated.latex), how: "stated" };
  const segments = mathSegments(s);
  if (segments.length) {
    // A number stated in prose after the last formula ("… so there are 12 of them.") is the answer.
    const after = s.slice(segments[segments.length - 1].end);
    const trailing = isProse(after) ? lastNumber(after) : null;
    if (trailing) return { latex: trailing, how: "number" };
    return { latex: restore(lastMath(s, segments)), how: "math" };
  }
  // Prose, or plain text with a word in it (`Soucis : 2,74 $ a..`): the last number.
  if (isProse(s) || (!/[\\{}^_]/.test(s) && /(?:^|\s)[A-Za-z]{4,}(?=\s|$|[:.,])/.test(s))) {
    const n = lastNumber(s);
    if (n) return { latex: n, how: "number" };
  }
  return { latex: restore(s), how: "whole" };
}

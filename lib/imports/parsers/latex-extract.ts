// Problems out of a parsed LaTeX file: problem-like environments (with an optional [Title] and a solution
// environment inside or right after them) and the items of a numbered list under a "Problems" heading.
// Text is sliced from the original source — math and spacing stay as the author wrote them — minus comments.
import type { ParsedFile } from "../types";
import { cleanSource, endOf, envName, isMacro, isString, lineOf, readOptional, skipBlank, startOf, type Arg, type Environment, type Node } from "./latex-ast";
import type { TexDoc } from "./latex-files";

/** document: problems are extracted; body: inside one (only definitions and errors); package: macros only. */
export type Frame = { doc: TexDoc; depth: number; mode: "document" | "body" | "package" };
/** Walks nodes for definitions and broken structure (the walker, passed in to keep the modules acyclic). */
export type Scan = (nodes: Node[], frame: Frame) => void;
type Sink = { out: ParsedFile; sourceIdentifier: string };

const PROBLEM_ENVS = new Set(["problem", "exercise", "question", "example", "prob", "ex", "homework"]);
const SOLUTION_ENVS = new Set(["solution"]);
export const PROBLEM_HEADING = /problem|exercise|homework|question/i;
// What may sit between a problem and its solution without separating them.
const SPACING = new Set(["smallskip", "medskip", "bigskip", "noindent", "par", "vfill", "newpage", "clearpage", "pagebreak", "vspace"]);

const baseName = (env: string) => env.toLowerCase().replace(/\*$/, "");
export const isProblemEnv = (env: string) => PROBLEM_ENVS.has(baseName(env));
const isSolution = (node: Node | undefined): node is Environment => node?.type === "environment" && SOLUTION_ENVS.has(baseName(envName(node)));

/** nodes[i] is a problem environment; returns the index after it (and after a solution that follows it). */
export function takeProblem(nodes: Node[], i: number, frame: Frame, sink: Sink, scan: Scan): number {
  const env = nodes[i] as Environment;
  const title = readOptional(env.content, 0);
  const body = extractBody(env.content.slice(title.next), frame, sink, scan);
  let next = i + 1;
  const after = skipSpacing(nodes, i + 1);
  if (isSolution(nodes[after])) {
    const solution = extractBody(nodes[after].content, frame, sink, scan);
    body.solutions.push(solution.problem);
    body.broken ||= solution.broken;
    next = after + 1;
  }
  emit(body, titleOf(title.arg, frame.doc.text), `${frame.doc.path}:${lineOf(env)}`, sink);
  return next;
}

/** `[Title]`; exercise packages (xsim, exsheets) put `key=value` options there instead, which are no title. */
function titleOf(arg: Arg | null, src: string): string {
  const text = arg ? cleanSource(src, arg.start, arg.end, arg.nodes).replace(/\s+/g, " ") : "";
  return /^[\w-]+\s*=/.test(text) ? "" : text;
}

/** Each top-level `\item` (or the exam class's `\question`) is one problem; nested lists stay in their item. */
export function takeItems(env: Environment, marker: string, heading: string, frame: Frame, sink: Sink, scan: Scan): void {
  const content = env.content;
  const starts = content.flatMap((node, k) => (isMacro(node, marker) ? [k] : []));
  scan(content.slice(0, starts[0] ?? content.length), { ...frame, mode: "body" });
  starts.forEach((start, n) => {
    const label = readOptional(content, start + 1);
    const body = extractBody(content.slice(label.next, starts[n + 1] ?? content.length), frame, sink, scan);
    emit(body, `${heading} ${n + 1}`, `${frame.doc.path}:${lineOf(content[start])}`, sink);
  });
}

type Body = { problem: string; solutions: string[]; broken: boolean };

/** The text of `nodes` with any top-level solution environments taken out as solutions. */
function extractBody(nodes: Node[], frame: Frame, sink: Sink, scan: Scan): Body {
  const errorsBefore = sink.out.errors.length;
  scan(nodes, { ...frame, mode: "body" });
  const src = frame.doc.text;
  const pieces: string[] = [];
  const solutions: string[] = [];
  let runStart = 0;
  const flush = (end: number) => {
    const run = nodes.slice(runStart, end);
    if (run.length) pieces.push(cleanSource(src, startOf(run[0]), endOf(run[run.length - 1]), run));
  };
  nodes.forEach((node, k) => {
    if (!isSolution(node)) return;
    flush(k);
    const content = node.content;
    solutions.push(content.length ? cleanSource(src, startOf(content[0]), endOf(content[content.length - 1]), content) : "");
    runStart = k + 1;
  });
  flush(nodes.length);
  return { problem: pieces.filter(Boolean).join("\n\n"), solutions, broken: sink.out.errors.length > errorsBefore };
}

function emit(body: Body, title: string, location: string, sink: Sink): void {
  if (body.broken) return; // already reported where it breaks; half a problem is worse than none
  if (!body.problem) {
    sink.out.skipped++;
    return;
  }
  const solution = body.solutions.filter(Boolean).join("\n\n");
  sink.out.seeds.push({ sourceIdentifier: sink.sourceIdentifier, problem: body.problem, solution: solution || null, title: title || null, location });
}

function skipSpacing(nodes: Node[], i: number): number {
  let k = skipBlank(nodes, i, true);
  for (let node = nodes[k]; isMacro(node) && SPACING.has(node.content); node = nodes[k]) {
    k++;
    if (isString(nodes[k], "*")) k++;
    if (nodes[k]?.type === "group") k++;
    k = skipBlank(nodes, k, true);
  }
  return k;
}

// Reads a LaTeX upload in TeX's order: from the main file through \input/\include (and the local packages it
// loads) — so macros, section headings and problems are met as LaTeX would meet them — collecting
// definitions, metadata and problems, and reporting broken structure where it is, file and line.
import type { ParsedFile } from "../types";
import { envName, isMacro, lineOf, plainText, readOptional, readRequired, readStar, skipBlank, startOf, endOf, type Macro, type Node } from "./latex-ast";
import { takeItems, takeProblem, PROBLEM_HEADING, isProblemEnv, type Frame, type Scan } from "./latex-extract";
import { dirOf, isPackage, type TexFiles } from "./latex-files";
import { readDefinition, type MacroTable } from "./latex-macros";

export type WalkState = {
  files: TexFiles;
  mainDir: string;
  sourceIdentifier: string;
  maxDepth: number;
  out: ParsedFile;
  macros: MacroTable;
  /** the nearest preceding \section-like title, across files */
  heading: string | null;
  title: string | null;
  authors: string[];
  /** files being read, outermost first: an \input of one of them is a cycle */
  stack: string[];
  packages: Set<string>;
};

const INPUTS = new Set(["input", "include", "subfile"]);
const PACKAGES = new Set(["usepackage", "RequirePackage"]);
const HEADINGS = new Set(["chapter", "section", "subsection", "subsubsection"]);
// Tokens the parser leaves unpaired. Maps, not objects: a word like "constructor" must not look up a message.
const STRAY = new Map([
  ["{", 'unbalanced braces: this "{" is never closed'],
  ["}", 'unbalanced braces: this "}" closes nothing'],
  ["$", 'this "$" opens math that is never closed'],
]);
const STRAY_MATH = new Map([
  ["[", "\\[ opens display math that is never closed"],
  ["(", "\\( opens math that is never closed"],
  ["]", "\\] closes display math that was never opened"],
  [")", "\\) closes math that was never opened"],
]);

export function walkFile(path: string, mode: Frame["mode"], depth: number, state: WalkState): void {
  const doc = state.files.doc(path);
  if (!doc) return;
  if (doc.error) {
    state.out.errors.push({ file: path, line: null, message: doc.error });
    return;
  }
  state.stack.push(path);
  walkNodes(doc.ast.content, { doc, depth, mode }, state);
  state.stack.pop();
}

function walkNodes(nodes: Node[], frame: Frame, state: WalkState): void {
  for (let i = 0; i < nodes.length; ) i = step(nodes, i, frame, state);
}

const scanFor = (state: WalkState): Scan => (nodes, frame) => walkNodes(nodes, frame, state);

function report(state: WalkState, frame: Frame, node: Node, message: string): void {
  state.out.errors.push({ file: frame.doc.path, line: lineOf(node), message });
}

function step(nodes: Node[], i: number, frame: Frame, state: WalkState): number {
  const node = nodes[i];
  const defined = readDefinition(nodes, i, frame.doc.text, state.macros);
  if (defined !== null) return Math.max(defined, i + 1);
  switch (node.type) {
    case "macro":
      return macroStep(nodes, i, frame, state);
    case "environment":
    case "mathenv": {
      const name = envName(node);
      if (frame.mode === "document" && isProblemEnv(name)) return takeProblem(nodes, i, frame, state, scanFor(state));
      if (frame.mode === "document" && name === "enumerate" && state.heading && PROBLEM_HEADING.test(state.heading)) {
        takeItems(node, "item", state.heading, frame, state, scanFor(state));
      } else if (frame.mode === "document" && name === "questions") {
        takeItems(node, "question", "Question", frame, state, scanFor(state)); // the exam class
      } else walkNodes(node.content, frame, state);
      // LaTeX stops reading at \end{document}; whatever follows is notes, not problems.
      return name === "document" ? nodes.length : i + 1;
    }
    case "group":
    case "inlinemath":
    case "displaymath":
      walkNodes(node.content, frame, state);
      return i + 1;
    case "string": {
      const stray = STRAY.get(node.content);
      if (stray && frame.mode !== "package") report(state, frame, node, stray);
      return i + 1;
    }
    default:
      return i + 1;
  }
}

function macroStep(nodes: Node[], i: number, frame: Frame, state: WalkState): number {
  const node = nodes[i] as Macro;
  const src = frame.doc.text;
  const name = node.content;
  if (INPUTS.has(name) && frame.mode !== "body") {
    const file = readFileName(nodes, i + 1, src);
    if (file.name) include(`\\${name}{${file.name}}`, file.name, node, frame, state);
    return file.next;
  }
  if (PACKAGES.has(name) || name === "documentclass") {
    const arg = readRequired(nodes, readOptional(nodes, i + 1).next);
    const names = arg.arg ? src.slice(arg.arg.start, arg.arg.end).split(",").map((n) => n.trim()).filter(Boolean) : [];
    for (const pkg of names) loadPackage(pkg, name === "documentclass" ? ".cls" : ".sty", frame, state);
    return arg.next;
  }
  if (frame.mode !== "document") return strayMacro(nodes, i, frame, state);
  if (HEADINGS.has(name) || name === "title" || name === "author") {
    const arg = readRequired(nodes, readOptional(nodes, readStar(nodes, i + 1).next).next);
    if (!arg.arg) return i + 1;
    if (HEADINGS.has(name)) state.heading = plainText(arg.arg.nodes, src);
    else if (name === "title") state.title ??= plainText(arg.arg.nodes, src) || null;
    else state.authors.push(...splitAuthors(arg.arg.nodes, src));
    return arg.next;
  }
  return strayMacro(nodes, i, frame, state);
}

/** A \begin or \end left as a plain macro is one the parser could not pair: report it with its line. */
function strayMacro(nodes: Node[], i: number, frame: Frame, state: WalkState): number {
  const node = nodes[i] as Macro;
  if (frame.mode === "package") return i + 1;
  if (node.content === "begin" || node.content === "end") {
    const arg = readRequired(nodes, i + 1);
    const env = arg.arg ? frame.doc.text.slice(arg.arg.start, arg.arg.end).trim() : "?";
    report(state, frame, node, node.content === "begin" ? `\\begin{${env}} is never closed (no matching \\end{${env}})` : `\\end{${env}} has no matching \\begin{${env}}`);
    return arg.next;
  }
  const stray = STRAY_MATH.get(node.content);
  if (stray) report(state, frame, node, stray);
  return i + 1;
}

/** `\input{name}`, or TeX's brace-less `\input name.tex` (the name then runs up to the next space). */
function readFileName(nodes: Node[], i: number, src: string): { name: string; next: number } {
  const j = skipBlank(nodes, i);
  const first = nodes[j];
  if (first?.type === "group") return { name: src.slice(startOf(first) + 1, endOf(first) - 1).trim(), next: j + 1 };
  let k = j;
  while (k < nodes.length && nodes[k].type === "string") k++;
  return k > j ? { name: src.slice(startOf(nodes[j]), endOf(nodes[k - 1])), next: k } : { name: "", next: i };
}

function searchDirs(frame: Frame, state: WalkState): string[] {
  return [...new Set([state.mainDir, "", dirOf(frame.doc.path)])];
}

function include(command: string, name: string, node: Node, frame: Frame, state: WalkState): void {
  const path = state.files.resolve(name, ".tex", searchDirs(frame, state));
  if (!path) return report(state, frame, node, `${command}: no such file in the upload`);
  if (state.stack.includes(path)) {
    return report(state, frame, node, `${command} is circular (${[...state.stack.slice(state.stack.indexOf(path)), path].join(" → ")}); not read again`);
  }
  if (frame.depth + 1 > state.maxDepth) return report(state, frame, node, `${command}: \\input nested more than ${state.maxDepth} level${state.maxDepth === 1 ? "" : "s"} deep; not read`);
  const mode = isPackage(path) ? "package" : frame.mode === "package" ? "package" : "document";
  walkFile(path, mode, frame.depth + 1, state);
}

/** Local packages and classes are read once, for their macros; others (amsmath…) are simply not in the upload. */
function loadPackage(name: string, extension: ".sty" | ".cls", frame: Frame, state: WalkState): void {
  const path = state.files.resolve(name, extension, searchDirs(frame, state));
  if (!path || !isPackage(path) || state.packages.has(path) || frame.depth + 1 > state.maxDepth) return;
  state.packages.add(path);
  walkFile(path, "package", frame.depth + 1, state);
}

/** `\author{A \and B}` (and amsart's one \author per person); an affiliation after `\\` is not the name. */
function splitAuthors(nodes: Node[], src: string): string[] {
  const people: Node[][] = [[]];
  for (const node of nodes) {
    if (isMacro(node, "and", "And", "AND")) people.push([]);
    else people[people.length - 1].push(node);
  }
  return people
    .map((person) => {
      const cut = person.findIndex((n) => isMacro(n, "\\", "newline"));
      return plainText(cut < 0 ? person : person.slice(0, cut), src);
    })
    .filter(Boolean);
}

// LaTeX import: a .tex file or an archive of them (main file, \input chapters, local .sty) → seeds located
// by file and line, one source with the author's macros in KaTeX syntax, and located errors for what cannot
// be read. Parsing is unified-latex's; nothing here throws on bad input. Pure.
import { toMacroMap } from "../../latex/macros";
import { emptyParsedFile, type ParsedFile, type ParsedSource } from "../types";
import { dirOf, TexFiles } from "./latex-files";
import { emptyMacroTable } from "./latex-macros";
import { walkFile, type WalkState } from "./latex-walk";

export type LatexInput = {
  /** archive-relative path → UTF-8 text; a single uploaded .tex is a one-entry map */
  files: Map<string, string>;
  sourceIdentifier: string;
  /** how deep \input may nest (default 10) */
  maxInputDepth?: number;
};

const DEFAULT_MAX_DEPTH = 10;

export function parseLatexSources(input: LatexInput): ParsedFile {
  const files = new TexFiles(input.files);
  const main = files.findMain();
  if ("error" in main) {
    const out = emptyParsedFile("");
    out.errors.push({ file: "", line: null, message: main.error });
    return out;
  }
  const out = emptyParsedFile(main.path);
  const state: WalkState = {
    files,
    mainDir: dirOf(main.path),
    sourceIdentifier: input.sourceIdentifier,
    maxDepth: input.maxInputDepth ?? DEFAULT_MAX_DEPTH,
    out,
    macros: emptyMacroTable(),
    heading: null,
    title: null,
    authors: [],
    stack: [],
    packages: new Set(),
  };
  try {
    walkFile(main.path, "document", 0, state);
  } catch (error) {
    // A bug here must cost one upload a clear error, not the whole import.
    out.errors.push({ file: main.path, line: null, message: `cannot read the LaTeX: ${error instanceof Error ? error.message : String(error)}` });
  }
  out.sources.push(sourceOf(state, input.sourceIdentifier));
  return out;
}

function sourceOf(state: WalkState, identifier: string): ParsedSource {
  const source: ParsedSource = { identifier, macros: toMacroMap(Object.fromEntries(state.macros.map)) };
  if (state.title) source.title = state.title;
  if (state.authors.length) source.authors = state.authors;
  return source;
}

// The files of a LaTeX upload: normalised text, parsed once, looked up the way \input and \usepackage
// find them, and the choice of the main file. Paths are archive-relative with "/" separators.
import type * as Ast from "@unified-latex/unified-latex-types";
import { envName, parseTex } from "./latex-ast";

/** `error`: the parser gave up on the file (reported where the walk reaches it). */
export type TexDoc = { path: string; text: string; ast: Ast.Root; error?: string };

const isTex = (path: string) => path.toLowerCase().endsWith(".tex");
/** Package and class files: read for their macros only, with `@` as a letter. */
export const isPackage = (path: string) => /\.(sty|cls)$/i.test(path);
const MAIN_NAMES = ["main.tex", "ms.tex", "paper.tex", "article.tex", "document.tex"];

/** A leading BOM and Windows/old-Mac line ends would shift columns and leak "\r" into problem text. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** "a/./b/../c.tex" → "a/c.tex"; null when the path climbs out of the archive. */
export function normalisePath(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (!parts.length) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

export const dirOf = (path: string): string => path.split("/").slice(0, -1).join("/");
const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

export class TexFiles {
  private readonly texts = new Map<string, string>();
  private readonly docs = new Map<string, TexDoc>();

  constructor(files: Map<string, string>) {
    for (const [path, text] of files) {
      const key = normalisePath(path);
      if (key) this.texts.set(key, normaliseText(text));
    }
  }

  paths(): string[] {
    return [...this.texts.keys()].sort();
  }

  /** Parsed on first use and remembered: the main-file search and the walk share one parse. */
  doc(path: string): TexDoc | null {
    const cached = this.docs.get(path);
    if (cached) return cached;
    const text = this.texts.get(path);
    if (text === undefined) return null;
    let doc: TexDoc;
    try {
      doc = { path, text, ast: parseTex(text, isPackage(path)) };
    } catch (error) {
      doc = { path, text, ast: { type: "root", content: [] }, error: `cannot parse the LaTeX: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
    }
    this.docs.set(path, doc);
    return doc;
  }

  /**
   * Where `\input{name}` points: LaTeX looks in the working directory (the main file's folder); uploads
   * are also written relative to the archive root or to the including file. `.tex` is tried first unless
   * the name already has an extension LaTeX would accept.
   */
  resolve(name: string, extension: ".tex" | ".sty" | ".cls", dirs: string[]): string | null {
    const names = /\.[A-Za-z]{1,4}$/.test(name) ? [name, name + extension] : [name + extension, name];
    for (const dir of dirs) {
      for (const candidate of names) {
        const path = normalisePath(join(dir, candidate));
        if (path !== null && this.texts.has(path)) return path;
      }
    }
    return null;
  }

  /**
   * The file to start from: a .tex with \documentclass (preferring one with a document environment,
   * then a conventional name, then the first path); a lone .tex without a preamble is a fragment to read as is.
   */
  findMain(): { path: string } | { error: string } {
    const tex = this.paths().filter(isTex);
    if (!tex.length) return { error: "no .tex file in the upload" };
    const docs = tex.map((path) => this.doc(path)!);
    const withClass = docs.filter((d) => d.ast.content.some((n) => n.type === "macro" && n.content === "documentclass"));
    if (!withClass.length) {
      return tex.length === 1 ? { path: tex[0] } : { error: `cannot tell the main file: none of the ${tex.length} .tex files has \\documentclass` };
    }
    const withBody = withClass.filter((d) => d.ast.content.some((n) => n.type === "environment" && envName(n) === "document"));
    const pool = withBody.length ? withBody : withClass;
    const named = pool.find((d) => MAIN_NAMES.includes(d.path.split("/").pop()!.toLowerCase()));
    return { path: (named ?? pool[0]).path };
  }
}

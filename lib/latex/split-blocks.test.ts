import { describe, expect, it } from "vitest";
import { safeLineBreaks, splitLatexBlocks, splitLatexPieces } from "./split-blocks";

describe("splitLatexBlocks", () => {
  it("splits paragraphs at blank lines and records where each starts", () => {
    expect(splitLatexBlocks("First $a$.\nStill first.\n\n\nSecond.\n\nThird.")).toEqual([
      { text: "First $a$.\nStill first.", startLine: 1 },
      { text: "Second.", startLine: 5 },
      { text: "Third.", startLine: 7 },
    ]);
  });

  it("keeps environments, brace groups and display math whole across blank lines", () => {
    const list = "\\begin{enumerate}\n\\item one\n\n\\item two\n\\end{enumerate}";
    const display = "\\[ a\n\n= b \\]";
    const dollars = "$$ x\n\n= y $$";
    const group = "\\textbf{bold\n\nstill}";
    for (const block of [list, display, dollars, group]) {
      expect(splitLatexBlocks(`Intro.\n\n${block}\n\nOutro.`).map((b) => b.text)).toEqual(["Intro.", block, "Outro."]);
    }
  });

  it("ignores braces that are escaped or in comments", () => {
    expect(splitLatexBlocks("A \\{ set % {\n\nB").map((b) => b.text)).toEqual(["A \\{ set % {", "B"]);
  });
});

// The lines of `text` as splitLatexPieces groups them.
const pieces = (text: string) => splitLatexPieces({ text, startLine: 1 }).map((p) => p.text);

describe("splitLatexPieces", () => {
  it("cuts a paragraph at line breaks that are plain inter-word space, keeping each piece's first line", () => {
    const text = "Consider $x$ and\n\\[ a = b \\]\n\\begin{enumerate}\\item one\\end{enumerate}\nthen {a group}.";
    expect(splitLatexPieces({ text, startLine: 4 })).toEqual([
      { text: "Consider $x$ and", startLine: 4 },
      { text: "\\[ a = b \\]", startLine: 5 },
      { text: "\\begin{enumerate}\\item one\\end{enumerate}", startLine: 6 },
      { text: "then {a group}.", startLine: 7 },
    ]);
  });

  it("never cuts inside math, a group, an environment or an optional argument", () => {
    for (const inner of ["$a\n+ b$", "$$a\n= b$$", "\\[ a\n= b \\]", "\\( a\n\\)", "x {a\nb}", "\\begin{itemize}\n\\item a\n\\end{itemize}", "$\\text{a $b$\n}$"]) {
      expect(pieces(`Before\n${inner}\nafter`)).toEqual(["Before", inner, "after"]);
    }
  });

  it("keeps a command with what may be its arguments, also on the next lines", () => {
    for (const text of ["\\textbf\n{x}", "\\href{u}\n{t}", "\\newcommand x\ny", "\\LaTeX\nis", "a \\\\\n[2pt] b", "\\{\nb", "see \\cite{x}.\nNext", "\\cite[p.\n3]{x}\nNext"]) {
      expect(pieces(text)).toEqual([text]);
    }
    // …but not further than a command can reach.
    expect(pieces("\\emph{x} one two three four five six seven eight nine\nten")).toEqual(["\\emph{x} one two three four five six seven eight nine", "ten"]);
  });

  it("keeps comments with both neighbours (a comment swallows its line break)", () => {
    expect(pieces("a\nb % note\nc\n% own line\nd\ne")).toEqual(["a", "b % note\nc\n% own line\nd", "e"]);
  });

  it("leaves a paragraph whole where cutting could change how it renders", () => {
    for (const text of [
      "a\n\\bfseries b\nc", // a declaration reaches to the end of the paragraph
      "a\n{x\n\\bf b\nc", // … and behind an unmatched brace it may be at top level after all
      "a\n\\par b\nc", // \par makes paragraphs
      "a\r\nb\r\nc", // the parser reads \r\n as a paragraph break
      "a\n\\makeatletter\n\\x@y\nc",
    ]) {
      expect(safeLineBreaks(text)).toEqual([]);
    }
  });

  it("stops cutting at verbatim text and keeps {\\bf …} with its neighbours", () => {
    expect(pieces("a\nb\\verb|{|\nc\nd")).toEqual(["a", "b\\verb|{|\nc\nd"]);
    expect(pieces("a\n\\begin{verbatim}\n$\n\\end{verbatim}\nd")).toEqual(["a", "\\begin{verbatim}\n$\n\\end{verbatim}\nd"]);
    expect(pieces("a\n{\\bf b}\nc\nd")).toEqual(["a\n{\\bf b}\nc", "d"]);
  });
});

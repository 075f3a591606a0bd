import { describe, expect, it } from "vitest";
import { splitLatexBlocks } from "./split-blocks";

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

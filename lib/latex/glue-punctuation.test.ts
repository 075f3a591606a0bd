import { describe, expect, it } from "vitest";
import { renderLatexText } from "./render-latex";

describe("punctuation after an inline formula", () => {
  it("is glued to the formula, so it never starts a line alone", () => {
    const { html } = renderLatexText("Take $x = 1$; then $y$, and $z$.");
    const glued = [...html.matchAll(/<span class="latex-glue"><span class="katex">[\s\S]*?<\/span>([;,.])<\/span>/g)].map((m) => m[1]);
    expect(glued).toEqual([";", ",", "."]);
    expect(html).toContain("</span> then ");
  });

  it("leaves display math and formulas followed by words alone", () => {
    expect(renderLatexText("\\[ x \\]. And $y$ then").html).not.toContain("latex-glue");
  });
});

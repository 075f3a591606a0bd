import { describe, expect, it } from "vitest";
import { renderLatexText } from "./render-latex";
import { latexExcerpt } from "./excerpt";

describe("latexExcerpt", () => {
  it("keeps short text whole, on one line, with display math made inline", () => {
    expect(latexExcerpt("Find $E$.\n\n\\[ E = mc^2 \\]")).toBe("Find $E$. $E = mc^2$");
  });

  it("cuts long text only outside math, groups and environments, so it still renders", () => {
    const long = `Consider ${"the field $\\phi(x) = \\int \\frac{d^4k}{(2\\pi)^4} e^{-ikx}$ and ".repeat(8)}more.`;
    const cut = latexExcerpt(long, 100);
    expect(cut.length).toBeLessThanOrEqual(102);
    expect(cut.endsWith(" …")).toBe(true);
    expect((cut.match(/\$/g) ?? []).length % 2).toBe(0);
    expect(renderLatexText(cut).errors).toEqual([]);
  });

  it("does not cut inside an environment", () => {
    const cut = latexExcerpt(`Intro words here. \\begin{enumerate} \\item ${"a ".repeat(100)} \\end{enumerate} tail`, 60);
    expect(cut).toBe("Intro words here. …");
  });
});

import { describe, expect, it } from "vitest";
import { renderLatexText } from "./render-latex";
import { splitLatexPieces } from "./split-blocks";

describe("renderLatexText", () => {
  it("typesets inline, display and environment math inside text structure", () => {
    const { html, errors } = renderLatexText(
      String.raw`Find $\beta(g)$ for \emph{this} theory:
\[ \mathcal{L} = \frac12(\partial\phi)^2 \]
\begin{enumerate}\item one $a$ \item two\end{enumerate}
\begin{align} x &= 1 \label{eq:x} \\ y &= 2 \end{align}`,
    );
    expect(errors).toEqual([]);
    expect(html.match(/class="katex"/g)).toHaveLength(4);
    expect(html).toContain('class="katex-display"');
    expect(html).toContain("<em");
    expect(html).toMatch(/<ol[^>]*>\s*<li>/);
    expect(html).not.toContain("eq:x");
  });

  it("applies source macros", () => {
    const without = renderLatexText(String.raw`$\Lag^3$`);
    expect(without.errors[0].message).toMatch(/Undefined control sequence: \\Lag/);
    const withMacros = renderLatexText(String.raw`$\Lag^3$`, { macros: { "\\Lag": "\\mathbb{L}" } });
    expect(withMacros.errors).toEqual([]);
    expect(withMacros.html).toContain("mathbb");
  });

  it("locates a broken formula at its line and column, keeps its source and renders the rest", () => {
    const { html, errors } = renderLatexText("First line $a+b$.\nThen $\\frac{1}{2$ breaks, and $c$ is fine.");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: 6, source: "$\\frac{1}{2$" });
    expect(html).toContain('class="latex-error"');
    expect(html).toContain("line 2, column 6");
    expect(html.match(/class="katex"/g)).toHaveLength(2);
  });

  it("never emits raw HTML, links, images or script from user text", () => {
    const { html } = renderLatexText(
      String.raw`<script>alert(1)</script> <img src=x onerror=alert(1)> \href{javascript:alert(1)}{click} \url{javascript:x} \includegraphics{a.png} $\href{javascript:alert(2)}{y}$`,
    );
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((t) => /^<(script|img|a|iframe|object)\b/i.test(t))).toEqual([]);
    expect(tags.filter((t) => /\s(href|src|on[a-z]+)=/i.test(t))).toEqual([]);
    expect(html).toContain("&#x3C;script>");
  });

  it("bounds macro expansion (a self-referential macro is an error, not a hang)", () => {
    const { errors } = renderLatexText(String.raw`$\loop$`, { macros: { "\\loop": "\\loop\\loop" }, maxExpand: 50 });
    expect(errors[0].message).toMatch(/Too many expansions/);
  });
});

describe("renderLatexText across paragraphs", () => {
  it("reports errors in later paragraphs at their absolute line, also when served from the cache", () => {
    const source = "Intro $a$.\n\nMiddle $b$.\n\nBroken $\\frac{1}{$ here.";
    for (let i = 0; i < 2; i++) {
      const { html, errors } = renderLatexText(source);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line: 5, column: 8 });
      expect(html).toContain("line 5, column 8");
      expect(html.match(/class="katex"/g)).toHaveLength(2);
    }
  });

  it("renders a list with blank lines between items as one list", () => {
    const { html } = renderLatexText("\\begin{enumerate}\n\\item $x$\n\n\\item $y$\n\\end{enumerate}");
    expect(html.match(/<ol/g)).toHaveLength(1);
    expect(html.match(/<li/g)).toHaveLength(2);
  });
});

describe("renderLatexText of one long paragraph", () => {
  // A line break in a paragraph is inter-word space: the paragraph on one line renders the same (and is never cut).
  const lines = [
    String.raw`Consider $\mathcal{L} = \frac12(\partial_\mu\phi)^2 - \frac{\lambda}{4!}\phi^4$ in $d = 4 - 2\epsilon$ dimensions,`,
    String.raw`\[ \Gamma^{(4)} = -\lambda + \frac{\lambda^2}{32\pi^2}\left[\frac{3}{\epsilon} - \log\frac{-s}{\mu^2}\right] \]`,
    String.raw`\begin{enumerate}\item Find $\beta(\lambda)$ at one loop. \item Determine $\gamma_\phi$.\end{enumerate}`,
    "with {\\bf bold} and \\emph{emphasis} (see Ref.~[3]), ``quotes'' -- and $a$--$b$;",
    String.raw`\begin{align} x &= 1 \label{eq:x} \\ y &= 2 \end{align}`,
    String.raw`\textbf{units} $\hbar = c = 1$.`,
  ];

  it("renders it in pieces, as one paragraph, exactly as it renders whole", () => {
    const text = lines.join("\n");
    expect(splitLatexPieces({ text, startLine: 1 }).length).toBe(lines.length);
    for (let i = 0; i < 3; i++) {
      const inPieces = renderLatexText(`${text} ${"i".repeat(i)}`); // typing at the end: the other pieces come from the cache
      const whole = renderLatexText(`${lines.join(" ")} ${"i".repeat(i)}`);
      expect(inPieces.errors).toEqual([]);
      expect(inPieces.html).toBe(whole.html);
      expect(inPieces.html).not.toMatch(/^<p>|latex-block/);
    }
  });

  it("reports errors in any piece at their absolute line and column, also when lines above are added", () => {
    const text = `${lines.slice(0, 3).join("\n")}\nthen $\\badmacro{1}$ breaks\n${lines.slice(3).join("\n")}`;
    expect(splitLatexPieces({ text, startLine: 1 }).length).toBeGreaterThan(3);
    for (const [prefix, line] of [["", 4], ["", 4], ["Intro.\n", 5], ["Intro,\nmore.\n", 6], ["", 4]] as const) {
      const { html, errors } = renderLatexText(prefix + text);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ line, column: 6, source: "$\\badmacro{1}$" });
      expect(html).toContain(`line ${line}, column 6`);
      expect(html.match(/class="katex"/g)).toHaveLength(9);
    }
  });
});

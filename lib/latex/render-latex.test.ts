import { describe, expect, it } from "vitest";
import { renderLatexText } from "./render-latex";
import { splitLatexPieces } from "./split-blocks";
import { doublingBomb } from "../../tests/support/latex-bombs";

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

  it("bounds macro expansion by what it produces: macros that double their argument are an error at their formula", () => {
    // 17 expansions, 2^17 tokens: far below any expansion count, minutes of work without the bound.
    const source = `Intro.\n\nThe bomb: ${doublingBomb(17)} and after it $x$.`;
    expect(source.length).toBeLessThan(450);
    const { html, errors } = renderLatexText(source);
    expect(errors).toEqual([expect.objectContaining({ line: 3, column: 11, message: expect.stringMatching(/Macro expansion produces too much: over 20,000 tokens/) })]);
    expect(html.length).toBeLessThan(20_000);
    // The same bound, lower, stops a smaller one; a formula that stays under it renders.
    expect(renderLatexText(doublingBomb(8), { maxExpandedTokens: 100 }).errors[0].message).toMatch(/over 100 tokens/);
    expect(renderLatexText(doublingBomb(5)).errors).toEqual([]);
  });

  it("caps the rendered size: past maxHtmlChars the rest is an error at the paragraph where it stops", () => {
    const source = ["$\\frac{a}{b}$ ".repeat(20), "$\\frac{a}{b}$ ".repeat(400), "last $x$"].join("\n\n");
    const full = renderLatexText(source);
    expect(full.errors).toEqual([]);
    const capped = renderLatexText(source, { maxHtmlChars: 50_000 });
    expect(capped.errors).toEqual([expect.objectContaining({ line: 3, column: 1, message: expect.stringMatching(/too large to show: the rendered text would be over 50,000 characters/) })]);
    expect(capped.html.length).toBeLessThan(55_000);
    expect(capped.html).not.toContain("last");
    // One formula alone over the cap is an error at that formula.
    const one = renderLatexText(`Text, then $${"\\frac{}{}".repeat(200)}$.`, { maxHtmlChars: 20_000 });
    expect(one.errors).toEqual([expect.objectContaining({ line: 1, column: 12, message: expect.stringMatching(/too large to show/) })]);
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

describe("renderLatexText typesets every formula from its own source", () => {
  // The TeX each KaTeX rendering in `html` was made from, in order (KaTeX's MathML annotation holds it).
  const typeset = (html: string) =>
    [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) =>
      m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&"),
    );

  it("takes math nested in \\text{…} as part of the formula around it", () => {
    const { html, errors } = renderLatexText(String.raw`$\text{if $x>0$}$ then $\alpha$ and $\beta$, so \[ \text{for $n$} \] gives $\gamma$ and
\begin{equation} \text{with $a$} \end{equation} $\delta$.`);
    expect(errors).toEqual([]);
    expect(typeset(html)).toEqual([
      String.raw`\text{if $x>0$}`,
      String.raw`\alpha`,
      String.raw`\beta`,
      String.raw` \text{for $n$} `,
      String.raw`\gamma`,
      String.raw`\begin{equation} \text{with $a$} \end{equation}`,
      String.raw`\delta`,
    ]);
  });

  it("leaves math in an argument the converter does not render where it is, without shifting the formulas after it", () => {
    const { html, errors } = renderLatexText(String.raw`A\footnote{see $x$} then $\alpha$, $\beta$ and \[ \gamma \] and \ref$d$ $\epsilon$,
\label{$l$} \caption{$c$} \url{$u$} \includegraphics{$g$} \vspace{$v$} $\zeta$
\begin{itemize}\item[$o$] $\eta$\end{itemize} \emph{$\theta$} \cite{$k$} $\iota$`);
    expect(errors).toEqual([]);
    expect(typeset(html)).toEqual([
      String.raw`\alpha`, String.raw`\beta`, String.raw` \gamma `, String.raw`\epsilon`, String.raw`\zeta`, String.raw`\eta`, String.raw`\theta`, String.raw`\iota`,
    ]);
    expect(html).toContain("see $x$"); // as before: the footnote's text, formula included, is shown as text
    expect(html).toContain("$d$");
  });

  it("reports a broken formula after such constructs at its own line and column", () => {
    const source = "$\\text{if $x$}$ \\footnote{$y$} \\ref$z$\nthen $\\frac{1}{$ and $\\omega$ \\[ \\text{$w$} \\]\n\n$\\badmacro$ $\\text{$v$}$ $\\chi$";
    for (let i = 0; i < 2; i++) {
      const { html, errors } = renderLatexText(source);
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatchObject({ line: 2, column: 6, source: "$\\frac{1}{$" });
      expect(errors[1]).toMatchObject({ line: 4, column: 1, source: "$\\badmacro$" });
      expect(typeset(html)).toEqual(["\\text{if $x$}", "\\omega", " \\text{$w$} ", "\\text{$v$}", "\\chi"]);
    }
  });

  it("does the same in a long paragraph rendered in pieces", () => {
    const lines = [
      String.raw`Take $\text{a $b$}$ and $\alpha$,`,
      String.raw`with\footnote{not $\xi$} \ref$d$ and one, two, three, four, five, six, seven, eight, nine`,
      String.raw`then $\beta$ \label{$l$}`,
      String.raw`so \[ \text{for $n$} \] and $\gamma$.`,
    ];
    const text = lines.join("\n");
    expect(splitLatexPieces({ text, startLine: 1 }).length).toBeGreaterThan(1);
    const inPieces = renderLatexText(text);
    expect(inPieces.html).toBe(renderLatexText(lines.join(" ")).html);
    expect(typeset(inPieces.html)).toEqual([String.raw`\text{a $b$}`, String.raw`\alpha`, String.raw`\beta`, String.raw` \text{for $n$} `, String.raw`\gamma`]);
  });

  it("keeps any character of the text, also ones it could use to tag formulas", () => {
    const { html, errors } = renderLatexText("a \uE0000\uE000 b \uE001 $\\alpha$ \\footnote{$x$} $\\beta$");
    expect(errors).toEqual([]);
    expect(html).toContain("a \uE0000\uE000 b \uE001 ");
    expect(html).toContain("$x$");
    expect(typeset(html)).toEqual(["\\alpha", "\\beta"]);
  });

  it("typesets as MathML alone when asked (list excerpts), kept apart from the full rendering in its caches", () => {
    const text = String.raw`Field $\phi$ with $\mathcal{L} = \frac12(\partial_\mu\phi)^2 - \frac{m^2}{2}\phi^2$.`;
    const full = renderLatexText(text);
    const mathml = renderLatexText(text, { mathOutput: "mathml" });
    expect(mathml.errors).toEqual([]);
    expect(full.html).toContain("katex-html");
    expect(mathml.html).not.toContain("katex-html");
    expect(mathml.html).toContain("<mfrac>");
    expect(mathml.html).toContain("Field ");
    expect(mathml.html.length * 4).toBeLessThan(full.html.length);
    // Asked again in the other order, each comes back as it was (no cache entry serves the other output).
    expect(renderLatexText(text).html).toBe(full.html);
    expect(renderLatexText(text, { mathOutput: "mathml" }).html).toBe(mathml.html);
  });
});

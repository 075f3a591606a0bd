import { describe, expect, it } from "vitest";
import { renderField } from "./render-field";
import { validateStructure } from "./validate-structure";

const messages = (source: string, math = false) => validateStructure(source, { math }).map((e) => `${e.line}:${e.column} ${e.message}`);

describe("validateStructure", () => {
  it("reports an environment closed by another one where the wrong \\end stands", () => {
    expect(messages("\\begin{align} x \\end{equation}")).toEqual(["1:17 \\end{equation} does not match \\begin{align} (line 1, column 1)."]);
  });

  it("reports unknown, unclosed and unopened environments at their line and column", () => {
    expect(messages("Text\n\\begin{foo} x \\end{foo}")).toEqual(["2:1 Unknown environment “foo”."]);
    expect(messages("\\begin{equation} x")).toEqual(["1:1 \\begin{equation} is never closed with \\end{equation}."]);
    expect(messages("a\n \\end{align}")).toEqual(["2:2 \\end{align} without \\begin{align}."]);
    expect(messages("\\begin{itemize}\n\\item a\n\\begin{enumerate}\n\\end{itemize}")).toEqual([
      "3:1 \\begin{enumerate} is not closed before \\end{itemize} (line 4, column 1).",
    ]);
  });

  it("pairs \\left with \\right inside each formula, and refuses them outside math", () => {
    expect(messages("$\\left( x$ and $y \\right)$")).toEqual(["1:2 \\left( has no matching \\right.", "1:19 \\right) has no matching \\left."]);
    expect(messages("Take \\left( x")).toEqual(["1:6 \\left( is only allowed in math."]);
    expect(messages("\\left\\{ x", true)).toEqual(["1:1 \\left\\{ has no matching \\right."]);
  });

  it("accepts well-formed text: nested environments, \\left./\\right., escaped dollars, comments, \\leftarrow", () => {
    const text = [
      "Let $\\left(\\frac12\\right)$ cost \\$5; % \\begin{nothing}",
      "\\begin{enumerate}\\item \\begin{align} a &= \\left\\{ b \\right. \\\\[2pt] c &\\leftarrow d \\end{align}\\end{enumerate}",
      "$$\\begin{pmatrix} 1 \\end{pmatrix}$$ and \\[ x \\]",
    ].join("\n");
    expect(validateStructure(text)).toEqual([]);
  });
});

describe("renderField", () => {
  it("adds the structural errors the renderer lets through", () => {
    expect(renderField("\\begin{align} x \\end{equation}").errors).toHaveLength(1);
  });

  it("reports a problem KaTeX already refused once", () => {
    const { errors } = renderField("$\\left( x$");
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/Expected '\\right'/);
  });
});

import { describe, expect, it } from "vitest";
import { declarationsFor, latexNamesOf } from "./declarations";
import { emptyAnswerSpec } from "./answer-spec";

describe("declarations", () => {
  it("spells argument names as LaTeX", () => {
    expect(latexNamesOf("omega")).toEqual(["omega", "\\omega"]);
    expect(latexNamesOf("m_pi")).toEqual(["m_pi", "m_\\pi"]);
    expect(latexNamesOf("C_A")).toEqual(["C_A"]);
    expect(latexNamesOf("x_eff")).toEqual(["x_eff", "x_{eff}"]);
    expect(latexNamesOf("g")).toEqual(["g"]);
  });

  it("adds the answer spec's arguments to the declared symbols", () => {
    const spec = { ...emptyAnswerSpec(), arguments: [{ name: "gamma", type: "float" as const, description: "" }, { name: "e", type: "float" as const, description: "" }] };
    expect(declarationsFor({ symbols: ["E"], functions: ["\\Phi"] }, spec)).toEqual({ symbols: ["E", "gamma", "\\gamma", "e"], functions: ["\\Phi"] });
  });
});

import { describe, expect, it } from "vitest";
import { autoDeclaredNote, declarationsFor, latexNamesOf } from "./declarations";
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

describe("autoDeclaredNote", () => {
  it("says argument for one and arguments for several, naming them", () => {
    expect(autoDeclaredNote([])).toBe("");
    expect(autoDeclaredNote(["theta"])).toBe(" — the argument theta is declared automatically");
    expect(autoDeclaredNote(["n", "omega"])).toBe(" — the arguments n and omega are declared automatically");
    expect(autoDeclaredNote(["a", "b", "c"])).toBe(" — the arguments a, b and c are declared automatically");
  });
});

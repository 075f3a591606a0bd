import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RefusedInput } from "../../workers/errors";
import { parseYamlPairs } from "./yaml-pairs";

const FIXTURE = readFileSync(new URL("./fixtures/pairs.yaml", import.meta.url), "utf8");

describe("parseYamlPairs", () => {
  it("reads problem/solution documents and reports bad ones with their line, keeping the good ones", () => {
    const out = parseYamlPairs(FIXTURE, "QFT9/matched_pairs.yaml", "QFT9");
    expect(out.seeds.map((s) => [s.problem.slice(0, 24), s.solution, s.location])).toEqual([
      ["A string of length $L$ i", "$\\omega_n = n\\pi v / L$.", "matched_pairs.yaml document 1"],
      ["Compute the partition fu", "$Z = 1 + e^{-\\beta\\Delta}$.", "matched_pairs.yaml document 2"],
    ]);
    expect(out.seeds.every((s) => s.sourceIdentifier === "QFT9")).toBe(true);
    expect(out.errors.map((e) => [e.document, e.line, e.message])).toEqual([
      [3, 17, "YAML: Tabs are not allowed as indentation"],
      [4, 20, expect.stringContaining("has no problem")],
    ]);
    expect(out.errors[0].file).toBe("QFT9/matched_pairs.yaml");
    expect(out.skipped).toBe(1); // the empty document after the last ---
  });

  it("accepts CRLF (normalised by the reader), plain-string parts, and reports an empty problem", () => {
    const out = parseYamlPairs("problem: Find $x$.\nsolution: $x=1$\n---\nproblem:\n  content: '   '\n", "a.yaml", "S");
    expect(out.seeds).toEqual([{ sourceIdentifier: "S", problem: "Find $x$.", solution: "$x=1$", title: null, location: "a.yaml document 1" }]);
    expect(out.errors[0]).toMatchObject({ document: 2, message: "problem.content is empty" });
  });

  it("reports unparseable YAML with a line instead of throwing", () => {
    const out = parseYamlPairs('problem: {content: "unterminated\n', "b.yaml", "S");
    expect(out.seeds).toEqual([]);
    expect(out.errors[0]).toMatchObject({ file: "b.yaml", line: expect.any(Number), message: expect.stringMatching(/^YAML: /) });
  });

  it("refuses a YAML alias bomb (billion laughs) as a whole, at its document and line", () => {
    const levels = ["a", "b", "c", "d", "e", "f", "g"];
    const lines = levels.map((l, i) => (i === 0 ? `${l}: &${l} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` : `${l}: &${l} [${Array(9).fill(`*${levels[i - 1]}`).join(",")}]`));
    const bomb = `problem: Find $x$.\n---\nproblem:\n  content: Find $y$.\n${lines.join("\n")}\n`;
    let thrown: unknown;
    try {
      parseYamlPairs(bomb, "QFT/matched_pairs.yaml", "QFT");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RefusedInput);
    expect((thrown as Error).message).toMatch(/^QFT\/matched_pairs\.yaml:3 \(document 2\): YAML aliases that expand too much .*nothing was imported$/);
  });
});

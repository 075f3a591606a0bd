// Scoring a file of pairs: one pair that fails never stops the others; undecided pairs are counted apart.
import { describe, expect, it } from "vitest";
import { checkEquivalence } from "./index";
import { scorePairs } from "./score-pairs";

describe("scorePairs", () => {
  it("reports a pair the checker fails on, or an invalid pair, as an error for that pair and goes on", () => {
    const throwing = (gold: string, pred: string, options: object) => {
      if (gold === "boom") throw new TypeError("Cannot read properties of null (reading 'num')");
      return checkEquivalence(gold, pred, options);
    };
    const score = scorePairs([
      { id: "a", gold: "2x", pred: "x+x", expected: true },
      { id: "b", gold: "boom", pred: "x", expected: false },
      { id: "c", gold: "x^2" },
      { id: "d", gold: "\\lim_{x\\to0}\\frac{\\sin x}{x}", pred: "1", expected: true },
      { id: "e", gold: "m_W = 80.4\\,\\mathrm{GeV}", pred: "80.4", expected: false },
    ], {}, throwing);
    expect(score).toMatchObject({ total: 5, correct: 2, falsePositives: 0, falseNegatives: 0, undecided: 1, errors: 2 });
    expect(score.cases[1]).toMatchObject({ id: "b", equivalent: null, error: expect.stringMatching(/reading 'num'/) });
    expect(score.cases[2]).toMatchObject({ id: "c", equivalent: null, error: expect.stringMatching(/pred|expected/) });
    expect(score.cases[3]).toMatchObject({ id: "d", equivalent: null, reason: expect.stringMatching(/^cannot decide/) });
  });

  it("applies units and conventions: per pair, from the statement, or the defaults", () => {
    const pairs = [
      { id: "u", gold: "80.4\\,\\mathrm{GeV}", pred: "80.4", expected: true },
      { id: "c", gold: "\\frac{e^2}{4\\pi}", pred: "\\alpha", expected: true, statement: "Work in natural units." },
      { id: "k", gold: "\\frac{e^2}{4\\pi}", pred: "\\alpha", expected: true, conventions: ["natural-HL"] },
    ];
    expect(scorePairs(pairs).cases.map((c) => c.equivalent)).toEqual([false, true, true]);
    expect(scorePairs(pairs, { units: "optional" }).cases[0].equivalent).toBe(true);
  });
});

// Tests catch wrong answers: which wrong answers are tried depends on what the function returns — a str or
// bool has no numbers to scale or negate, but a constant must still fail a case.
import { describe, expect, it } from "vitest";
import { GOOD_INSPECT, GOOD_ITEM, GOOD_RUN } from "../../../tests/support/item-fixtures";
import type { Returns } from "../../items/answer-spec";
import type { TestCase, TestValue } from "../../items/test-values";
import type { PyValue } from "../../sandbox/types";
import { textFactsInline } from "../text-facts";
import type { CheckContext } from "../types";
import { testsDiscriminate } from "./tests-discriminate";

const TOL = GOOD_ITEM.testCases[0].tolerance;
const TEMPERATURES = [100, 300, 500];

/** An item of one float argument whose reference returns `outputs`, and whose cases expect the same. */
function ctx(returns: Returns, outputs: PyValue[], { tol = TOL, noArguments = false } = {}): CheckContext {
  const answerSpec = {
    functionName: "phase",
    arguments: noArguments ? [] : [{ name: "T", type: "float" as const, description: "Temperature in kelvin." }],
    returns,
  };
  const testCases = outputs.map((output, i): TestCase => ({ inputs: noArguments ? {} : { T: TEMPERATURES[i] }, expected: output as TestValue, tolerance: tol }));
  const run = { ...GOOD_RUN, results: outputs.map((output) => ({ output, ms: 0.1 })) };
  const fields = { ...GOOD_ITEM, answerSpec, testCases };
  return { fields, macros: {}, run, inspect: GOOD_INSPECT, nearDuplicates: [], ...textFactsInline(fields, {}) };
}

const STR: Returns = { type: "str", description: "The phase of water at 1 atm." };
const BOOL: Returns = { type: "bool", description: "Whether water boils at 1 atm." };
const FLOAT: Returns = { type: "float", description: "The energy." };
const statuses = (c: CheckContext) => testsDiscriminate.run(c).map((f) => f.status);
const failures = (c: CheckContext) => testsDiscriminate.run(c).filter((f) => f.status === "fail").map((f) => f.message);

describe("tests discriminate", () => {
  it("passes a str return whose cases expect different strings, saying scaling and sign flips do not apply", () => {
    const [finding] = testsDiscriminate.run(ctx(STR, ["solid", "liquid", "gas"]));
    expect(finding).toMatchObject({ status: "pass", message: expect.stringMatching(/not applicable.*scaled.*sign-flipped/i) });
  });

  it("fails a str return whose cases all expect the same string, on the constant answer only", () => {
    expect(failures(ctx(STR, ["gas", "gas", "gas"]))).toEqual([expect.stringContaining("constant")]);
  });

  it("treats a bool return the same way", () => {
    expect(statuses(ctx(BOOL, [false, false, true]))).toEqual(["pass"]);
    expect(failures(ctx(BOOL, [true, true, true]))).toEqual([expect.stringContaining("constant")]);
  });

  it("still fails a float return when a scaled answer passes every case (tolerance too loose)", () => {
    const loose = { abs: 0, rel: 0.05 };
    expect(failures(ctx(FLOAT, [0.5, 3, 1.75], { tol: loose }))).toEqual([expect.stringContaining("scaled by 1.01")]);
    expect(statuses(ctx(FLOAT, [0.5, 3, 1.75]))).toEqual(["pass"]);
  });

  it("applies scaling to a tuple with a number in it, and only the constant to one without", () => {
    const labelled: Returns = { type: "tuple", description: "Phase and density.", items: [{ type: "str" }, { type: "float" }] };
    expect(statuses(ctx(labelled, [["solid", 0.92], ["liquid", 0.96], ["gas", 0.0006]]))).toEqual(["pass"]);
    expect(failures(ctx(labelled, [["gas", 0], ["gas", 0], ["liquid", 0]]))).toEqual([expect.stringContaining("scaled"), expect.stringContaining("sign flipped")]);
    const flags: Returns = { type: "tuple", description: "Phase and whether it boils.", items: [{ type: "str" }, { type: "bool" }] };
    expect(failures(ctx(flags, [["gas", true], ["gas", true], ["gas", true]]))).toEqual([expect.stringContaining("constant")]);
  });

  it("passes, naming what did not apply, when no wrong answer can be tried", () => {
    const [finding] = testsDiscriminate.run(ctx(STR, ["gas", "gas", "gas"], { noArguments: true }));
    expect(finding).toMatchObject({ status: "pass", message: expect.stringMatching(/scaled.*sign-flipped.*constant/) });
  });
});

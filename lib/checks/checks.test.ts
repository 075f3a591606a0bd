// Each check on a correct item and on variants that break exactly what it guards.
import { describe, expect, it } from "vitest";
import { GOOD_INSPECT, GOOD_ITEM, GOOD_RUN } from "../../tests/support/item-fixtures";
import type { ItemFields } from "../items/schemas";
import { blockingFailures, evaluateChecks } from "./registry";
import type { CheckContext } from "./types";

function ctx(patch: Partial<ItemFields> = {}, facts: Partial<CheckContext> = {}): CheckContext {
  return { fields: { ...GOOD_ITEM, ...patch }, macros: {}, run: GOOD_RUN, inspect: GOOD_INSPECT, nearDuplicates: [], ...facts };
}
const failures = (c: CheckContext) => evaluateChecks(c).filter((r) => r.status === "fail");
const failing = (c: CheckContext, id: string) => failures(c).filter((r) => r.id === id);

describe("checks", () => {
  it("pass on a complete, correct item", () => {
    const results = evaluateChecks(ctx());
    expect(failures(ctx())).toEqual([]);
    expect(blockingFailures(results)).toEqual([]);
    expect(results.find((r) => r.id === "final-answer-vs-code")).toMatchObject({ status: "pass", blocking: false });
  });

  it("final answer vs code: evaluates the LaTeX answer at the test inputs; a wrong formula is a warning at the field", () => {
    const wrong = failing(ctx({ finalAnswer: "E_n = \\omega n" }), "final-answer-vs-code");
    expect(wrong).toEqual([expect.objectContaining({ field: "finalAnswer", blocking: false, message: expect.stringContaining("test case 1") })]);
    // A symbol that is not an argument (here \hbar) means the answer is not evaluated, not that it is wrong.
    const other = evaluateChecks(ctx({ finalAnswer: "E_n = \\hbar\\omega\\left(n+\\frac12\\right)" })).find((r) => r.id === "final-answer-vs-code");
    expect(other).toMatchObject({ status: "skip" });
    // In an item whose statement says natural units, ħ = 1 in the answer (the natural-HL convention).
    const natural = evaluateChecks(ctx({ statement: `${GOOD_ITEM.statement} Work in natural units.`, finalAnswer: "E_n = \\hbar\\omega\\left(n+\\frac12\\right)" })).find((r) => r.id === "final-answer-vs-code");
    expect(natural).toMatchObject({ status: "pass" });
    // Declared symbols and tuple/str returns: a str answer is left to reviewers.
    const str = { ...GOOD_ITEM.answerSpec, returns: { type: "str" as const, description: "x" } };
    expect(evaluateChecks(ctx({ answerSpec: str })).find((r) => r.id === "final-answer-vs-code")).toMatchObject({ status: "skip" });
  });

  it("complete fields: names each empty field", () => {
    const found = failing(ctx({ description: " ", level: null, testCases: [{ ...GOOD_ITEM.testCases[0], expected: null }, ...GOOD_ITEM.testCases.slice(1)] }), "complete-fields");
    expect(found.map((r) => r.field)).toEqual(["description", "level", "testCases.0.expected"]);
  });

  it("LaTeX renders: locates an error in the solution", () => {
    const [r] = failing(ctx({ solution: "Fine.\nThen $\\frac{1}{2$ breaks." }), "latex-renders");
    expect(r).toMatchObject({ field: "solution", line: 2, blocking: true });
  });

  it("statement wording: refuses proofs and a missing or misplaced Conventions sentence", () => {
    const proof = failing(ctx({ statement: "Show that $E_0 = \\omega/2$.\n\nConventions: $\\hbar = 1$." }), "statement-wording");
    expect(proof).toEqual([expect.objectContaining({ field: "statement", line: 1, column: 1, message: expect.stringContaining("Show that") })]);
    expect(failing(ctx({ statement: "Determine $E_0$." }), "statement-wording")[0].message).toMatch(/Conventions/);
    expect(failing(ctx({ statement: "Conventions: $\\hbar=1$.\n\nDetermine $E_0$." }), "statement-wording")[0].message).toMatch(/must come last/);
  });

  it("answer spec valid: reports a bad identifier at its path", () => {
    const spec = { ...GOOD_ITEM.answerSpec, functionName: "lambda" };
    expect(failing(ctx({ answerSpec: spec }), "answer-spec-valid").map((r) => r.field)).toContain("answerSpec.functionName");
  });

  it("signature matches: wrong order, annotation, or a missing function", () => {
    const swapped = { ...GOOD_INSPECT, signature: { ...GOOD_INSPECT.signature!, params: [{ name: "omega", annotation: "float" }, { name: "n", annotation: "int" }] } };
    expect(failing(ctx({}, { inspect: swapped }), "signature-matches")[0].message).toMatch(/should take \(n, omega\)/);
    const annotated = { ...GOOD_INSPECT, signature: { ...GOOD_INSPECT.signature!, returns: "complex" } };
    expect(failing(ctx({}, { inspect: annotated }), "signature-matches")[0].message).toMatch(/return annotation is complex/);
    const missing = { ...GOOD_INSPECT, signature: { found: false, functions: ["energie"] } };
    expect(failing(ctx({}, { inspect: missing }), "signature-matches")[0].message).toMatch(/does not define energy\(\).*energie/);
  });

  it("reference runs / output types: an exception and a NaN are located at their test case", () => {
    const run = { ...GOOD_RUN, results: [GOOD_RUN.results[0], { error: "ZeroDivisionError: float division by zero", ms: 0.1 }, { output: { $float: "nan" }, ms: 0.1 }] };
    expect(failing(ctx({}, { run }), "reference-runs")).toEqual([expect.objectContaining({ field: "testCases.1", message: expect.stringContaining("ZeroDivisionError") })]);
    expect(failing(ctx({}, { run }), "output-types")).toEqual([expect.objectContaining({ field: "testCases.2", message: expect.stringContaining("not finite") })]);
  });

  it("output types: a string or a tuple where a float is declared is located at its test case", () => {
    const run = { ...GOOD_RUN, results: [GOOD_RUN.results[0], { output: "0.5", ms: 0.1 }, { output: [1, 2], ms: 0.1 }] };
    const found = failing(ctx({}, { run }), "output-types");
    expect(found.map((f) => f.field)).toEqual(["testCases.1", "testCases.2"]);
    expect(found[0].message).toMatch(/^Test case 2: /);
  });

  it("reference runs: a missing runtime is a clear failure, not a crash", () => {
    const run = { ok: false, isolation: null, unavailable: true, error: "Python 3.10+ with numpy is required for code checks: python3 not found", results: [] };
    expect(failing(ctx({}, { run }), "reference-runs")[0].message).toMatch(/^Python 3\.10\+ with numpy is required/);
  });

  it("expected outputs match: a stale expected value is caught", () => {
    const testCases = [{ ...GOOD_ITEM.testCases[0], expected: 0.6 }, ...GOOD_ITEM.testCases.slice(1)];
    expect(failing(ctx({ testCases }), "expected-matches")).toEqual([expect.objectContaining({ field: "testCases.0.expected" })]);
  });

  it("at least 3 test cases", () => {
    expect(failing(ctx({ testCases: GOOD_ITEM.testCases.slice(0, 2) }, { run: { ...GOOD_RUN, results: GOOD_RUN.results.slice(0, 2) } }), "min-test-cases")).toHaveLength(1);
  });

  it("tests discriminate: all-zero outputs let every perturbation through", () => {
    const tol = GOOD_ITEM.testCases[0].tolerance;
    const testCases = [0, 1, 2].map((n) => ({ inputs: { n, omega: 0 }, expected: 0, tolerance: tol }));
    const run = { ...GOOD_RUN, results: [0, 1, 2].map(() => ({ output: 0, ms: 0.1 })) };
    expect(failing(ctx({ testCases }, { run }), "tests-discriminate").map((r) => r.message)).toEqual([
      expect.stringContaining("scaled by 1.01"), expect.stringContaining("sign flipped"), expect.stringContaining("constant"),
    ]);
  });

  it("tests discriminate: a function without arguments is not asked to differ from a constant", () => {
    const answerSpec = { functionName: "mass", arguments: [], returns: { type: "float" as const, description: "Mass in GeV." } };
    const tol = GOOD_ITEM.testCases[0].tolerance;
    const testCases = [0, 1, 2].map(() => ({ inputs: {}, expected: 0.938, tolerance: tol }));
    const run = { ...GOOD_RUN, results: [0, 1, 2].map(() => ({ output: 0.938, ms: 0.1 })) };
    expect(failing(ctx({ answerSpec, testCases }, { run }), "tests-discriminate")).toEqual([]);
  });

  it("answer not leaked: the right-hand side of the final answer in the statement", () => {
    const statement = "Determine $E_n$; note that $E_n = \\omega(n + \\frac{1}{2})$.\n\nConventions: $\\hbar = 1$.";
    expect(failing(ctx({ statement }), "answer-not-leaked")).toHaveLength(1);
  });

  it("near duplicates warn with links and do not block", () => {
    const results = evaluateChecks(ctx({}, { nearDuplicates: [{ id: "3f0c8a38-52b4-4a8e-9a57-3c1f3e1b2a10", similarity: 0.83, excerpt: "A particle…" }] }));
    const r = results.find((x) => x.id === "near-duplicates")!;
    expect(r).toMatchObject({ status: "fail", blocking: false, links: [{ href: "/items/3f0c8a38-52b4-4a8e-9a57-3c1f3e1b2a10" }] });
    expect(blockingFailures(results)).toEqual([]);
  });
});

// Each check on a correct item and on variants that break exactly what it guards.
import { describe, expect, it } from "vitest";
import { GOOD_INSPECT, GOOD_ITEM, GOOD_RUN } from "../../tests/support/item-fixtures";
import type { ItemFields } from "../items/schemas";
import { returnAnnotation, type Returns } from "../items/answer-spec";
import { blockingFailures, evaluateChecks } from "./registry";
import { textFactsInline } from "./text-facts";
import type { CheckContext } from "./types";

function ctx(patch: Partial<ItemFields> = {}, facts: Partial<CheckContext> = {}): CheckContext {
  const fields = { ...GOOD_ITEM, ...patch };
  return { fields, macros: {}, run: GOOD_RUN, inspect: GOOD_INSPECT, nearDuplicates: [], ...textFactsInline(fields, {}), ...facts };
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

  it("signature matches: every return type, annotated as Python writes it, matches its spec", () => {
    const returns: Returns[] = [
      { type: "float", description: "x" }, { type: "int", description: "x" }, { type: "complex", description: "x" },
      { type: "bool", description: "x" }, { type: "str", description: "x" },
      { type: "tuple", description: "x", items: [{ type: "float" }, { type: "str" }] },
      { type: "tuple", description: "x", items: [{ type: "int" }, { type: "complex" }, { type: "bool" }] },
    ];
    for (const ret of returns) {
      const answerSpec = { ...GOOD_ITEM.answerSpec, returns: ret };
      // ast.unparse writes "tuple[float, str]"; authors also write Tuple[...] and typing.Tuple[...].
      for (const annotation of [returnAnnotation(ret), returnAnnotation(ret).replace("tuple[", "Tuple["), returnAnnotation(ret).replace("tuple[", "typing.Tuple[").replace(/, /g, ",")]) {
        const inspect = { ...GOOD_INSPECT, signature: { ...GOOD_INSPECT.signature!, returns: annotation } };
        expect(failing(ctx({ answerSpec }, { inspect }), "signature-matches"), `${annotation} vs ${returnAnnotation(ret)}`).toEqual([]);
      }
    }
    const wrong = { ...GOOD_INSPECT, signature: { ...GOOD_INSPECT.signature!, returns: "tuple[str, float]" } };
    const answerSpec = { ...GOOD_ITEM.answerSpec, returns: returns[5] };
    expect(failing(ctx({ answerSpec }, { inspect: wrong }), "signature-matches")[0].message).toBe("The return annotation is tuple[str, float]; the spec says tuple[float, str].");
  });

  it("code that did not run: the checks of its outputs are not run (never passed) and block submission", () => {
    const run = { ok: false, isolation: "bwrap" as const, error: "SyntaxError at line 1: expected ':'", results: GOOD_ITEM.testCases.map(() => ({ error: "SyntaxError at line 1: expected ':'", ms: null })) };
    const results = evaluateChecks(ctx({}, { run }));
    const byId = (id: string) => results.filter((r) => r.id === id);
    for (const id of ["output-types", "expected-matches", "tests-discriminate"]) {
      expect(byId(id), id).toEqual([expect.objectContaining({ status: "not_run", passed: false, blocking: true, message: "Not run: the reference code did not run (SyntaxError at line 1: expected ':')" })]);
    }
    expect(byId("final-answer-vs-code")).toEqual([expect.objectContaining({ status: "not_run", blocking: false })]);
    expect(blockingFailures(results).map((r) => r.id)).toEqual(["reference-runs", "output-types", "expected-matches", "tests-discriminate"]);
  });

  it("a check whose input is missing says what is missing", () => {
    const noCode = evaluateChecks(ctx({ referenceCode: "" }, { run: null, inspect: null }));
    expect(noCode.find((r) => r.id === "output-types")).toMatchObject({ status: "not_run", message: "Not run: there is no reference code" });
    expect(noCode.find((r) => r.id === "signature-matches")).toMatchObject({ status: "not_run", field: "referenceCode" });
    const noAnswer = evaluateChecks(ctx({ finalAnswer: "" }));
    expect(noAnswer.find((r) => r.id === "answer-not-leaked")).toMatchObject({ status: "not_run", passed: false, blocking: true });
    // Not applicable is not the same: a str answer is not compared numerically, and that blocks nothing.
    const str = { ...GOOD_ITEM.answerSpec, returns: { type: "str" as const, description: "x" } };
    expect(evaluateChecks(ctx({ answerSpec: str })).find((r) => r.id === "final-answer-vs-code")).toMatchObject({ status: "skip", passed: true });
  });

  it("reference runs: names the sandbox the same way everywhere (bubblewrap, never bwrap)", () => {
    const message = evaluateChecks(ctx()).find((r) => r.id === "reference-runs")!.message;
    expect(message).toContain("sandbox: bubblewrap");
    expect(message).not.toMatch(/\bbwrap\b/);
  });

  it("LaTeX renders: mismatched, unknown and unclosed environments and unpaired \\left are errors at their place", () => {
    const [mismatch] = failing(ctx({ solution: "We find\n\\begin{align} x \\end{equation}" }), "latex-renders");
    expect(mismatch).toMatchObject({ field: "solution", line: 2, column: 17, message: expect.stringContaining("\\end{equation} does not match \\begin{align}") });
    expect(failing(ctx({ solution: "\\begin{foo} x \\end{foo}" }), "latex-renders")[0].message).toContain("Unknown environment “foo”");
    expect(failing(ctx({ finalAnswer: "\\left( x" }), "latex-renders")).toHaveLength(1);
    expect(failing(ctx({ statement: `${GOOD_ITEM.statement} Use \\left( here.` }), "latex-renders")[0].message).toContain("only allowed in math");
  });

  it("solution reaches the final answer: a warning when no formula of the solution equals it", () => {
    const reached = evaluateChecks(ctx({ solution: "Hence\n\\[ E_n = \\omega\\left(n + \\tfrac12\\right). \\]" })).find((r) => r.id === "solution-reaches-answer");
    expect(reached).toMatchObject({ status: "pass", message: "The solution reaches the final answer (line 2)." });
    const lost = failing(ctx({ solution: "So \\[E_n = \\omega n,\\] and $n \\ge 0$." }), "solution-reaches-answer");
    expect(lost).toEqual([expect.objectContaining({ blocking: false, field: "solution", message: expect.stringContaining("None of the solution's last 2 formulas equals the final answer") })]);
    expect(failing(ctx({ solution: "By the ladder method." }), "solution-reaches-answer")[0].message).toMatch(/states no formula/);
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

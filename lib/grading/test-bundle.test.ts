import { describe, expect, it } from "vitest";
import { GOOD_ITEM } from "../../tests/support/item-fixtures";
import { gradeRun, NO_PYTHON_BLOCK } from "./grade-run";
import { bundleOfFields, parseGroundTruth, toGroundTruth } from "./test-bundle";

const GT = {
  function_name: "energy",
  arguments: [{ name: "n", type: "int" }, { name: "omega", type: "float" }],
  returns: { type: "float" },
  test_cases: [{ inputs: { n: 0, omega: 1 }, expected: 0.5, tolerance: { abs: 1e-6, rel: 1e-6 } }, { inputs: [1, 2], expected: 3 }],
};

describe("parseGroundTruth", () => {
  it("reads the verl ground truth as a JSON string or an object; positional inputs and missing tolerances are filled in", () => {
    for (const raw of [GT, JSON.stringify(GT), { style: "rule", ground_truth: JSON.stringify(GT) }]) {
      const parsed = parseGroundTruth(raw);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.bundle.functionName).toBe("energy");
      expect(parsed.bundle.testCases[1]).toEqual({ inputs: { n: 1, omega: 2 }, expected: 3, tolerance: { abs: 1e-6, rel: 1e-6 } });
    }
  });

  it("says what is wrong, located", () => {
    expect(parseGroundTruth("{oops")).toEqual({ ok: false, issues: [{ path: [], message: "The ground truth is not valid JSON." }] });
    const bad = parseGroundTruth({ ...GT, function_name: "2x", test_cases: [] });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.issues.map((i) => i.path.join("."));
    expect(paths).toContain("test_cases");
    const wrongType = parseGroundTruth({ ...GT, test_cases: [{ inputs: { n: 1.5, omega: 1 }, expected: "x" }] });
    expect(wrongType.ok ? [] : wrongType.issues.map((i) => i.path.join("."))).toEqual(["test_cases.0.inputs.n", "test_cases.0.expected"]);
    const missing = parseGroundTruth({ ...GT, test_cases: [{ inputs: { n: 1 }, expected: 1 }] });
    expect(missing.ok ? "" : missing.issues[0].message).toBe("Missing omega.");
  });

  it("round-trips an item's bundle through its ground truth", () => {
    const bundle = bundleOfFields(GOOD_ITEM);
    const again = parseGroundTruth(JSON.stringify(toGroundTruth(bundle)));
    expect(again.ok && again.bundle.testCases).toEqual(bundle.testCases);
  });
});

describe("gradeRun", () => {
  const bundle = bundleOfFields(GOOD_ITEM);

  it("scores 1 only when every case passes, and reports each case", () => {
    const run = { ok: false, isolation: "bwrap" as const, error: null, results: [{ output: 0.5, ms: 1 }, { output: 2, ms: 1 }, { error: "ZeroDivisionError: division by zero", ms: 1 }] };
    const result = gradeRun(bundle, "code", run, 12.34);
    expect(result).toMatchObject({ passed: false, score: 0, casesPassed: 1, casesTotal: 3, code: "code", functionName: "energy", isolation: "bwrap", ms: 12.3 });
    expect(result.cases.map((c) => [c.passed, c.got, c.error])).toEqual([
      [true, 0.5, null],
      [false, 2, "2 ≠ 3 (tolerance abs 0.000001, rel 0.000001)"],
      [false, null, "ZeroDivisionError: division by zero"],
    ]);
    expect(gradeRun(bundle, "code", { ...run, results: [{ output: 0.5, ms: 1 }, { output: 3, ms: 1 }, { output: 1.75, ms: 1 }] }, 1).score).toBe(1);
  });

  it("fails every case of a response without code, saying so", () => {
    const result = gradeRun(bundle, null, null, 0);
    expect(result.passed).toBe(false);
    expect(result.cases.every((c) => c.error === NO_PYTHON_BLOCK)).toBe(true);
  });
});

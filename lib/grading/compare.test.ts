import { describe, expect, it } from "vitest";
import { compareOutput, gradeCall, lastPythonBlock, returnTypeProblem } from "./compare";
import type { Returns } from "../items/answer-spec";

const TOL = { abs: 1e-6, rel: 1e-6 };
const FLOAT: Returns = { type: "float", description: "" };

describe("compareOutput", () => {
  it("matches numbers within abs + rel·|expected|", () => {
    expect(compareOutput(1e6 + 0.5, 1e6, FLOAT, TOL).pass).toBe(true); // 0.5 ≤ 1e-6 + 1
    expect(compareOutput(1.00001, 1, FLOAT, TOL).pass).toBe(false);
    expect(compareOutput(2, 1, FLOAT, { abs: 1, rel: 0 }).pass).toBe(true);
  });

  it("fails NaN, infinities, bools and strings where a number is expected", () => {
    expect(compareOutput({ $float: "nan" }, 1, FLOAT, TOL)).toMatchObject({ pass: false, reason: expect.stringContaining("not finite") });
    expect(compareOutput({ $float: "inf" }, 1, FLOAT, TOL).pass).toBe(false);
    expect(compareOutput(true, 1, FLOAT, TOL).pass).toBe(false);
    expect(compareOutput("1", 1, FLOAT, TOL).pass).toBe(false);
  });

  it("compares complex numbers component-wise and accepts a real output for a complex answer", () => {
    const C: Returns = { type: "complex", description: "" };
    expect(compareOutput({ re: 1, im: 2 + 1e-9 }, { re: 1, im: 2 }, C, TOL).pass).toBe(true);
    expect(compareOutput({ re: 1, im: -2 }, { re: 1, im: 2 }, C, TOL).pass).toBe(false);
    expect(compareOutput(3, { re: 3, im: 0 }, C, TOL).pass).toBe(true);
  });

  it("compares tuples element-wise with equal length, strings trimmed within options, bools exactly", () => {
    const T: Returns = { type: "tuple", description: "", items: [{ type: "float" }, { type: "str", options: ["up", "down"] }, { type: "bool" }] };
    expect(compareOutput([1, " up ", true], [1, "up", true], T, TOL).pass).toBe(true);
    expect(compareOutput([1, "up"], [1, "up", true], T, TOL)).toMatchObject({ pass: false, reason: "returned 2 values, expected 3" });
    expect(compareOutput([1, "sideways", true], [1, "up", true], T, TOL).reason).toMatch(/element 1: .*not one of the options/);
    expect(compareOutput([1, "up", 1], [1, "up", true], T, TOL).reason).toMatch(/element 2: .*expected a bool/);
  });
});

describe("gradeCall", () => {
  it("fails an exception, a timeout and a missing expected value", () => {
    expect(gradeCall({ error: "ZeroDivisionError: division by zero", ms: 1 }, 1, FLOAT, TOL)).toEqual({ pass: false, reason: "ZeroDivisionError: division by zero" });
    expect(gradeCall({ error: "time limit exceeded (3000 ms)", ms: null }, 1, FLOAT, TOL).pass).toBe(false);
    expect(gradeCall({ output: 1, ms: 1 }, null, FLOAT, TOL).reason).toBe("no expected output stored");
    expect(gradeCall({ output: 1, ms: 1 }, 1, FLOAT, TOL)).toEqual({ pass: true, reason: null });
  });
});

describe("returnTypeProblem", () => {
  it("checks the declared shape and finiteness", () => {
    expect(returnTypeProblem(2, { type: "int", description: "" })).toBeNull();
    expect(returnTypeProblem(2.5, { type: "int", description: "" })).toMatch(/integer/);
    expect(returnTypeProblem({ $float: "-inf" }, FLOAT)).toMatch(/not finite/);
  });
});

describe("lastPythonBlock", () => {
  it("takes the last python block of a response", () => {
    const response = "First try:\n```python\ndef f(): return 1\n```\nBetter:\n```python\ndef f():\n    return 2\n```\n```text\nnot code\n```";
    expect(lastPythonBlock(response)).toBe("def f():\n    return 2\n");
    expect(lastPythonBlock("no code")).toBeNull();
  });
});

describe("lastPythonBlock, LaTeX environments and fences", () => {
  it("takes whichever block starts last, fenced or \\begin{python}", () => {
    expect(lastPythonBlock("\\begin{python}\ndef f(): return 1\n\\end{python}")).toBe("\ndef f(): return 1\n");
    expect(lastPythonBlock("```python\na = 1\n```\n\\begin{python}\nb = 2\n\\end{python}")).toBe("\nb = 2\n");
    expect(lastPythonBlock("\\begin{python}\nb = 2\n\\end{python}\n```py \r\na = 1\r\n```")).toBe("a = 1\r\n");
    expect(lastPythonBlock("```\na = 1\n```")).toBeNull();
    expect(lastPythonBlock("```python\nunclosed")).toBeNull();
  });
});

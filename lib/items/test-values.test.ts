import { describe, expect, it } from "vitest";
import { formatCell, parseCell, parseComplex, testCaseProblems } from "./test-values";
import type { AnswerSpec } from "./answer-spec";

describe("parseComplex", () => {
  it.each([
    ["2", { re: 2, im: 0 }],
    ["2j", { re: 0, im: 2 }],
    ["-1.5e-3j", { re: 0, im: -0.0015 }],
    ["1+2j", { re: 1, im: 2 }],
    ["(1e-3 - 2.5j)", { re: 0.001, im: -2.5 }],
    ["1-j", { re: 1, im: -1 }],
  ])("reads %s", (text, value) => expect(parseComplex(text)).toEqual(value));

  it.each(["", "j2", "1+2i", "abc", "1++2j"])("rejects %j", (text) => expect(parseComplex(text)).toBeNull());
});

describe("parseCell / formatCell", () => {
  it("parses each type and round-trips through the table text", () => {
    expect(parseCell(" 1e-3 ", "float")).toEqual({ ok: true, value: 0.001 });
    expect(parseCell("3", "int")).toEqual({ ok: true, value: 3 });
    expect(parseCell("True", "bool")).toEqual({ ok: true, value: true });
    expect(parseCell("MSbar", "str", ["MSbar"])).toEqual({ ok: true, value: "MSbar" });
    expect(formatCell({ re: 1, im: -2 }, "complex")).toBe("1-2j");
    expect(parseCell(formatCell({ re: 1, im: -2 }, "complex"), "complex")).toEqual({ ok: true, value: { re: 1, im: -2 } });
  });

  it("explains what is wrong", () => {
    expect(parseCell("1.5", "int")).toEqual({ ok: false, message: '"1.5" is not an integer.' });
    expect(parseCell("inf", "float")).toMatchObject({ ok: false });
    expect(parseCell("[1, 2", "float")).toMatchObject({ ok: false, message: expect.stringContaining("is not a number") });
    expect(parseCell("other", "str", ["a", "b"])).toMatchObject({ ok: false, message: 'Must be one of "a", "b".' });
  });
});

describe("numbers as physicists write them", () => {
  it("accepts pi, 2*pi, pi/2, sqrt(2), 1/3, 1e-3 and e in float cells, keeping the typed expression", () => {
    expect(parseCell("pi/2", "float")).toEqual({ ok: true, value: Math.PI / 2, expression: "pi/2" });
    expect(parseCell(" 2*pi ", "float")).toEqual({ ok: true, value: 2 * Math.PI, expression: "2*pi" });
    expect(parseCell("sqrt(2)", "float")).toMatchObject({ value: Math.SQRT2 });
    expect(parseCell("1/3", "float")).toMatchObject({ value: 1 / 3 });
    expect(parseCell("e", "float")).toMatchObject({ value: Math.E });
    expect(parseCell("1e-3", "float")).toEqual({ ok: true, value: 0.001 }); // a plain number keeps no expression
    expect(parseCell("pi/2", "complex")).toEqual({ ok: true, value: { re: Math.PI / 2, im: 0 }, expression: "pi/2" });
  });

  it("says why a typed text is not a number instead of dropping it", () => {
    expect(parseCell("pi/", "float")).toEqual({ ok: false, message: "“pi/” is not a number: the expression ends too early." });
    expect(parseCell("hbar", "float")).toMatchObject({ ok: false, message: expect.stringContaining("“hbar” is not a known name") });
  });

  it("shows the kept expression only while it still gives the stored number", () => {
    expect(formatCell(Math.PI / 2, "float", "pi/2")).toBe("pi/2");
    expect(formatCell(1.5, "float", "pi/2")).toBe("1.5");
    const tol = { abs: 1e-6, rel: 1e-6 };
    const spec: AnswerSpec = { functionName: "f", arguments: [{ name: "x", type: "float", description: "" }], returns: { type: "float", description: "" } };
    expect(testCaseProblems([{ inputs: { x: Math.PI }, expected: 1, tolerance: tol, display: { inputs: { x: "pi" } } }], spec)).toEqual([]);
    expect(testCaseProblems([{ inputs: { x: 3 }, expected: 1, tolerance: tol, display: { inputs: { x: "pi" }, expected: ["e"] } }], spec).map((p) => p.path.join("."))).toEqual([
      "0.display.inputs.x", "0.display.expected.0",
    ]);
  });
});

describe("testCaseProblems", () => {
  const spec: AnswerSpec = {
    functionName: "f",
    arguments: [{ name: "x", type: "float", description: "" }],
    returns: { type: "tuple", description: "", items: [{ type: "int" }, { type: "complex" }] },
  };
  it("checks inputs and expected outputs against the spec", () => {
    const tol = { abs: 1e-6, rel: 1e-6 };
    expect(testCaseProblems([{ inputs: { x: 1 }, expected: [1, { re: 0, im: 1 }], tolerance: tol }], spec)).toEqual([]);
    expect(testCaseProblems([{ inputs: { x: 1 }, expected: null, tolerance: tol }], spec)).toEqual([]);
    expect(testCaseProblems([{ inputs: { y: 1 }, expected: [1.5, 2], tolerance: tol }], spec)).toEqual([
      { path: [0, "inputs", "y"], message: '"y" is not an argument of the answer spec.' },
      { path: [0, "expected", 0], message: "Expected an integer." },
    ]);
    expect(testCaseProblems([{ inputs: {}, expected: 1, tolerance: tol }], spec)[0].message).toBe("Expected a tuple of 2 values.");
  });
});

import { describe, expect, it } from "vitest";
import { evaluateNumber, expressionGives } from "./number-expression";

const value = (text: string) => {
  const r = evaluateNumber(text);
  return r.ok ? r.value : r.message;
};

describe("evaluateNumber", () => {
  it("reads the numbers physicists type", () => {
    expect(value("pi")).toBe(Math.PI);
    expect(value("2*pi")).toBe(2 * Math.PI);
    expect(value("2pi")).toBe(2 * Math.PI);
    expect(value("pi/2")).toBe(Math.PI / 2);
    expect(value("sqrt(2)")).toBe(Math.SQRT2);
    expect(value("1/3")).toBe(1 / 3);
    expect(value("1e-3")).toBe(0.001);
    expect(value("e")).toBe(Math.E);
    expect(value("π/4")).toBe(Math.PI / 4);
    expect(value("exp(-1)")).toBe(Math.exp(-1));
    expect(value("3 sqrt(2)/2")).toBeCloseTo((3 * Math.SQRT2) / 2, 15);
  });

  it("follows Python's precedence: powers bind tighter than a leading minus and group to the right", () => {
    expect(value("-2^10")).toBe(-1024);
    expect(value("2**3**2")).toBe(512);
    expect(value("(1+2)*3")).toBe(9);
  });

  it("tells a plain literal from an expression", () => {
    expect(evaluateNumber("1.5")).toEqual({ ok: true, value: 1.5, isExpression: false });
    expect(evaluateNumber("-2e3")).toEqual({ ok: true, value: -2000, isExpression: false });
    expect(evaluateNumber("1/2")).toEqual({ ok: true, value: 0.5, isExpression: true });
  });

  it("says what is wrong, never evaluating anything but the grammar", () => {
    expect(value("pi/")).toBe("“pi/” is not a number: the expression ends too early.");
    expect(value("1+2)")).toBe("“1+2)” is not a number: unexpected “)” at column 4.");
    expect(value("sqrt 2")).toMatch(/sqrt needs its argument in parentheses/);
    expect(value("1/0")).toBe("“1/0” is not a finite number.");
    expect(value("alert(1)")).toMatch(/“alert” is not a known name/);
    expect(value("constructor")).toMatch(/not a known name/);
    expect(value("")).toBe("Empty.");
  });

  it("checks that a kept expression still gives a stored number", () => {
    expect(expressionGives("pi/2", Math.PI / 2)).toBe(true);
    expect(expressionGives("pi/2", 1.57)).toBe(false);
  });
});

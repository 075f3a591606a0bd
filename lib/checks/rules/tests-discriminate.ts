// The tests tell a wrong answer from the right one: the reference scaled by 1.01, sign-flipped, and
// replaced by a constant must each fail at least one case (the last only when the function has arguments).
import { compareOutput } from "../../grading/compare";
import type { PyValue } from "../../sandbox/types";
import { fail, pass, skip, type Check, type Finding } from "../types";

type Perturb = (v: PyValue) => PyValue;

function mapNumbers(v: PyValue, f: (n: number) => number, flipBool: boolean): PyValue {
  if (typeof v === "number") return f(v);
  if (typeof v === "boolean") return flipBool ? !v : v;
  if (Array.isArray(v)) return v.map((x) => mapNumbers(x, f, flipBool));
  if (v && typeof v === "object" && "re" in v && "im" in v) return { re: mapNumbers(v.re, f, false), im: mapNumbers(v.im, f, false) };
  return v;
}

const PERTURBATIONS: [string, Perturb][] = [
  ["scaled by 1.01", (v) => mapNumbers(v, (n) => n * 1.01, false)],
  ["with its sign flipped", (v) => mapNumbers(v, (n) => -n, true)],
];

export const testsDiscriminate: Check = {
  id: "tests-discriminate",
  title: "Tests catch wrong answers",
  blocking: true,
  run: ({ run, fields }) => {
    if (!run || run.unavailable || run.results.some((r) => "error" in r)) return [skip("Needs the reference code to run on every case.")];
    const cases = fields.testCases;
    if (cases.length === 0 || cases.some((c) => c.expected === null)) return [skip("Needs expected outputs for every case.")];
    const outputs = run.results.map((r) => ("output" in r ? r.output : null)) as PyValue[];
    const constant = outputs[0];
    const variants: [string, PyValue[]][] = PERTURBATIONS.map(([name, f]): [string, PyValue[]] => [name, outputs.map(f)]);
    // A function without arguments is a constant: replacing it by a constant cannot be told apart.
    if (fields.answerSpec.arguments.length > 0) variants.push(["replaced by a constant (the first case's output)", outputs.map(() => constant)]);
    const findings: Finding[] = [];
    for (const [name, perturbed] of variants) {
      const caught = perturbed.some((out, i) => !compareOutput(out, cases[i].expected!, fields.answerSpec.returns, cases[i].tolerance).pass);
      if (!caught) findings.push(fail(`The reference ${name} passes every case: add cases (or tighten tolerances) that tell it apart.`, { field: "testCases" }));
    }
    return findings.length ? findings : [pass("Scaled, sign-flipped and constant answers each fail a case.")];
  },
};

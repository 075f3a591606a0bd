// The tests tell a wrong answer from the right one: the reference scaled by 1.01, sign-flipped, and
// replaced by a constant must each fail at least one case. A wrong answer is only tried where it can
// differ from the right one: scaling and sign flips need a number in the return (a str or bool has none,
// and would otherwise block such items for ever); the constant needs the function to have arguments.
import { compareOutput } from "../../grading/compare";
import type { AnswerSpec } from "../../items/answer-spec";
import { returnElements } from "../../items/test-values";
import type { PyValue } from "../../sandbox/types";
import { missingOutputs } from "../missing-outputs";
import { fail, notRun, pass, type Check, type Finding } from "../types";

type Perturbation = {
  label: string;
  name: string;
  /** Null when this wrong answer can differ from the reference's, else why it cannot. */
  inapplicable: (spec: AnswerSpec) => string | null;
  perturb: (outputs: PyValue[]) => PyValue[];
};

/** Numbers (complex parts and tuple elements too) mapped by f; strings, bools and non-finite markers kept. */
function mapNumbers(v: PyValue, f: (n: number) => number): PyValue {
  if (typeof v === "number") return f(v);
  if (Array.isArray(v)) return v.map((x) => mapNumbers(x, f));
  if (v && typeof v === "object" && "re" in v && "im" in v) return { re: mapNumbers(v.re, f), im: mapNumbers(v.im, f) };
  return v;
}

const noNumbers = (spec: AnswerSpec) =>
  returnElements(spec.returns).some((e) => e.type === "float" || e.type === "int" || e.type === "complex") ? null : `a ${spec.returns.type} return has no number to change`;

const PERTURBATIONS: Perturbation[] = [
  { label: "scaled", name: "scaled by 1.01", inapplicable: noNumbers, perturb: (outs) => outs.map((v) => mapNumbers(v, (n) => n * 1.01)) },
  { label: "sign-flipped", name: "with its sign flipped", inapplicable: noNumbers, perturb: (outs) => outs.map((v) => mapNumbers(v, (n) => -n)) },
  {
    label: "constant",
    name: "replaced by a constant (the first case's output)",
    // A function without arguments is a constant: replacing it by a constant cannot be told apart.
    inapplicable: (spec) => (spec.arguments.length === 0 ? "a function without arguments is a constant" : null),
    perturb: (outs) => outs.map(() => outs[0]),
  },
];

/** "a", "a and b", "a, b and c" */
const listOf = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : words.join(""));

/** "Not applicable: scaled and sign-flipped (a str return has no number to change)." — reasons grouped. */
function notApplicable(skipped: { label: string; reason: string }[]): string {
  const byReason = new Map<string, string[]>();
  for (const { label, reason } of skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), label]);
  return `Not applicable: ${[...byReason].map(([reason, labels]) => `${listOf(labels)} (${reason})`).join("; ")}.`;
}

/** What the pass says: which wrong answers were caught, and which could not be tried and why. */
function passMessage(tried: Perturbation[], skipped: { label: string; reason: string }[]): string {
  const labels = listOf(tried.map((p) => p.label));
  const caught = labels ? `${labels[0].toUpperCase()}${labels.slice(1)} answers ${tried.length > 1 ? "each fail" : "fail"} a case.` : "No wrong answer could be tried.";
  return skipped.length ? `${caught} ${notApplicable(skipped)}` : caught;
}

export const testsDiscriminate: Check = {
  id: "tests-discriminate",
  title: "Tests catch wrong answers",
  blocking: true,
  run: (ctx) => {
    const missing = missingOutputs(ctx, { every: true });
    if (missing || !ctx.run) return [notRun(missing ?? "no outputs")];
    const { run, fields } = ctx;
    const cases = fields.testCases;
    if (cases.some((c) => c.expected === null)) return [notRun("some test cases have no expected output", { field: "testCases" })];
    const outputs = run.results.map((r) => ("output" in r ? r.output : null)) as PyValue[];
    const spec = fields.answerSpec;
    const skipped = PERTURBATIONS.flatMap((p) => {
      const reason = p.inapplicable(spec);
      return reason ? [{ label: p.label, reason }] : [];
    });
    const tried = PERTURBATIONS.filter((p) => !p.inapplicable(spec));
    const findings: Finding[] = [];
    for (const p of tried) {
      const caught = p.perturb(outputs).some((out, i) => !compareOutput(out, cases[i].expected!, spec.returns, cases[i].tolerance).pass);
      if (!caught) findings.push(fail(`The reference ${p.name} passes every case: add cases (or tighten tolerances) that tell it apart.`, { field: "testCases" }));
    }
    return findings.length ? findings : [pass(passMessage(tried, skipped))];
  },
};

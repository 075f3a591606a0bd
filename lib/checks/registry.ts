// Every check, in the order results are shown.
import { answerNotLeaked } from "./rules/answer-not-leaked";
import { answerSpecValid } from "./rules/answer-spec-valid";
import { completeFields } from "./rules/complete-fields";
import { expectedMatches } from "./rules/expected-matches";
import { finalAnswerVsCode } from "./rules/final-answer-vs-code";
import { latexRenders } from "./rules/latex-renders";
import { minTestCases } from "./rules/min-test-cases";
import { nearDuplicates } from "./rules/near-duplicates";
import { outputTypes } from "./rules/output-types";
import { referenceRuns } from "./rules/reference-runs";
import { signatureMatches } from "./rules/signature-matches";
import { solutionReachesAnswer } from "./rules/solution-reaches-answer";
import { statementWording } from "./rules/statement-wording";
import { testsDiscriminate } from "./rules/tests-discriminate";
import type { Check, CheckContext, CheckResult } from "./types";

export const CHECKS: Check[] = [
  completeFields, latexRenders, statementWording, answerSpecValid, signatureMatches, referenceRuns,
  outputTypes, expectedMatches, minTestCases, testsDiscriminate, answerNotLeaked, nearDuplicates, finalAnswerVsCode,
  solutionReachesAnswer,
];

/** Run every check on the gathered context: a flat list of located results. Pure. */
export function evaluateChecks(ctx: CheckContext, checks: Check[] = CHECKS): CheckResult[] {
  return checks.flatMap((check) =>
    check.run(ctx).map((f) => ({
      id: check.id,
      title: check.title,
      blocking: check.blocking,
      status: f.status,
      passed: f.status === "pass" || f.status === "skip",
      message: f.message,
      field: f.field ?? null,
      line: f.line ?? null,
      column: f.column ?? null,
      ...(f.links ? { links: f.links } : {}),
    })),
  );
}

/** What stands in the way of submission: blocking checks that failed or could not run. */
export function blockingFailures(results: CheckResult[]): CheckResult[] {
  return results.filter((r) => r.blocking && !r.passed);
}

/** The distinct ids of the checks with a failing finding (blocking or not), in registry order. */
export function failedCheckIds(results: Pick<CheckResult, "id" | "passed">[]): string[] {
  return [...new Set(results.filter((r) => !r.passed).map((r) => r.id))];
}

/** One word for a run: any blocking failure → FAILING; else any other failure → WARNINGS; else PASSING. */
export function checkStateOf(results: Pick<CheckResult, "blocking" | "passed">[]): "PASSING" | "WARNINGS" | "FAILING" {
  if (results.some((r) => r.blocking && !r.passed)) return "FAILING";
  if (results.some((r) => !r.passed)) return "WARNINGS";
  return "PASSING";
}

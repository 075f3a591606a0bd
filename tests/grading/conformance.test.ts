// The conformance corpus (tests/grading/conformance.json) on both graders: the server's (lib/grading, the
// responses run in the bubblewrap sandbox) and the Python reward module (local mode, Debian's python3). Each
// must give the corpus's verdicts, and the two must agree case by case: pass/fail, output and reason.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeResponse } from "../../lib/grading/grade-response";
import type { GradeResult } from "../../lib/grading/grade-run";
import { parseGroundTruth, type TestBundle } from "../../lib/grading/test-bundle";
import { closeSandboxPool, getSandboxPool } from "../../lib/sandbox/pool";
import { gradeWithModule, type ModuleResult } from "../support/reward-module";
import { bwrapAvailable, clearSandboxEnv, probeMode } from "../support/sandbox";

type Expected = { passed: boolean; cases: { passed: boolean; error?: string }[] };
type Corpus = {
  limits: { wallMs: number; cpuMs: number; memoryMb: number; outputBytes: number };
  groundTruths: Record<string, unknown>;
  cases: { id: string; groundTruth: string; response: string; expect: Expected }[];
};

const corpus = JSON.parse(readFileSync(path.join(process.cwd(), "tests", "grading", "conformance.json"), "utf8")) as Corpus;
const bwrap = await bwrapAvailable();
const TIME_LIMIT = /time limit exceeded/;

function bundleOf(name: string): TestBundle {
  const parsed = parseGroundTruth(corpus.groundTruths[name]);
  if (!parsed.ok) throw new Error(`ground truth ${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.bundle;
}

function meetsExpectation(got: { passed: boolean; cases: { passed: boolean; error: string | null }[] }, expected: Expected): string[] {
  const problems: string[] = [];
  if (got.passed !== expected.passed) problems.push(`verdict ${got.passed}, expected ${expected.passed}`);
  if (got.cases.length !== expected.cases.length) problems.push(`${got.cases.length} cases, expected ${expected.cases.length}`);
  expected.cases.forEach((e, i) => {
    const c = got.cases[i];
    if (!c) return;
    if (c.passed !== e.passed) problems.push(`case ${i}: passed ${c.passed} (${c.error}), expected ${e.passed}`);
    if (e.error && !(c.error ?? "").includes(e.error)) problems.push(`case ${i}: reason ${JSON.stringify(c.error)} lacks ${JSON.stringify(e.error)}`);
  });
  return problems;
}

const sameReason = (a: string | null, b: string | null) => a === b || (TIME_LIMIT.test(a ?? "") && TIME_LIMIT.test(b ?? ""));

describe.runIf(bwrap.ok)("conformance corpus", () => {
  let server: GradeResult[];
  let python: ModuleResult[];

  beforeAll(async () => {
    closeSandboxPool();
    await probeMode("bwrap");
    expect(await getSandboxPool().warm()).toBeNull();
    [server, python] = await Promise.all([
      Promise.all(corpus.cases.map((c) => gradeResponse(bundleOf(c.groundTruth), c.response, { limits: corpus.limits }))),
      gradeWithModule(corpus.cases.map((c) => c.response), corpus.cases.map((c) => corpus.groundTruths[c.groundTruth]), { limits: corpus.limits }),
    ]);
  }, 300_000);
  afterAll(() => {
    closeSandboxPool();
    clearSandboxEnv();
  });

  it("has at least 60 cases, each with a unique id", () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.cases.map((c) => c.id)).size).toBe(corpus.cases.length);
  });

  it("the server's grader gives the corpus's verdicts", () => {
    const failures = corpus.cases.flatMap((c, i) => meetsExpectation(server[i], c.expect).map((p) => `${c.id}: ${p}`));
    expect(failures).toEqual([]);
    expect(server.every((r) => r.isolation === "bwrap" || r.code === null)).toBe(true);
  });

  it("the Python module gives the corpus's verdicts", () => {
    const failures = corpus.cases.flatMap((c, i) => meetsExpectation(python[i], c.expect).map((p) => `${c.id}: ${p}`));
    expect(failures).toEqual([]);
  });

  it("the two agree case by case: verdict, score, output and reason", () => {
    const disagreements = corpus.cases.flatMap((c, i) => {
      const s = server[i];
      const m = python[i];
      const out: string[] = [];
      if (s.passed !== m.passed || s.score !== m.score || s.casesPassed !== m.cases_passed || s.casesTotal !== m.cases_total) out.push(`${c.id}: verdicts differ`);
      if (s.code !== m.code) out.push(`${c.id}: extracted code differs`);
      s.cases.forEach((sc, k) => {
        const mc = m.cases[k];
        if (sc.passed !== mc.passed) out.push(`${c.id} case ${k}: passed ${sc.passed} vs ${mc.passed}`);
        if (!sameReason(sc.error, mc.error)) out.push(`${c.id} case ${k}: reason ${JSON.stringify(sc.error)} vs ${JSON.stringify(mc.error)}`);
        if (JSON.stringify(sc.got) !== JSON.stringify(mc.got)) out.push(`${c.id} case ${k}: output ${JSON.stringify(sc.got)} vs ${JSON.stringify(mc.got)}`);
      });
      return out;
    });
    expect(disagreements).toEqual([]);
  });
});

// Scoring a file of answer pairs (`fieldwork equiv --file`): every pair is validated and decided on its own,
// so an invalid pair or one the checker fails on is reported as an error for that pair and the run goes on.
// "Cannot decide" is counted apart: never correct, never a false positive.
import { conventionsFor } from "./conventions";
import { checkEquivalence } from "./index";
import { ZEquivalencePair, type TEquivalencePair } from "./schemas";
import type { ConventionName, EquivalenceOptions, Verdict } from "./types";

export type ScoredCase = { id: string; expected: boolean | null; equivalent: boolean | null; reason: string; error?: string };
export type Score = {
  total: number; correct: number; falsePositives: number; falseNegatives: number; undecided: number; errors: number;
  cases: ScoredCase[];
};
export type ScoreDefaults = { units?: "strict" | "optional"; conventions?: ConventionName[] };
type Check = (gold: string, pred: string, options: EquivalenceOptions) => Verdict;

/** The checker's options for a pair: its own fields, then its `options`, its statement, then the defaults. */
export function optionsOfPair(p: TEquivalencePair, defaults: ScoreDefaults = {}): EquivalenceOptions {
  return {
    declarations: p.declarations,
    units: p.units ?? p.options?.units ?? defaults.units,
    conventions: p.conventions ?? p.options?.conventions ?? (p.statement !== undefined ? conventionsFor(p.statement) : defaults.conventions),
    floatRounding: p.options?.float_rounding,
    setRelation: p.options?.allow_set_relation_comp,
  };
}

function scoreOne(item: unknown, index: number, defaults: ScoreDefaults, check: Check): ScoredCase {
  const parsed = ZEquivalencePair.safeParse(item);
  const rawId = (item as { id?: unknown } | null)?.id;
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join(".") || "pair"}: ${i.message}`).join("; ");
    return { id: typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : `#${index + 1}`, expected: null, equivalent: null, reason: `invalid pair (${why})`, error: why };
  }
  const p = parsed.data;
  try {
    const verdict = check(p.gold, p.pred, optionsOfPair(p, defaults));
    return { id: p.id, expected: p.expected, equivalent: verdict.equivalent, reason: verdict.reason };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id: p.id, expected: p.expected, equivalent: null, reason: `the checker failed on this pair: ${message}`, error: message };
  }
}

export function scorePairs(items: unknown[], defaults: ScoreDefaults = {}, check: Check = checkEquivalence): Score {
  const cases = items.map((item, i) => scoreOne(item, i, defaults, check));
  const count = (test: (c: ScoredCase) => boolean) => cases.filter(test).length;
  return {
    total: cases.length,
    correct: count((c) => c.equivalent !== null && c.equivalent === c.expected),
    falsePositives: count((c) => c.equivalent === true && c.expected === false),
    falseNegatives: count((c) => c.equivalent === false && c.expected === true),
    undecided: count((c) => c.equivalent === null && !c.error),
    errors: count((c) => !!c.error),
    cases,
  };
}

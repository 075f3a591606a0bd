// Automatic checks: each is a small module with an id, whether it blocks submission, and a pure `run`
// over the item and the facts gathered once per run (sandbox results, near-duplicates).
import type { ItemFields } from "../items/schemas";
import type { InspectResult, RunResult } from "../sandbox/types";
import type { TextFacts } from "./text-facts";

/**
 * pass · fail · skip (does not apply to this item, e.g. a numeric comparison of a str answer) · not_run (what
 * the check needs is missing, e.g. the reference code has a syntax error so there are no outputs to check:
 * neither a pass nor a fail, and it blocks submission where the check is blocking).
 */
export type CheckStatus = "pass" | "fail" | "skip" | "not_run";

/** One finding, located at a field (and a line/column inside it) when it concerns one. */
export type CheckResult = {
  id: string;
  title: string;
  blocking: boolean;
  status: CheckStatus;
  /** pass or skip; a skipped check never blocks, a blocking check that did not run does */
  passed: boolean;
  message: string;
  field: string | null;
  line: number | null;
  column: number | null;
  links?: { href: string; label: string }[];
};

export type Finding = Partial<Pick<CheckResult, "field" | "line" | "column" | "links">> & { status: CheckStatus; message: string };

export type NearDuplicate = { id: string; similarity: number; excerpt: string };

export type CheckContext = {
  fields: ItemFields;
  macros: Record<string, string>;
  /** Reference code run on every test case's inputs (null when the code or spec is not ready to run). */
  run: RunResult | null;
  /** The reference code's function, read with Python's ast (null when there is nothing to inspect). */
  inspect: InspectResult | null;
  nearDuplicates: NearDuplicate[];
} & TextFacts;

export type Check = { id: string; title: string; blocking: boolean; run: (ctx: CheckContext) => Finding[] };

export const pass = (message: string): Finding => ({ status: "pass", message });
export const fail = (message: string, at: Partial<Pick<CheckResult, "field" | "line" | "column" | "links">> = {}): Finding => ({ status: "fail", message, ...at });
export const skip = (message: string): Finding => ({ status: "skip", message });
/** The check could not look at what it checks: `why` says what is missing ("Not run: …"). */
export const notRun = (why: string, at: Partial<Pick<CheckResult, "field" | "line" | "column">> = {}): Finding => ({ status: "not_run", message: `Not run: ${why}`, ...at });

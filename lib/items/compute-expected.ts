import "server-only";
// POST /api/items/[id]/expected: run the saved reference code on the saved test inputs and return the
// outputs as expected values (the editor fills them into the table; nothing is stored here).
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { returnTypeProblem } from "../grading/compare";
import { runCode } from "../sandbox/run-code";
import type { Isolation, PyValue } from "../sandbox/types";
import { fieldsOf, parseItemId } from "./item-record";
import type { TestValue } from "./test-values";
import type { ComputedOutput } from "./draft";

export type { ComputedOutput };
export type ComputedExpected = { version: number; isolation: Isolation | null; outputs: ComputedOutput[] };

/** Python's JSON (checked against the return spec first) as a stored test value. */
function toTestValue(v: PyValue): TestValue {
  if (Array.isArray(v)) return v.map(toTestValue);
  if (v && typeof v === "object" && "re" in v) return { re: v.re as number, im: v.im as number };
  return v as TestValue;
}

export async function computeExpected(actor: Actor, rawId: unknown): Promise<ComputedExpected> {
  const id = parseItemId(rawId);
  const item = await getDb().item.findUnique({ where: { id } });
  if (!item) throw new AppError("NOT_FOUND", "No such item.");
  assertCan(actor, "item.edit", item);
  const fields = fieldsOf(item);
  const spec = fields.answerSpec;
  if (!spec.functionName || !fields.referenceCode.trim()) throw new AppError("INVALID", "Save a function name and reference code first.");
  if (fields.testCases.length === 0) throw new AppError("INVALID", "Add test cases (their inputs) first.");
  const run = await runCode({ code: fields.referenceCode, functionName: spec.functionName, calls: fields.testCases.map((tc) => tc.inputs) });
  const outputs = run.results.map((r): ComputedOutput => {
    if ("error" in r) return { error: r.error };
    const problem = returnTypeProblem(r.output, spec.returns);
    return problem ? { error: `The code ${problem}.` } : { value: toTestValue(r.output) };
  });
  return { version: item.version, isolation: run.isolation, outputs };
}

// The editable fields of an item row or of a stored revision snapshot (unknown JSON, read defensively). Pure:
// no database and no server-only import, so the export's worker threads read snapshots with it too.
import { ZDeclarations } from "../equivalence/schemas";
import { toAnswerSpec } from "./answer-spec";
import type { Declarations } from "./declarations";
import { ZTestCase, type ItemFields } from "./schemas";
import type { TestCase } from "./test-values";

function toTestCases(value: unknown): TestCase[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((tc) => {
    const parsed = ZTestCase.safeParse(tc);
    return parsed.success ? [parsed.data as TestCase] : [];
  });
}

/** The editable fields of a row, or of a stored revision snapshot. */
export function fieldsOf(row: Record<string, unknown>): ItemFields {
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[]) => (allowed.includes(v as T) ? (v as T) : null);
  return {
    statement: str(row.statement),
    description: str(row.description),
    solution: str(row.solution),
    finalAnswer: str(row.finalAnswer),
    referenceCode: str(row.referenceCode),
    answerSpec: toAnswerSpec(row.answerSpec),
    testCases: toTestCases(row.testCases),
    topic: str(row.topic),
    level: oneOf(row.level, ["ADVANCED_UNDERGRADUATE", "GRADUATE", "RESEARCH"] as const),
    difficulty: oneOf(row.difficulty, ["EASY", "MEDIUM", "HARD"] as const),
    split: oneOf(row.split, ["TRAIN", "VAL", "TEST"] as const),
    sourceLocation: str(row.sourceLocation),
    license: str(row.license),
    declarations: toDeclarations(row.declarations),
  };
}

/** Stored declarations (validated on save with the same schema; anything unreadable counts as none). */
function toDeclarations(value: unknown): Declarations {
  const parsed = ZDeclarations.safeParse(value);
  return parsed.success ? parsed.data : {};
}

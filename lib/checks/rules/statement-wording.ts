// The statement asks to determine/find/compute (never "show that"/"prove") and ends with a Conventions: sentence.
import { fail, pass, type Check, type Finding } from "../types";

const PROOF_WORDING = /\b(show|prove|demonstrate|verify)\s+that\b|\bprove\b/gi;

/** 1-based line and column of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export const statementWording: Check = {
  id: "statement-wording",
  title: "Statement wording",
  blocking: true,
  run: ({ fields }) => {
    const text = fields.statement;
    if (!text.trim()) return [fail("The statement is empty.", { field: "statement" })];
    const findings: Finding[] = [];
    for (const m of text.matchAll(PROOF_WORDING)) {
      findings.push(fail(`“${m[0]}” asks for a proof; ask to determine, find or compute a quantity instead.`, { field: "statement", ...position(text, m.index ?? 0) }));
    }
    const at = text.lastIndexOf("Conventions:");
    if (at < 0) {
      findings.push(fail("End the statement with a “Conventions:” sentence fixing signs, metric and normalisations.", { field: "statement" }));
    } else if (/\n\s*\n\s*\S/.test(text.slice(at))) {
      findings.push(fail("The “Conventions:” sentence must come last.", { field: "statement", ...position(text, at) }));
    }
    return findings.length ? findings : [pass("Asks for a quantity and ends with its conventions.")];
  },
};

// Each draft field as plain text, for the conflict view and revision diffs (what a person compares).
import { renderSkeleton } from "./answer-spec";
import { enumLabel } from "../format/labels";
import { FIELD_LABELS } from "./schemas";
import type { DraftFields, DraftKey, TestRow } from "./draft";

export function draftKeyLabel(key: DraftKey): string {
  return key === "testRows" ? FIELD_LABELS.testCases : FIELD_LABELS[key];
}

function rowText(row: TestRow, draft: DraftFields, index: number): string {
  const inputs = draft.answerSpec.arguments.map((a, i) => `${a.name || `arg${i + 1}`}=${row.inputs[i] || "?"}`).join(", ");
  const expected = row.expected.map((e) => e || "?").join(", ");
  return `${index + 1}. ${inputs} → ${row.expected.length > 1 ? `(${expected})` : expected}  [abs ${row.abs}, rel ${row.rel}]`;
}

export function draftKeyText(key: DraftKey, draft: DraftFields): string {
  switch (key) {
    case "answerSpec":
      return renderSkeleton(draft.answerSpec);
    case "testRows":
      return draft.testRows.map((r, i) => rowText(r, draft, i)).join("\n");
    case "level":
    case "difficulty":
    case "split":
      return draft[key] ? enumLabel(draft[key]) : "";
    case "declarations":
      return Object.entries(draft.declarations).filter(([, v]) => v?.length).map(([k, v]) => `${k}: ${v!.join(", ")}`).join("\n");
    default: {
      const v = draft[key];
      return v === null ? "" : String(v);
    }
  }
}

/** Fields compared line by line (code-like) rather than word by word (prose). */
export function isLineField(key: DraftKey): boolean {
  return key === "answerSpec" || key === "testRows" || key === "referenceCode";
}

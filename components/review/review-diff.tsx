// "Changes since last review": per-field differences between the version under review and the version
// the last decision was taken on (or, on a first review, the seed's problem and solution).
import { TextDiff } from "@/components/editor/text-diff";
import { renderSkeleton } from "@/lib/items/answer-spec";
import { FIELD_LABELS, type ItemFields } from "@/lib/items/schemas";
import type { TestCase, TestValue } from "@/lib/items/test-values";
import type { ReviewBase } from "@/lib/review/get-review";
import { TestCasesView, valueText } from "./test-cases-view";

type TextName = "statement" | "description" | "solution" | "finalAnswer" | "referenceCode";
const TEXT_FIELDS: TextName[] = ["statement", "description", "solution", "finalAnswer", "referenceCode"];

export function ReviewDiff({ base, current }: { base: ReviewBase; current: ItemFields }) {
  if (base.kind === "seed") {
    return (
      <div className="space-y-3" data-testid="review-diff">
        <p className="text-xs text-stone-500">First review: the statement and solution against the seed&apos;s problem and solution.</p>
        <FieldDiff label="Statement" before={base.statement} after={current.statement} />
        <FieldDiff label="Solution" before={base.solution} after={current.solution} />
      </div>
    );
  }
  const changedText = TEXT_FIELDS.filter((f) => base.fields[f] !== current[f]);
  const specBefore = renderSkeleton(base.fields.answerSpec);
  const specAfter = renderSkeleton(current.answerSpec);
  const casesChanged = JSON.stringify(base.fields.testCases) !== JSON.stringify(current.testCases);
  const meta = (["topic", "level", "difficulty", "split", "sourceLocation", "license"] as const).filter((f) => base.fields[f] !== current[f]);
  if (!changedText.length && specBefore === specAfter && !casesChanged && !meta.length) {
    return <p className="text-sm text-stone-500" data-testid="review-diff">Nothing changed since version {base.version}.</p>;
  }
  return (
    <div className="space-y-3" data-testid="review-diff">
      <p className="text-xs text-stone-500">Against version {base.version}, the one last decided on.</p>
      {changedText.map((f) => <FieldDiff key={f} label={FIELD_LABELS[f]} before={base.fields[f]} after={current[f]} byLine={f === "referenceCode"} />)}
      {specBefore !== specAfter && <FieldDiff label="Answer requirements" before={specBefore} after={specAfter} byLine />}
      {casesChanged && (
        <div>
          <h3 className="mb-1 text-xs font-semibold text-stone-500 uppercase">Test cases</h3>
          <TestCasesView spec={current.answerSpec} cases={current.testCases} changed={changedCells(base.fields.testCases, current.testCases)} />
          {base.fields.testCases.length > current.testCases.length && (
            <p className="text-xs text-red-700 dark:text-red-300">{base.fields.testCases.length - current.testCases.length} case(s) removed.</p>
          )}
        </div>
      )}
      {meta.map((f) => (
        <p key={f} className="text-sm"><span className="font-medium">{FIELD_LABELS[f]}:</span> <del>{String(base.fields[f] ?? "—")}</del> → <ins className="no-underline">{String(current[f] ?? "—")}</ins></p>
      ))}
    </div>
  );
}

function FieldDiff({ label, before, after, byLine = false }: { label: string; before: string; after: string; byLine?: boolean }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold text-stone-500 uppercase">{label}</h3>
      {before === after ? <p className="text-xs text-stone-500">Unchanged.</p> : <TextDiff before={before} after={after} byLine={byLine} testId={`diff-${label.toLowerCase().replace(/\s+/g, "-")}`} />}
    </div>
  );
}

/** "row:column" keys of cells that differ from the same cell before (every cell of an added row). */
export function changedCells(before: TestCase[], after: TestCase[]): Set<string> {
  const keys = new Set<string>();
  const same = (a: TestValue | null | undefined, b: TestValue | null | undefined) => valueText(a) === valueText(b);
  after.forEach((tc, row) => {
    const old = before[row];
    for (const name of Object.keys(tc.inputs)) if (!old || !same(old.inputs[name], tc.inputs[name])) keys.add(`${row}:${name}`);
    if (!old || !same(old.expected, tc.expected)) keys.add(`${row}:expected`);
    if (!old || old.tolerance.abs !== tc.tolerance.abs || old.tolerance.rel !== tc.tolerance.rel) keys.add(`${row}:tolerance`);
  });
  return keys;
}

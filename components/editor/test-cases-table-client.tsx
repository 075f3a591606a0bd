"use client";
// Test cases: one column per argument, the expected output (one column per tuple element), tolerances.
// Cells are typed text, checked as they are typed (numbers as physicists write them: pi/2, sqrt(2), 1e-3);
// "Compute expected" fills the expected columns by running the reference code on each row's inputs in the sandbox.
import type { ValueType } from "@/lib/items/answer-spec";
import { minTestCasesFor } from "@/lib/checks/rules/min-test-cases";
import { emptyRow, moveRow, type DraftFields, type TestRow } from "@/lib/items/draft";
import { evaluateNumber } from "@/lib/items/number-expression";
import { returnElements } from "@/lib/items/test-values";
import { issuesUnder, type IssueMap } from "./field-issues";

type Props = { draft: DraftFields; onChange: (next: DraftFields) => void; issues: IssueMap; readOnly: boolean; onCompute: () => void; computing: boolean };
const BOOL_OPTIONS = ["true", "false"];

/** Under a cell typed as an expression, the number it stands for ("= 1.5708"). */
function valueHint(text: string, type: ValueType): string | undefined {
  if (type !== "float" && type !== "complex") return undefined;
  const n = evaluateNumber(text);
  return n.ok && n.isExpression ? `= ${Number(n.value.toPrecision(8))}` : undefined;
}

export function TestCasesTable({ draft, onChange, issues, readOnly, onCompute, computing }: Props) {
  const spec = draft.answerSpec;
  const elements = returnElements(spec.returns);
  const setRow = (r: number, patch: Partial<TestRow>) =>
    onChange({ ...draft, testRows: draft.testRows.map((row, i) => (i === r ? { ...row, ...patch } : row)) });
  const tableIssues = issuesUnder(issues, "testCases");

  return (
    <div data-testid="test-cases">
      <div className="overflow-x-auto">
        <table className="table-dense">
          <thead>
            <tr>
              <th>#</th>
              {spec.arguments.map((a, i) => (
                <th key={`a${i}`} className="font-mono normal-case">{a.name || `arg ${i + 1}`} <span className="font-sans text-stone-400">{a.type}</span></th>
              ))}
              {elements.map((e, i) => (
                <th key={`e${i}`} className="normal-case">expected{elements.length > 1 ? `[${i}]` : ""} <span className="text-stone-400">{e.type}</span></th>
              ))}
              <th className="normal-case">abs tol</th>
              <th className="normal-case">rel tol</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.testRows.map((row, r) => (
              <tr key={r} data-testid={`test-row-${r}`}>
                <td className="text-stone-500">{r + 1}</td>
                {spec.arguments.map((a, i) => (
                  <Cell
                    key={`a${i}`}
                    label={`Row ${r + 1} ${a.name || `argument ${i + 1}`}`}
                    value={row.inputs[i] ?? ""}
                    options={a.type === "bool" ? BOOL_OPTIONS : a.options}
                    disabled={readOnly || !a.name}
                    error={a.name ? issues[`testCases.${r}.inputs.${a.name}`] : undefined}
                    hint={valueHint(row.inputs[i] ?? "", a.type)}
                    onChange={(v) => setRow(r, { inputs: spec.arguments.map((_, j) => (j === i ? v : row.inputs[j] ?? "")) })}
                  />
                ))}
                {elements.map((e, i) => (
                  <Cell
                    key={`e${i}`}
                    label={`Row ${r + 1} expected${elements.length > 1 ? ` ${i}` : ""}`}
                    value={row.expected[i] ?? ""}
                    options={e.type === "bool" ? BOOL_OPTIONS : e.options}
                    disabled={readOnly}
                    error={issues[`testCases.${r}.expected.${i}`] ?? (i === 0 ? issues[`testCases.${r}.expected`] : undefined)}
                    hint={valueHint(row.expected[i] ?? "", e.type)}
                    onChange={(v) => setRow(r, { expected: elements.map((_, j) => (j === i ? v : row.expected[j] ?? "")) })}
                  />
                ))}
                <Cell label={`Row ${r + 1} absolute tolerance`} value={row.abs} disabled={readOnly} narrow error={issues[`testCases.${r}.tolerance.abs`]} onChange={(v) => setRow(r, { abs: v })} />
                <Cell label={`Row ${r + 1} relative tolerance`} value={row.rel} disabled={readOnly} narrow error={issues[`testCases.${r}.tolerance.rel`]} onChange={(v) => setRow(r, { rel: v })} />
                <td className="whitespace-nowrap">
                  <button type="button" className="btn px-2" disabled={readOnly} aria-label={`Move row ${r + 1} up`} onClick={() => onChange(moveRow(draft, r, -1))}>↑</button>
                  <button type="button" className="btn ml-1 px-2" disabled={readOnly} aria-label={`Move row ${r + 1} down`} onClick={() => onChange(moveRow(draft, r, 1))}>↓</button>
                  <button type="button" className="btn ml-1 px-2" disabled={readOnly} aria-label={`Remove row ${r + 1}`}
                    onClick={() => onChange({ ...draft, testRows: draft.testRows.filter((_, i) => i !== r) })}>✕</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {draft.testRows.length === 0 && (
        <p className="mt-2 text-sm text-stone-500" data-testid="test-cases-empty">
          No test cases yet. {spec.arguments.length ? `Items need at least ${minTestCasesFor(spec)}.` : "A function without arguments needs 1 (every call gives the same value)."}
        </p>
      )}
      {tableIssues.length > 0 && (
        <p className="mt-2 text-xs text-red-700 dark:text-red-300" data-testid="test-cases-error">{tableIssues.length} cell{tableIssues.length > 1 ? "s need" : " needs"} fixing before the item can be saved.</p>
      )}
      <div className="mt-2 flex gap-2">
        <button type="button" className="btn" disabled={readOnly} data-testid="test-add-row" onClick={() => onChange({ ...draft, testRows: [...draft.testRows, emptyRow(spec)] })}>
          Add test case
        </button>
        <button type="button" className="btn" disabled={readOnly || computing || draft.testRows.length === 0} onClick={onCompute} data-testid="compute-expected"
          title="Save, run the reference code on every row's inputs in the sandbox, and fill in the expected outputs">
          {computing ? "Computing…" : "Compute expected"}
        </button>
      </div>
    </div>
  );
}

type CellProps = { label: string; value: string; onChange: (v: string) => void; disabled?: boolean; error?: string; hint?: string; options?: string[]; narrow?: boolean };

function Cell({ label, value, onChange, disabled, error, hint, options, narrow }: CellProps) {
  const cls = `input font-mono ${narrow ? "w-24" : "min-w-24"} ${error ? "border-red-500" : ""}`;
  return (
    <td>
      {options ? (
        <select className={cls} aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          <option value="" />
          {options.map((o) => <option key={o}>{o}</option>)}
        </select>
      ) : (
        <input className={cls} aria-label={label} value={value} disabled={disabled} aria-invalid={!!error} onChange={(e) => onChange(e.target.value)} />
      )}
      {error && <div className="mt-0.5 max-w-48 text-xs text-red-700 dark:text-red-300">{error}</div>}
      {!error && hint && <div className="mt-0.5 text-xs text-stone-500">{hint}</div>}
    </td>
  );
}

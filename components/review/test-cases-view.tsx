// A read-only test-case table: inputs per argument, expected output, tolerance; changed cells marked.
import type { AnswerSpec } from "@/lib/items/answer-spec";
import { formatComplex, isComplex, type TestCase, type TestValue } from "@/lib/items/test-values";

export function valueText(value: TestValue | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (isComplex(value)) return formatComplex(value);
  if (Array.isArray(value)) return `(${value.map(valueText).join(", ")})`;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

export function TestCasesView({ spec, cases, changed }: { spec: AnswerSpec; cases: TestCase[]; changed?: Set<string> }) {
  if (cases.length === 0) return <p className="text-sm text-stone-500">No test cases.</p>;
  const names = spec.arguments.map((a) => a.name);
  const mark = (key: string) => (changed?.has(key) ? "bg-amber-100 dark:bg-amber-950" : "");
  return (
    <table className="table-dense font-mono text-xs" data-testid="test-cases-view">
      <thead>
        <tr><th>#</th>{names.map((n) => <th key={n}>{n}</th>)}<th>expected</th><th>tolerance</th></tr>
      </thead>
      <tbody>
        {cases.map((tc, i) => (
          <tr key={i}>
            <td>{i + 1}</td>
            {names.map((n) => <td key={n} className={mark(`${i}:${n}`)} data-changed={changed?.has(`${i}:${n}`) || undefined}>{valueText(tc.inputs[n])}</td>)}
            <td className={mark(`${i}:expected`)} data-changed={changed?.has(`${i}:expected`) || undefined}>{valueText(tc.expected)}</td>
            <td className={mark(`${i}:tolerance`)}>abs {tc.tolerance.abs} · rel {tc.tolerance.rel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

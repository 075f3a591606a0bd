"use client";
// Building blocks of the editor form: a section (with its field errors and failing checks), a LaTeX field
// with live preview, plain inputs.
import type { CheckResult } from "@/lib/checks/types";
import type { TextField } from "@/lib/items/schemas";
import type { DraftFields } from "@/lib/items/draft";
import { FieldError } from "./answer-spec-form-client";
import { CheckResultLine } from "./checks-panel-client";
import { CodeEditor } from "./code-editor-client";
import { issuesUnder, type IssueMap } from "./field-issues";
import { LatexPreview } from "./latex-preview-client";

type SectionProps = { id: string; title: string; hint?: string; errors?: string[]; checks?: CheckResult[]; children: React.ReactNode };

export function Section({ id, title, hint, errors = [], checks = [], children }: SectionProps) {
  return (
    <section id={`section-${id}`} className="scroll-mt-20 rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
      <h2 className="text-sm font-semibold">{title}</h2>
      {hint && <p className="mb-2 text-xs text-stone-500">{hint}</p>}
      <div className={hint ? "" : "mt-2"}>{children}</div>
      {errors.map((m) => <FieldError key={m} message={m} />)}
      {checks.length > 0 && (
        <ul data-testid={`checks-${id}`} className={`mt-2 space-y-1 rounded border px-2 py-1 ${checks.some((c) => c.blocking)
          ? "border-red-200 bg-red-50/60 dark:border-red-900 dark:bg-red-950/40" : "border-amber-200 bg-amber-50/60 dark:border-amber-900 dark:bg-amber-950/40"}`}>
          {checks.map((r, i) => <CheckResultLine key={`${r.id}-${i}`} result={r} />)}
        </ul>
      )}
    </section>
  );
}

type LatexFieldProps = {
  field: Extract<TextField, "statement" | "solution" | "finalAnswer">;
  label: string;
  hint?: string;
  draft: DraftFields;
  set: <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => void;
  issues: IssueMap;
  checks: CheckResult[];
  macros: Record<string, string>;
  readOnly: boolean;
  math?: boolean;
  /** shown under the editor and its preview (e.g. the final answer's "read as") */
  footer?: React.ReactNode;
};

export function LatexField({ field, label, hint, draft, set, issues, checks, macros, readOnly, math, footer }: LatexFieldProps) {
  const errors = issuesUnder(issues, field);
  return (
    <Section id={field} title={label} hint={hint} errors={errors} checks={checks}>
      <div className="grid gap-3 2xl:grid-cols-2">
        <CodeEditor language="latex" label={label} value={draft[field]} onChange={(v) => set(field, v)} readOnly={readOnly} testId={`field-${field}`} invalid={errors.length > 0} />
        <div className="rounded border border-dashed border-stone-200 p-2 dark:border-stone-800">
          <LatexPreview source={draft[field]} macros={macros} testId={`preview-${field}`} math={math} />
        </div>
      </div>
      {footer}
    </Section>
  );
}

export function TextInput({ label, value, onChange, readOnly, error }: { label: string; value: string; onChange: (v: string) => void; readOnly: boolean; error?: string }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <input className={`input ${error ? "border-red-500" : ""}`} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)} />
      <FieldError message={error} />
    </label>
  );
}

export function Choice<T extends string>({ label, value, options, onChange, readOnly }: { label: string; value: T | null; options: readonly T[]; onChange: (v: T | null) => void; readOnly: boolean }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <select className="input" value={value ?? ""} disabled={readOnly} onChange={(e) => onChange((e.target.value || null) as T | null)}>
        <option value="">—</option>
        {options.map((o) => <option key={o} value={o}>{o.toLowerCase().replace("_", " ")}</option>)}
      </select>
    </label>
  );
}

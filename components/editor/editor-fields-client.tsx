"use client";
// Building blocks of the editor form: a section (its field errors at the top, where they are seen, and its
// failing checks), a LaTeX field with live preview, plain inputs. Required fields are marked from the start.
import type { CheckResult } from "@/lib/checks/types";
import type { TextField } from "@/lib/items/schemas";
import type { DraftFields } from "@/lib/items/draft";
import { enumLabel } from "@/lib/format/labels";
import { FieldError } from "./answer-spec-form-client";
import { CheckResultLine } from "./checks-panel-client";
import { CodeEditor } from "./code-editor-client";
import { issuesUnder, type IssueMap } from "./field-issues";
import { LatexPreview } from "./latex-preview-client";

type Mark = { required?: boolean; missing?: boolean };
type SectionProps = {
  id: string; title: string; hint?: string; errors?: string[]; checks?: CheckResult[];
  /** reviewers' comments anchored to this field */
  notes?: React.ReactNode;
  children: React.ReactNode;
} & Mark;

function RequiredMark({ required, missing, testId }: Mark & { testId: string }) {
  if (!required) return null;
  return (
    <>
      <span className="ml-0.5 text-red-700 dark:text-red-300" aria-hidden="true" title="Required before submitting">*</span>
      {missing && <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-normal text-red-700 dark:bg-red-950 dark:text-red-300" data-testid={testId}>missing</span>}
    </>
  );
}

export function Section({ id, title, hint, errors = [], checks = [], notes, required, missing, children }: SectionProps) {
  return (
    <section id={`section-${id}`} data-required={required ? "true" : undefined} data-missing={missing ? "true" : undefined}
      className="scroll-mt-20 rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
      <h2 className="text-sm font-semibold">{title}<RequiredMark required={required} missing={missing} testId={`missing-${id}`} /></h2>
      {hint && <p className="mb-2 text-xs text-stone-500">{hint}</p>}
      {errors.length > 0 && (
        <div className="mb-2 rounded border border-red-300 bg-red-50 px-2 py-1 dark:border-red-800 dark:bg-red-950" data-testid={`errors-${id}`}>
          {errors.map((m) => <FieldError key={m} message={m} />)}
        </div>
      )}
      <div className={hint ? "" : "mt-2"}>{children}</div>
      {checks.length > 0 && (
        <ul data-testid={`checks-${id}`} className={`mt-2 space-y-1 rounded border px-2 py-1 ${checks.some((c) => c.blocking)
          ? "border-red-200 bg-red-50/60 dark:border-red-900 dark:bg-red-950/40" : "border-amber-200 bg-amber-50/60 dark:border-amber-900 dark:bg-amber-950/40"}`}>
          {checks.map((r, i) => <CheckResultLine key={`${r.id}-${i}`} result={r} />)}
        </ul>
      )}
      {notes}
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
  notes?: React.ReactNode;
} & Mark;

export function LatexField({ field, label, hint, draft, set, issues, checks, macros, readOnly, math, footer, notes, required, missing }: LatexFieldProps) {
  const text = draft[field];
  // A too-long text says how long it is now, so the author knows how much to cut.
  const errors = issuesUnder(issues, field).map((m) => (m.startsWith("Too long") ? `${m} This text has ${text.length.toLocaleString("en")}; it is kept in this browser and saved once it fits.` : m));
  return (
    <Section id={field} title={label} hint={hint} errors={errors} checks={checks} notes={notes} required={required} missing={missing}>
      <div className="grid gap-3 2xl:grid-cols-2">
        <CodeEditor language="latex" label={label} value={text} onChange={(v) => set(field, v)} readOnly={readOnly} testId={`field-${field}`} invalid={errors.length > 0} />
        <div className="max-h-[60vh] overflow-y-auto rounded border border-dashed border-stone-200 p-2 dark:border-stone-800">
          <LatexPreview source={text} macros={macros} testId={`preview-${field}`} math={math} />
        </div>
      </div>
      {footer}
    </Section>
  );
}

type InputProps<T> = { label: string; value: T; onChange: (v: T) => void; readOnly: boolean } & Mark;

function Label({ label, required, missing }: { label: string } & Mark) {
  return (
    <span className="mb-1 block font-medium">
      {label}
      <RequiredMark required={required} missing={missing} testId={`missing-${label.toLowerCase()}`} />
    </span>
  );
}

export function TextInput({ label, value, onChange, readOnly, error, required, missing }: InputProps<string> & { error?: string }) {
  return (
    <label className="block text-sm">
      <Label label={label} required={required} missing={missing} />
      <input className={`input ${error || missing ? "border-red-500" : ""}`} value={value} disabled={readOnly} aria-required={required} onChange={(e) => onChange(e.target.value)} />
      <FieldError message={error} />
    </label>
  );
}

export function Choice<T extends string>({ label, value, options, onChange, readOnly, required, missing }: InputProps<T | null> & { options: readonly T[] }) {
  return (
    <label className="block text-sm">
      <Label label={label} required={required} missing={missing} />
      <select className={`input ${missing ? "border-red-500" : ""}`} value={value ?? ""} disabled={readOnly} aria-required={required} onChange={(e) => onChange((e.target.value || null) as T | null)}>
        <option value="">—</option>
        {options.map((o) => <option key={o} value={o}>{enumLabel(o)}</option>)}
      </select>
    </label>
  );
}

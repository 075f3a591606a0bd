"use client";
// The adaptation editor: the seed beside the item form, live previews, the answer spec, test cases,
// saving (explicit, autosave, local draft, conflicts), history, submit, and keyboard shortcuts.
import { useEffect, useState } from "react";
import type { ItemView } from "@/lib/items/get-item";
import { DIFFICULTIES, LEVELS, SPLITS, type TextField } from "@/lib/items/schemas";
import type { DraftFields } from "@/lib/items/draft";
import { StatusBadge } from "@/components/ui/status-badge";
import { AnswerSpecForm, FieldError } from "./answer-spec-form-client";
import { CodeEditor } from "./code-editor-client";
import { ConflictView } from "./conflict-view-client";
import { issuesUnder, type IssueMap } from "./field-issues";
import { LatexPreview } from "./latex-preview-client";
import { RevisionPanel } from "./revision-panel-client";
import { SeedPanel, type SeedForEditor } from "./seed-panel-client";
import { ShortcutHelp } from "./shortcut-help-client";
import { TestCasesTable } from "./test-cases-table-client";
import { useItemEditor, type SaveState } from "./use-item-editor";

type Props = { item: ItemView; seed: SeedForEditor };

const SAVE_LABEL: Record<SaveState, string> = {
  saved: "All changes saved",
  dirty: "Unsaved changes",
  saving: "Saving…",
  invalid: "Not saved: fix the marked fields",
  offline: "Offline: kept in this browser",
  conflict: "Conflict: choose what to keep",
  error: "Not saved",
};

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

export function ItemEditor({ item, seed }: Props) {
  const ed = useItemEditor(item);
  const { draft, setDraft, issues } = ed;
  const [help, setHelp] = useState(false);
  const [history, setHistory] = useState(false);
  const readOnly = !item.canEdit;
  const canSubmit = item.canEdit && (ed.server.status === "DRAFT" || ed.server.status === "CHANGES_REQUESTED" || ed.dirty);
  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => setDraft({ ...draft, [key]: value });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void ed.save();
      } else if (mod && e.key === "Enter" && e.shiftKey) {
        e.preventDefault();
        if (canSubmit) void ed.submit();
      } else if (mod && e.key === "Enter") {
        e.preventDefault();
        ed.setMessage("Automatic checks arrive with the Python sandbox; nothing was run.");
      } else if (e.key === "?" && !mod && !isTyping(e.target)) {
        e.preventDefault();
        setHelp(true);
      } else if (e.key === "Escape") {
        setHelp(false);
        setHistory(false);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [ed, canSubmit]);

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
        <SeedPanel seed={seed} />
      </div>
      <div className="min-w-0 space-y-4">
        <div className="sticky top-0 z-20 flex flex-wrap items-center gap-2 rounded-lg border border-stone-200 bg-white/95 px-3 py-2 backdrop-blur dark:border-stone-800 dark:bg-stone-900/95">
          <StatusBadge status={ed.server.status} testId="item-status" />
          <span className="text-sm text-stone-500" data-testid="item-version">v{ed.server.version}</span>
          <span className={`text-sm ${ed.saveState === "saved" ? "text-stone-500" : ed.saveState === "dirty" || ed.saveState === "saving" ? "text-amber-700 dark:text-amber-300" : "text-red-700 dark:text-red-300"}`} data-testid="save-state" data-state={ed.saveState}>
            {readOnly ? "Read only" : SAVE_LABEL[ed.saveState]}
          </span>
          <span className="ml-auto flex gap-2">
            <button type="button" className="btn" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">?</button>
            <button type="button" className="btn" onClick={() => setHistory(true)} data-testid="open-history">History</button>
            {!readOnly && <button type="button" className="btn" onClick={() => void ed.save()} data-testid="save-item">Save</button>}
            {!readOnly && (
              <button type="button" className="btn-primary" disabled={!canSubmit} onClick={() => void ed.submit()} data-testid="submit-item"
                title={canSubmit ? "Submit for review" : "Only a draft or an item with requested changes can be submitted"}>
                Submit for review
              </button>
            )}
          </span>
          {ed.message && <p className="w-full text-sm text-stone-700 dark:text-stone-300" data-testid="editor-message">{ed.message}</p>}
        </div>

        {ed.recovered && (
          <div className="flex flex-wrap items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950" data-testid="local-draft-banner">
            <span>Unsaved changes from {new Date(ed.recovered.savedAt).toLocaleString()} (made on version {ed.recovered.baseVersion}) were found in this browser.</span>
            <span className="ml-auto flex gap-2">
              <button type="button" className="btn-primary" onClick={ed.restoreLocal} data-testid="local-draft-restore">Restore them</button>
              <button type="button" className="btn" onClick={ed.discardLocal} data-testid="local-draft-discard">Discard</button>
            </span>
          </div>
        )}

        <LatexField field="statement" label="Statement" hint="Ask to determine, find or compute; end with a “Conventions:” sentence." draft={draft} set={set} issues={issues} macros={seed.macros} readOnly={readOnly} />
        <Section title="Description" errors={issuesUnder(issues, "description")}>
          <textarea className="input min-h-16" aria-label="Description" data-testid="field-description" value={draft.description} disabled={readOnly}
            placeholder="One or two sentences for internal tracking" onChange={(e) => set("description", e.target.value)} />
        </Section>
        <Section title="Answer spec">
          <AnswerSpecForm draft={draft} onChange={setDraft} issues={issues} readOnly={readOnly} />
        </Section>
        <LatexField field="solution" label="Solution" draft={draft} set={set} issues={issues} macros={seed.macros} readOnly={readOnly} />
        <LatexField field="finalAnswer" label="Final answer" math hint="Math, typeset as display math unless you add delimiters — e.g. \beta(g)=\frac{3g^3}{16\pi^2}" draft={draft} set={set} issues={issues} macros={seed.macros} readOnly={readOnly} />
        <Section title="Reference code" errors={issuesUnder(issues, "referenceCode")}>
          <CodeEditor language="python" label="Reference code" value={draft.referenceCode} onChange={(v) => set("referenceCode", v)} readOnly={readOnly} testId="field-referenceCode"
            placeholder="Python 3: define the function of the answer spec (numpy, scipy, sympy, mpmath allowed)" />
        </Section>
        <Section title="Test cases">
          <TestCasesTable draft={draft} onChange={setDraft} issues={issues} readOnly={readOnly} />
        </Section>
        <Section title="Metadata">
          <div className="grid gap-3 sm:grid-cols-2">
            <TextInput label="Topic" value={draft.topic} onChange={(v) => set("topic", v)} readOnly={readOnly} error={issues.topic} />
            <Choice label="Level" value={draft.level} options={LEVELS} onChange={(v) => set("level", v)} readOnly={readOnly} />
            <Choice label="Difficulty" value={draft.difficulty} options={DIFFICULTIES} onChange={(v) => set("difficulty", v)} readOnly={readOnly} />
            <Choice label="Split" value={draft.split} options={SPLITS} onChange={(v) => set("split", v)} readOnly={readOnly} />
            <TextInput label="Location in source" value={draft.sourceLocation} onChange={(v) => set("sourceLocation", v)} readOnly={readOnly} error={issues.sourceLocation} />
            <TextInput label="License" value={draft.license} onChange={(v) => set("license", v)} readOnly={readOnly} error={issues.license} />
          </div>
        </Section>
      </div>

      {ed.conflict && <ConflictView mine={draft} theirs={ed.conflict} onResolve={ed.resolveConflict} />}
      {history && (
        <RevisionPanel itemId={item.id} current={draft} currentVersion={ed.server.version} canEdit={item.canEdit} onRestore={ed.restoreRevision} onClose={() => setHistory(false)} />
      )}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}

function Section({ title, hint, errors = [], children }: { title: string; hint?: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
      <h2 className="text-sm font-semibold">{title}</h2>
      {hint && <p className="mb-2 text-xs text-stone-500">{hint}</p>}
      <div className={hint ? "" : "mt-2"}>{children}</div>
      {errors.map((m) => <FieldError key={m} message={m} />)}
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
  macros: Record<string, string>;
  readOnly: boolean;
  math?: boolean;
};

function LatexField({ field, label, hint, draft, set, issues, macros, readOnly, math }: LatexFieldProps) {
  const errors = issuesUnder(issues, field);
  return (
    <Section title={label} hint={hint} errors={errors}>
      <div className="grid gap-3 2xl:grid-cols-2">
        <CodeEditor language="latex" label={label} value={draft[field]} onChange={(v) => set(field, v)} readOnly={readOnly} testId={`field-${field}`} invalid={errors.length > 0} />
        <div className="rounded border border-dashed border-stone-200 p-2 dark:border-stone-800">
          <LatexPreview source={draft[field]} macros={macros} testId={`preview-${field}`} math={math} />
        </div>
      </div>
    </Section>
  );
}

function TextInput({ label, value, onChange, readOnly, error }: { label: string; value: string; onChange: (v: string) => void; readOnly: boolean; error?: string }) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <input className={`input ${error ? "border-red-500" : ""}`} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)} />
      <FieldError message={error} />
    </label>
  );
}

function Choice<T extends string>({ label, value, options, onChange, readOnly }: { label: string; value: T | null; options: readonly T[]; onChange: (v: T | null) => void; readOnly: boolean }) {
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

"use client";
// The adaptation editor: the seed beside the item form, live previews, the answer spec, test cases,
// saving (explicit, autosave, local draft, conflicts), history, submit, and keyboard shortcuts.
import { useEffect, useState } from "react";
import type { ItemView } from "@/lib/items/get-item";
import { DIFFICULTIES, LEVELS, SPLITS } from "@/lib/items/schemas";
import type { DraftFields } from "@/lib/items/draft";
import { StatusBadge } from "@/components/ui/status-badge";
import { AnswerSpecForm } from "./answer-spec-form-client";
import { ChecksPanel } from "./checks-panel-client";
import { CodeEditor } from "./code-editor-client";
import { ConflictView } from "./conflict-view-client";
import { DeclarationsInput } from "./declarations-input-client";
import { FinalAnswerReading } from "./final-answer-reading-client";
import { Choice, LatexField, Section, TextInput } from "./editor-fields-client";
import { issuesUnder } from "./field-issues";
import { RevisionPanel } from "./revision-panel-client";
import { SeedPanel, type SeedForEditor } from "./seed-panel-client";
import { ShortcutHelp } from "./shortcut-help-client";
import { TestCasesTable } from "./test-cases-table-client";
import { useCodeActions } from "./use-code-actions";
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
  const code = useCodeActions(item.id, ed);
  const { draft, setDraft, issues } = ed;
  const [help, setHelp] = useState(false);
  const [history, setHistory] = useState(false);
  const readOnly = !item.canEdit;
  const submittable = ed.server.status === "DRAFT" || ed.server.status === "CHANGES_REQUESTED" || ed.dirty;
  const submitBlockedBy = code.blocking.length
    ? `${code.blocking.length} blocking check${code.blocking.length > 1 ? "s fail" : " fails"}: ${code.blocking[0].message}`
    : !submittable ? "Only a draft or an item with requested changes can be submitted." : null;
  const canSubmit = item.canEdit && !submitBlockedBy;
  const submit = async () => {
    if (!(await ed.submit())) await code.refresh(); // show why the server refused
    else await code.refresh();
  };
  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => setDraft({ ...draft, [key]: value });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void ed.save();
      } else if (mod && e.key === "Enter" && e.shiftKey) {
        e.preventDefault();
        if (canSubmit) void submit();
      } else if (mod && e.key === "Enter") {
        e.preventDefault();
        if (item.canEdit) void code.runChecks();
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
  });

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
              <button type="button" className="btn-primary" disabled={!canSubmit} onClick={() => void submit()} data-testid="submit-item"
                title={submitBlockedBy ?? "Submit for review (Ctrl/⌘ + Shift + Enter)"}>
                Submit for review
              </button>
            )}
          </span>
          {!readOnly && submitBlockedBy && submittable && <p className="w-full text-xs text-red-700 dark:text-red-300" data-testid="submit-reason">Submit is disabled: {submitBlockedBy}</p>}
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

        <ChecksPanel run={code.run} current={code.current} busy={code.busy === "checks"} onRun={() => void code.runChecks()} readOnly={readOnly} />
        <LatexField field="statement" label="Statement" hint="Ask to determine, find or compute; end with a “Conventions:” sentence." draft={draft} set={set} issues={issues} checks={code.resultsFor("statement")} macros={seed.macros} readOnly={readOnly} />
        <Section id="description" title="Description" errors={issuesUnder(issues, "description")} checks={code.resultsFor("description")}>
          <textarea className="input min-h-16" aria-label="Description" data-testid="field-description" value={draft.description} disabled={readOnly}
            placeholder="One or two sentences for internal tracking" onChange={(e) => set("description", e.target.value)} />
        </Section>
        <Section id="answerSpec" title="Answer spec" checks={code.resultsFor("answerSpec")}>
          <AnswerSpecForm draft={draft} onChange={setDraft} issues={issues} readOnly={readOnly} />
        </Section>
        <LatexField field="solution" label="Solution" draft={draft} set={set} issues={issues} checks={code.resultsFor("solution")} macros={seed.macros} readOnly={readOnly} />
        <LatexField field="finalAnswer" label="Final answer" math hint="Math, typeset as display math unless you add delimiters — e.g. \beta(g)=\frac{3g^3}{16\pi^2}" draft={draft} set={set} issues={issues} checks={code.resultsFor("finalAnswer")} macros={seed.macros} readOnly={readOnly}
          footer={
            <>
              <FinalAnswerReading finalAnswer={draft.finalAnswer} declarations={draft.declarations} spec={draft.answerSpec} statement={draft.statement} />
              <DeclarationsInput value={draft.declarations} onChange={(v) => set("declarations", v)} readOnly={readOnly} argumentNames={draft.answerSpec.arguments.map((a) => a.name).filter(Boolean)} />
            </>
          } />
        <Section id="referenceCode" title="Reference code" errors={issuesUnder(issues, "referenceCode")} checks={code.resultsFor("referenceCode")}>
          <CodeEditor language="python" label="Reference code" value={draft.referenceCode} onChange={(v) => set("referenceCode", v)} readOnly={readOnly} testId="field-referenceCode"
            placeholder="Python 3: define the function of the answer spec (numpy, scipy, sympy, mpmath allowed)" />
        </Section>
        <Section id="testCases" title="Test cases" checks={code.resultsFor("testCases")}>
          <TestCasesTable draft={draft} onChange={setDraft} issues={issues} readOnly={readOnly} onCompute={() => void code.computeExpected()} computing={code.busy === "expected"} />
        </Section>
        <Section id="metadata" title="Metadata" checks={["topic", "level", "difficulty"].flatMap((f) => code.resultsFor(f))}>
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

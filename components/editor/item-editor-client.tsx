"use client";
// The adaptation editor: the seed beside the item form, live previews, the answer spec, test cases,
// saving (explicit, autosave, local draft, conflicts), history, submit, and keyboard shortcuts.
import { Fragment, useCallback, useEffect, useMemo, useState } from "react";
import type { ItemView } from "@/lib/items/get-item";
import { DIFFICULTIES, FIELD_LABELS, LEVELS, SPLITS, type ItemLimits } from "@/lib/items/schemas";
import type { DraftFields } from "@/lib/items/draft";
import { missingFields } from "@/lib/items/required-fields";
import { formatDateTime } from "@/lib/format/labels";
import { AnswerSpecForm } from "./answer-spec-form-client";
import { ChecksPanel, sectionOf } from "./checks-panel-client";
import { CodeEditor } from "./code-editor-client";
import { ConflictView } from "./conflict-view-client";
import { DeclarationsInput } from "./declarations-input-client";
import { EditorToolbar } from "./editor-toolbar-client";
import { FinalAnswerReading } from "./final-answer-reading-client";
import { Choice, LatexField, Section, TextInput } from "./editor-fields-client";
import { issuesUnder } from "./field-issues";
import { RevisionPanel } from "./revision-panel-client";
import { SeedPanel, type SeedForEditor } from "./seed-panel-client";
import { ShortcutHelp } from "./shortcut-help-client";
import { SubmittedBanner } from "./submitted-banner-client";
import { TestCasesTable } from "./test-cases-table-client";
import { useCodeActions, type Notice } from "./use-code-actions";
import { FieldNotes, ReviewNotesPanel } from "@/components/review/field-notes-client";
import { useItemComments } from "@/components/review/use-item-comments";
import { useItemEditor } from "./use-item-editor";

type Props = { item: ItemView; seed: SeedForEditor; limits: ItemLimits };

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

/** The fields under "Metadata", whose reviewers' comments show under that section. */
const METADATA_FIELDS = ["topic", "level", "difficulty", "split", "sourceLocation", "license"] as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ItemEditor({ item, seed, limits }: Props) {
  const ed = useItemEditor(item, limits);
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback((n: Notice | null) => setNotice(n), []);
  const code = useCodeActions(item.id, ed, notify);
  const { draft, setDraft, issues } = ed;
  const [help, setHelp] = useState(false);
  const [history, setHistory] = useState(false);
  const readOnly = !item.canEdit || ed.locked;
  // Reviewers' comments: anchored ones beside their field, the rest on top; suggestions applied in one click.
  const thread = useItemComments(item.id);
  const noteActions = {
    itemId: item.id,
    canApply: item.canEdit && !ed.locked && (ed.server.status === "DRAFT" || ed.server.status === "CHANGES_REQUESTED"),
    onApply: async (commentId: string) => (await ed.applySuggestion(commentId)) === null,
    onChanged: () => void thread.reload(),
  };
  const notes = (field: string, label?: string) => <FieldNotes comments={thread.comments} field={field} label={label} {...noteActions} />;
  // the Metadata section's fields share one place for their comments, each under its field's name
  const metadataNotes = METADATA_FIELDS.map((f) => <Fragment key={f}>{notes(f, FIELD_LABELS[f])}</Fragment>);

  // Required fields are marked from the start, before any check has run; Submit lists all that is missing.
  const missing = useMemo(() => missingFields(ed.fields), [ed.fields]);
  const missingSections = useMemo(() => new Set(missing.map((m) => sectionOf(m.field))), [missing]);
  const missingAt = (field: string) => missing.some((m) => m.field === field);
  const submittable = ed.server.status === "DRAFT" || ed.server.status === "CHANGES_REQUESTED";
  // A check result about a field already listed as missing says the same thing twice: list it once.
  const missingPaths = new Set(missing.map((m) => m.field));
  const submitBlockers = [
    ...(missing.length ? [`${plural(missing.length, "required field is", "required fields are")} missing: ${missing.map((m) => m.message.replace(/\.$/, "")).join("; ")}.`] : []),
    ...code.blocking
      .filter((r) => r.id !== "complete-fields" && !(r.field && missingPaths.has(r.field)))
      .map((r) => `${r.title} (blocking check ${r.status === "not_run" ? "not run" : "fails"}): ${r.message.replace(/^Not run: /, "")}`),
  ];
  const canSubmit = item.canEdit && submittable && submitBlockers.length === 0;

  const submit = async () => {
    setNotice(null);
    const failure = await ed.submit();
    await code.refresh();
    if (!failure) {
      return setNotice({ tone: "success", text: "Submitted for review. A lead reviews it next; it stays read-only here unless you choose to edit it, which withdraws it." });
    }
    if (failure.kind === "invalid") {
      const items = failure.blockers.length ? failure.blockers.map((b) => b.message) : undefined;
      return setNotice({ tone: "error", text: `Not submitted: ${failure.blockers.length ? `${plural(failure.blockers.length, "blocking check fails", "blocking check results fail")} on the saved version (your changes are saved).` : failure.message}`, items });
    }
    if (failure.kind !== "conflict") setNotice({ tone: "error", text: `Not submitted: ${failure.message}` });
  };
  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => setDraft({ ...draft, [key]: value });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void ed.flush();
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

  const required = (section: string) => ({ required: true, missing: missingSections.has(section) });

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
        <SeedPanel seed={seed} />
      </div>
      <div className="min-w-0 space-y-4">
        <EditorToolbar
          status={ed.server.status} version={ed.server.version} readOnly={!item.canEdit} saveLabel={ed.saveLabel} message={ed.message}
          notice={notice} onDismissNotice={() => setNotice(null)} missingCount={missing.length} submitBlockers={submittable ? submitBlockers : []}
          showSubmit={item.canEdit && submittable} showSave={ed.canSave} onSave={() => void ed.flush()} onSubmit={() => void submit()} onHistory={() => setHistory(true)} onHelp={() => setHelp(true)}
        />

        {item.canEdit && ed.locked && (
          <SubmittedBanner onConfirm={() => {
            setNotice(null);
            ed.confirmWithdraw();
          }} />
        )}

        {ed.recovered && (
          <div className="flex flex-wrap items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950" data-testid="local-draft-banner">
            <span>Unsaved changes from {formatDateTime(ed.recovered.savedAt)} (made on version {ed.recovered.baseVersion}) were found in this browser.</span>
            <span className="ml-auto flex gap-2">
              <button type="button" className="btn-primary" onClick={ed.restoreLocal} data-testid="local-draft-restore">Restore them</button>
              <button type="button" className="btn" onClick={ed.discardLocal} data-testid="local-draft-discard">Discard</button>
            </span>
          </div>
        )}

        <ReviewNotesPanel comments={thread.comments} status={ed.server.status} version={ed.server.version} approvedVersion={item.approvedVersion} {...noteActions} />
        <ChecksPanel run={code.run} current={code.current} version={ed.server.version} busy={code.busy === "checks"} onRun={() => void code.runChecks()} readOnly={!item.canEdit} />
        <LatexField field="statement" label="Statement" hint="Ask to determine, find or compute; end with a “Conventions:” sentence." draft={draft} set={set} issues={issues} checks={code.resultsFor("statement")} macros={seed.macros} readOnly={readOnly} notes={notes("statement")} {...required("statement")} />
        <Section id="description" title="Description" errors={issuesUnder(issues, "description")} checks={code.resultsFor("description")} notes={notes("description")} {...required("description")}>
          <textarea className="input min-h-16" aria-label="Description" data-testid="field-description" value={draft.description} disabled={readOnly}
            placeholder="One or two sentences for internal tracking" onChange={(e) => set("description", e.target.value)} />
        </Section>
        <Section id="answerSpec" title="Answer spec" checks={code.resultsFor("answerSpec")} notes={notes("answerSpec")} {...required("answerSpec")}>
          <AnswerSpecForm draft={draft} onChange={setDraft} issues={issues} readOnly={readOnly} />
        </Section>
        <LatexField field="solution" label="Solution" draft={draft} set={set} issues={issues} checks={code.resultsFor("solution")} macros={seed.macros} readOnly={readOnly} notes={notes("solution")} {...required("solution")} />
        <LatexField field="finalAnswer" label="Final answer" math hint="Math, typeset as display math unless you add delimiters — e.g. \beta(g)=\frac{3g^3}{16\pi^2}" draft={draft} set={set} issues={issues} checks={code.resultsFor("finalAnswer")} macros={seed.macros} readOnly={readOnly}
          {...required("finalAnswer")} notes={notes("finalAnswer")}
          footer={
            <>
              <FinalAnswerReading finalAnswer={draft.finalAnswer} declarations={draft.declarations} spec={draft.answerSpec} statement={draft.statement} />
              <DeclarationsInput value={draft.declarations} onChange={(v) => set("declarations", v)} readOnly={readOnly} argumentNames={draft.answerSpec.arguments.map((a) => a.name).filter(Boolean)} />
              {notes("declarations", FIELD_LABELS.declarations)}
            </>
          } />
        <Section id="referenceCode" title="Reference code" errors={issuesUnder(issues, "referenceCode")} checks={code.resultsFor("referenceCode")} notes={notes("referenceCode")} {...required("referenceCode")}>
          <CodeEditor language="python" label="Reference code" value={draft.referenceCode} onChange={(v) => set("referenceCode", v)} readOnly={readOnly} testId="field-referenceCode"
            placeholder="Python 3: define the function of the answer spec (numpy, scipy, sympy, mpmath allowed)" />
        </Section>
        <Section id="testCases" title="Test cases" errors={issues.testCases ? [issues.testCases] : []} checks={code.resultsFor("testCases")} notes={notes("testCases")} {...required("testCases")}>
          <TestCasesTable draft={draft} onChange={setDraft} issues={issues} readOnly={readOnly} onCompute={() => void code.computeExpected()} computing={code.busy === "expected"} />
        </Section>
        <Section id="metadata" title="Metadata" checks={["topic", "level", "difficulty"].flatMap((f) => code.resultsFor(f))} notes={metadataNotes} {...required("metadata")}>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextInput label="Topic" value={draft.topic} onChange={(v) => set("topic", v)} readOnly={readOnly} error={issues.topic} required missing={missingAt("topic")} />
            <Choice label="Level" value={draft.level} options={LEVELS} onChange={(v) => set("level", v)} readOnly={readOnly} required missing={missingAt("level")} />
            <Choice label="Difficulty" value={draft.difficulty} options={DIFFICULTIES} onChange={(v) => set("difficulty", v)} readOnly={readOnly} required missing={missingAt("difficulty")} />
            <Choice label="Split" value={draft.split} options={SPLITS} onChange={(v) => set("split", v)} readOnly={readOnly} />
            <TextInput label="Location in source" value={draft.sourceLocation} onChange={(v) => set("sourceLocation", v)} readOnly={readOnly} error={issues.sourceLocation} />
            <TextInput label="License" value={draft.license} onChange={(v) => set("license", v)} readOnly={readOnly} error={issues.license} />
          </div>
        </Section>
      </div>

      {ed.conflict && <ConflictView mine={draft} theirs={ed.conflict} onResolve={ed.resolveConflict} />}
      {history && (
        <RevisionPanel itemId={item.id} current={draft} currentVersion={ed.server.version} canEdit={item.canEdit && !ed.locked} onRestore={ed.restoreRevision} onClose={() => setHistory(false)} />
      )}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}

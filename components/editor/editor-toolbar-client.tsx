"use client";
// The editor's sticky toolbar: status, version, what saving is doing, Save / History / Submit, what is
// still missing for a submit (all of it, not the first), and what the last action reported.
import { StatusBadge } from "@/components/ui/status-badge";
import type { Notice } from "./use-code-actions";
import type { SaveLabel } from "./save-machine";

type Props = {
  status: string;
  version: number;
  readOnly: boolean;
  saveLabel: SaveLabel;
  message: string | null;
  notice: Notice | null;
  onDismissNotice: () => void;
  missingCount: number;
  /** every reason Submit is disabled (empty: it is enabled) */
  submitBlockers: string[];
  showSubmit: boolean;
  /** false while nothing can be saved (read only, or submitted and not yet confirmed to be edited) */
  showSave: boolean;
  onSave: () => void;
  onSubmit: () => void;
  onHistory: () => void;
  onHelp: () => void;
};

const TONE: Record<SaveLabel["key"], string> = {
  saved: "text-stone-500",
  dirty: "text-amber-700 dark:text-amber-300",
  saving: "text-amber-700 dark:text-amber-300",
  invalid: "text-red-700 dark:text-red-300",
  offline: "text-red-700 dark:text-red-300",
  conflict: "text-red-700 dark:text-red-300",
  rejected: "text-red-700 dark:text-red-300",
  failed: "text-red-700 dark:text-red-300",
};

const NOTICE_TONE: Record<Notice["tone"], string> = {
  info: "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  error: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100",
};

export function EditorToolbar(p: Props) {
  return (
    <div className="sticky top-0 z-20 flex flex-wrap items-center gap-2 rounded-lg border border-stone-200 bg-white/95 px-3 py-2 backdrop-blur dark:border-stone-800 dark:bg-stone-900/95">
      <StatusBadge status={p.status} testId="item-status" />
      <span className="text-sm text-stone-500" data-testid="item-version">v{p.version}</span>
      <span className={`text-sm ${p.readOnly ? "text-stone-500" : TONE[p.saveLabel.key]}`} data-testid="save-state" data-state={p.readOnly ? "read-only" : p.saveLabel.key}>
        {p.readOnly ? "Read only" : p.saveLabel.text}
      </span>
      <span className="ml-auto flex items-center gap-2">
        <button type="button" className="btn" onClick={p.onHelp} aria-label="Keyboard shortcuts">?</button>
        <button type="button" className="btn" onClick={p.onHistory} data-testid="open-history">History</button>
        {p.showSave && <button type="button" className="btn" onClick={p.onSave} data-testid="save-item">Save</button>}
        {p.showSubmit && p.missingCount > 0 && (
          <span className="text-xs text-red-700 dark:text-red-300" data-testid="missing-count">{p.missingCount} required {p.missingCount === 1 ? "field" : "fields"} missing</span>
        )}
        {p.showSubmit && (
          <button type="button" className="btn-primary" disabled={p.submitBlockers.length > 0} onClick={p.onSubmit} data-testid="submit-item"
            title={p.submitBlockers.length ? p.submitBlockers.join("\n") : "Submit for review (Ctrl/⌘ + Shift + Enter)"}>
            Submit for review
          </button>
        )}
      </span>
      {p.showSubmit && p.submitBlockers.length > 0 && (
        <div className="w-full text-xs text-red-700 dark:text-red-300" data-testid="submit-reason">
          Submit is disabled:
          <ul className="ml-4 list-disc">{p.submitBlockers.map((b) => <li key={b}>{b}</li>)}</ul>
        </div>
      )}
      {p.message && <p className="w-full text-sm text-red-700 dark:text-red-300" data-testid="editor-message">{p.message}</p>}
      {p.notice && (
        <div className={`flex w-full items-start gap-2 rounded border px-2 py-1 text-sm ${NOTICE_TONE[p.notice.tone]}`} data-testid="editor-notice" data-tone={p.notice.tone} role="status">
          <div className="min-w-0 flex-1">
            {p.notice.text}
            {p.notice.items && <ul className="ml-4 list-disc">{p.notice.items.map((i) => <li key={i}>{i}</li>)}</ul>}
          </div>
          <button type="button" className="text-xs underline" onClick={p.onDismissNotice}>Dismiss</button>
        </div>
      )}
    </div>
  );
}

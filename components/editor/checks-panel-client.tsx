"use client";
// The latest check run: every result with its status; a click jumps to the field (and line) it concerns.
import type { CheckResult } from "@/lib/checks/types";
import type { CheckRunView } from "@/lib/checks/run-checks";
import { focusEditor } from "./code-editor-client";

/** The editor section a result's field belongs to. */
export function sectionOf(field: string): string {
  const head = field.split(".")[0];
  return ["topic", "level", "difficulty", "split", "sourceLocation", "license"].includes(head) ? "metadata" : head;
}

export function jumpTo(result: Pick<CheckResult, "field" | "line" | "column">): void {
  if (!result.field) return;
  const section = sectionOf(result.field);
  document.getElementById(`section-${section}`)?.scrollIntoView({ block: "center" });
  if (result.line) focusEditor(`field-${section}`, result.line, result.column ?? 1);
}

const ICON = { pass: "✓", fail: "✗", skip: "–" } as const;

export function CheckResultLine({ result, testId }: { result: CheckResult; testId?: string }) {
  const tone = result.status === "pass" ? "text-emerald-700 dark:text-emerald-400" : result.status === "skip" ? "text-stone-500" : result.blocking ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300";
  return (
    <li className="text-sm" data-testid={testId} data-check={result.id} data-status={result.status}>
      <button type="button" className={`text-left ${result.field ? "hover:underline" : "cursor-default"}`} onClick={() => jumpTo(result)} disabled={!result.field}>
        <span className={`mr-1 font-mono ${tone}`}>{ICON[result.status]}</span>
        <span className="font-medium">{result.title}</span>
        {!result.blocking && result.status === "fail" && <span className="ml-1 text-xs text-amber-700">(warning)</span>}
        <span className="text-stone-600 dark:text-stone-400"> — {result.message}</span>
      </button>
      {result.links && (
        <ul className="ml-5 list-disc text-xs">
          {result.links.map((l) => <li key={l.href}><a href={l.href} className="text-sky-700 hover:underline dark:text-sky-400" target="_blank" rel="noreferrer">{l.label}</a></li>)}
        </ul>
      )}
    </li>
  );
}

type Props = { run: CheckRunView | null; current: boolean; busy: boolean; onRun: () => void; readOnly: boolean };

export function ChecksPanel({ run, current, busy, onRun, readOnly }: Props) {
  const failed = run ? run.results.filter((r) => r.status === "fail") : [];
  const blocking = failed.filter((r) => r.blocking);
  const summary = !run
    ? "Not run yet."
    : `${blocking.length ? `${blocking.length} blocking failure${blocking.length > 1 ? "s" : ""}` : "All blocking checks pass"}${failed.length > blocking.length ? `, ${failed.length - blocking.length} warning${failed.length - blocking.length > 1 ? "s" : ""}` : ""} · version ${run.version} · ${run.durationMs} ms${run.isolation ? ` · sandbox: ${run.isolation}` : ""}`;
  return (
    <section id="section-checks" className="rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900" data-testid="checks-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Automatic checks</h2>
        {!readOnly && (
          <button type="button" className="btn" onClick={onRun} disabled={busy} data-testid="run-checks" title="Ctrl/⌘ + Enter">
            {busy ? "Running…" : "Run checks"}
          </button>
        )}
      </div>
      <p className={`mt-1 text-xs ${run && !current ? "text-amber-700 dark:text-amber-300" : "text-stone-500"}`} data-testid="checks-summary">
        {summary}
        {run && !current && " — out of date: the item changed since; run them again."}
      </p>
      {run && (
        <details open={blocking.length > 0} className="mt-2">
          <summary className="cursor-pointer text-xs text-stone-500">All results</summary>
          <ul className="mt-1 space-y-1" data-testid="check-results">
            {run.results.map((r, i) => <CheckResultLine key={`${r.id}-${i}`} result={r} />)}
          </ul>
        </details>
      )}
    </section>
  );
}

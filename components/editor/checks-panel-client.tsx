"use client";
// The latest check run: every result with its status; a click jumps to the field (and line) it concerns.
import type { CheckResult } from "@/lib/checks/types";
import type { CheckRunView } from "@/lib/checks/run-checks";
import { isolationLabel } from "@/lib/checks/isolation-label";
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

const ICON = { pass: "✓", fail: "✗", skip: "–", not_run: "○" } as const;

export function CheckResultLine({ result, testId }: { result: CheckResult; testId?: string }) {
  const tone = result.status === "pass" ? "text-emerald-700 dark:text-emerald-400" : result.status === "skip" || (result.status === "not_run" && !result.blocking) ? "text-stone-500" : result.blocking ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300";
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

/** `version`: the version on screen (a run of an earlier version with the same fields holds for it). */
type Props = { run: CheckRunView | null; current: boolean; version: number; busy: boolean; onRun: () => void; readOnly: boolean };

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 blocking failures, 3 blocking checks not run, 1 warning", or "All blocking checks pass". */
export function runSummary(run: CheckRunView): string {
  const failed = run.results.filter((r) => r.status === "fail");
  const blocking = failed.filter((r) => r.blocking).length;
  const notRun = run.results.filter((r) => r.status === "not_run" && r.blocking).length;
  const parts = [
    blocking ? count(blocking, "blocking failure") : null,
    notRun ? `${count(notRun, "blocking check")} not run` : null,
  ].filter(Boolean);
  const head = parts.length ? parts.join(", ") : "All blocking checks pass";
  const warnings = failed.length - blocking;
  return warnings ? `${head}, ${count(warnings, "warning")}` : head;
}

export function ChecksPanel({ run, current, version, busy, onRun, readOnly }: Props) {
  const blocking = run ? run.results.filter((r) => r.blocking && !r.passed) : [];
  const checked = run && current && run.version !== version ? `version ${run.version} (same fields as version ${version})` : `version ${run?.version}`;
  const summary = !run ? "Not run yet." : `${runSummary(run)} · ${checked} · ${run.durationMs} ms${run.isolation ? ` · sandbox: ${isolationLabel(run.isolation)}` : ""}`;
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

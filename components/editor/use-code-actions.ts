"use client";
// The editor's actions that run code on the server: the automatic checks (Ctrl/⌘+Enter) and "Compute
// expected". Both first wait for any save in flight and save what is typed (flush), so they always concern
// the text on screen; what they bring back is merged into the draft as it is by then.
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckResult } from "@/lib/checks/types";
import type { CheckRunView } from "@/lib/checks/run-checks";
import { isolationLabel } from "@/lib/checks/isolation-label";
import { mergeExpected, type MergedExpected } from "@/lib/items/draft";
import { itemApi } from "./item-api";
import type { useItemEditor } from "./use-item-editor";

type Editor = ReturnType<typeof useItemEditor>;
/** What an action reports in the toolbar (a submit's confirmation or refusal, what compute expected did). */
export type Notice = { tone: "info" | "success" | "error"; text: string; items?: string[] };

const NOT_SAVED = "the item could not be saved first (the save state above says why).";

function expectedSummary(merged: MergedExpected, isolation: string | null): string {
  const parts = [`Expected outputs filled in for ${merged.filled} case${merged.filled === 1 ? "" : "s"} by the reference code (sandbox: ${isolationLabel(isolation)}); they save with the item.`];
  if (merged.failures.length) parts.push(`No output for ${merged.failures.join("; ")}.`);
  if (merged.changed.length) parts.push(`Row${merged.changed.length > 1 ? "s" : ""} ${merged.changed.join(", ")} changed while the code ran: compute again for ${merged.changed.length > 1 ? "them" : "it"}.`);
  return parts.join(" ");
}

export function useCodeActions(itemId: string, ed: Editor, notify: (notice: Notice) => void) {
  const [run, setRun] = useState<CheckRunView | null>(null);
  const [busy, setBusyState] = useState<"checks" | "expected" | null>(null);
  const busyRef = useRef<"checks" | "expected" | null>(null);
  const setBusy = useCallback((b: "checks" | "expected" | null) => {
    busyRef.current = b;
    setBusyState(b);
  }, []);

  const refresh = useCallback(async () => {
    const r = await itemApi.latestChecks(itemId);
    if (r.ok) setRun(r.data);
  }, [itemId]);

  useEffect(() => {
    let live = true;
    void itemApi.latestChecks(itemId).then((r) => {
      if (live && r.ok) setRun(r.data);
    });
    return () => {
      live = false;
    };
  }, [itemId]);

  const runChecks = useCallback(async () => {
    if (busyRef.current) return;
    setBusy("checks");
    try {
      if (!(await ed.flush())) return notify({ tone: "error", text: `Checks not run: ${NOT_SAVED}` });
      const r = await itemApi.runChecks(itemId);
      if (r.ok) setRun(r.data);
      else notify({ tone: "error", text: `Checks not run: ${r.message}` });
    } finally {
      setBusy(null);
    }
  }, [ed, itemId, notify, setBusy]);

  const computeExpected = useCallback(async () => {
    if (busyRef.current) return;
    setBusy("expected");
    try {
      if (!(await ed.flush())) return notify({ tone: "error", text: `Expected outputs not computed: ${NOT_SAVED}` });
      const sent = ed.snapshot();
      const r = await itemApi.computeExpected(itemId);
      if (!r.ok) return notify({ tone: "error", text: `Expected outputs not computed: ${r.message}` });
      if (r.data.version !== sent.version) return notify({ tone: "error", text: "The item was saved by someone else while the code ran: compute the expected outputs again." });
      let merged: MergedExpected | null = null;
      ed.updateDraft((current) => (merged = mergeExpected(current, sent.draft, r.data.outputs)).draft);
      notify({ tone: merged!.failures.length || merged!.changed.length ? "error" : "info", text: expectedSummary(merged!, r.data.isolation) });
    } finally {
      setBusy(null);
    }
  }, [ed, itemId, notify, setBusy]);

  // A run holds for the version on screen when it checked these very fields (a submit changes none of them).
  const current = run !== null && !ed.dirty && (run.fieldsHash && ed.server.fieldsHash ? run.fieldsHash === ed.server.fieldsHash : run.version === ed.server.version);
  const blocking = current ? run.results.filter((r) => r.blocking && !r.passed) : [];
  /** Failing results located at `prefix` (a field key) or below it, for the current version only. */
  const resultsFor = useCallback(
    (prefix: string): CheckResult[] => (current ? run.results.filter((r) => r.status === "fail" && r.field !== null && (r.field === prefix || r.field.startsWith(`${prefix}.`))) : []),
    [current, run],
  );

  return { run, current, blocking, busy, refresh, runChecks, computeExpected, resultsFor };
}

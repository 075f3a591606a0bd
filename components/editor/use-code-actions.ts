"use client";
// The editor's actions that run code on the server: the automatic checks (Ctrl/⌘+Enter) and "Compute
// expected". Both save first, so they always concern the text on screen.
import { useCallback, useEffect, useState } from "react";
import type { CheckResult } from "@/lib/checks/types";
import type { CheckRunView } from "@/lib/checks/run-checks";
import { formatCell, returnElements } from "@/lib/items/test-values";
import type { TestValue } from "@/lib/items/test-values";
import { itemApi } from "./item-api";
import type { useItemEditor } from "./use-item-editor";

type Editor = ReturnType<typeof useItemEditor>;

export function useCodeActions(itemId: string, ed: Editor) {
  const [run, setRun] = useState<CheckRunView | null>(null);
  const [busy, setBusy] = useState<"checks" | "expected" | null>(null);

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
    if (busy) return;
    setBusy("checks");
    try {
      if (ed.dirty && !(await ed.save())) return;
      const r = await itemApi.runChecks(itemId);
      if (r.ok) setRun(r.data);
      else ed.setMessage(r.message);
    } finally {
      setBusy(null);
    }
  }, [busy, ed, itemId]);

  const computeExpected = useCallback(async () => {
    if (busy) return;
    setBusy("expected");
    try {
      if (ed.dirty && !(await ed.save())) return;
      const r = await itemApi.computeExpected(itemId);
      if (!r.ok) return ed.setMessage(r.message);
      const elements = returnElements(ed.draft.answerSpec.returns);
      const tuple = ed.draft.answerSpec.returns.type === "tuple";
      const failures: string[] = [];
      const testRows = ed.draft.testRows.map((row, i) => {
        const out = r.data.outputs[i];
        if (!out || "error" in out) {
          failures.push(`case ${i + 1}: ${out ? out.error : "not run"}`);
          return row;
        }
        const values = tuple ? (out.value as TestValue[]) : [out.value];
        return { ...row, expected: elements.map((e, j) => formatCell(values[j], e.type)) };
      });
      ed.setDraft({ ...ed.draft, testRows });
      ed.setMessage(failures.length ? `Expected outputs filled in, except ${failures.join("; ")}.` : `Expected outputs computed by the reference code (${r.data.isolation ?? "sandbox"}); they save with the item.`);
    } finally {
      setBusy(null);
    }
  }, [busy, ed, itemId]);

  const current = run !== null && run.version === ed.server.version && !ed.dirty;
  const blocking = current ? run.results.filter((r) => r.blocking && !r.passed) : [];
  /** Failing results located at `prefix` (a field key) or below it, for the current version only. */
  const resultsFor = useCallback(
    (prefix: string): CheckResult[] => (current ? run.results.filter((r) => r.status === "fail" && r.field !== null && (r.field === prefix || r.field.startsWith(`${prefix}.`))) : []),
    [current, run],
  );

  return { run, current, blocking, busy, refresh, runChecks, computeExpected, resultsFor };
}

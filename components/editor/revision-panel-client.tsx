"use client";
// Revision history: every saved version (who, when), a diff of one against the current text, and restore
// (which saves that version's fields as a new version; history is never rewritten). Consecutive autosaves of
// one editor are one entry, with each of its versions still reachable.
import { useEffect, useMemo, useState } from "react";
import { enumLabel, formatDateTimeRange } from "@/lib/format/labels";
import { groupRevisions } from "@/lib/items/revision-groups";
import { DRAFT_KEYS, draftFromFields, type DraftFields } from "@/lib/items/draft";
import { draftKeyLabel, draftKeyText, isLineField } from "@/lib/items/draft-text";
import type { Revision, RevisionSummary } from "@/lib/items/revisions";
import { itemApi } from "./item-api";
import { TextDiff } from "./text-diff";

type Props = { itemId: string; current: DraftFields; currentVersion: number; canEdit: boolean; onRestore: (version: number) => Promise<boolean>; onClose: () => void };

export function RevisionPanel({ itemId, current, currentVersion, canEdit, onRestore, onClose }: Props) {
  const [list, setList] = useState<RevisionSummary[] | null>(null);
  const [selected, setSelected] = useState<Revision | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void itemApi.revisions(itemId).then((r) => {
      if (!live) return;
      if (r.ok) setList(r.data.revisions);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [itemId, currentVersion]);

  const open = async (version: number) => {
    const r = await itemApi.revision(itemId, version);
    if (r.ok) setSelected(r.data);
    else setError(r.message);
  };

  const groups = useMemo(() => (list ? groupRevisions(list) : null), [list]);
  const old = selected ? draftFromFields(selected.fields) : null;
  const differing = old ? DRAFT_KEYS.filter((k) => draftKeyText(k, old) !== draftKeyText(k, current)) : [];

  return (
    <aside data-testid="revision-panel" aria-label="Revision history" className="fixed inset-y-0 right-0 z-30 flex w-full max-w-2xl flex-col border-l border-stone-200 bg-white shadow-xl dark:border-stone-800 dark:bg-stone-900">
      <header className="flex items-center justify-between border-b border-stone-200 px-4 py-2 dark:border-stone-800">
        <h2 className="font-semibold">History</h2>
        <button type="button" className="btn" onClick={onClose}>Close</button>
      </header>
      <div className="grid min-h-0 flex-1 grid-cols-[12rem_1fr]">
        <ol className="overflow-y-auto border-r border-stone-200 text-sm dark:border-stone-800" data-testid="revision-list">
          {list === null && !error && <li className="p-3 text-stone-500">Loading…</li>}
          {groups?.map((g) => {
            const many = g.revisions.length > 1;
            const isCurrent = g.newest.version === currentVersion;
            return (
              <li key={g.newest.version} data-testid={`revision-group-${g.newest.version}`} className="border-b border-stone-100 dark:border-stone-800">
                <button type="button" onClick={() => void open(g.newest.version)} data-testid={many ? `revision-group-open-${g.newest.version}` : `revision-${g.newest.version}`}
                  className={`w-full px-3 pt-2 text-left hover:bg-stone-100 dark:hover:bg-stone-800 ${many ? "" : "pb-2"} ${selected?.version === g.newest.version ? "bg-sky-50 dark:bg-sky-950" : ""}`}>
                  <div className="font-medium">
                    {many ? `Versions ${g.oldest.version}–${g.newest.version}` : `Version ${g.newest.version}`}{isCurrent ? " (current)" : ""}
                  </div>
                  <div className="text-xs text-stone-500">{g.newest.editor ?? "—"} · {formatDateTimeRange(g.oldest.createdAt, g.newest.createdAt)}</div>
                  <div className="text-xs text-stone-500">{enumLabel(g.newest.status)}{many ? ` · ${g.revisions.length} saves` : ""}</div>
                </button>
                {/* Every save stays reachable; a click on the entry opens its newest. */}
                {many && (
                  <div className="flex flex-wrap gap-1 px-3 pb-2">
                    {g.revisions.map((r) => (
                      <button key={r.version} type="button" onClick={() => void open(r.version)} data-testid={`revision-${r.version}`}
                        className={`rounded px-1 text-xs hover:bg-stone-200 dark:hover:bg-stone-700 ${selected?.version === r.version ? "bg-sky-100 dark:bg-sky-900" : "text-stone-500"}`}>
                        v{r.version}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        <div className="overflow-y-auto p-3">
          {error && <p className="text-sm text-red-700" data-testid="revision-error">{error}</p>}
          {!selected && <p className="text-sm text-stone-500">Pick a version to compare it with your current text.</p>}
          {selected && old && (
            <>
              <div className="flex items-center justify-between">
                <p className="text-sm">Version {selected.version} → your current text: <span className="text-red-700">removed</span> / <span className="text-emerald-700">added</span></p>
                {canEdit && selected.version !== currentVersion && (
                  <button type="button" className="btn-primary" data-testid="revision-restore" onClick={() => void onRestore(selected.version).then((ok) => ok && setSelected(null))}>
                    Restore version {selected.version}
                  </button>
                )}
              </div>
              {differing.length === 0 && <p className="mt-3 text-sm text-stone-500">No differences.</p>}
              {differing.map((k) => (
                <section key={k} className="mt-3">
                  <h3 className="mb-1 text-sm font-semibold">{draftKeyLabel(k)}</h3>
                  <TextDiff before={draftKeyText(k, old)} after={draftKeyText(k, current)} byLine={isLineField(k)} testId={`revision-diff-${k}`} />
                </section>
              ))}
            </>
          )}
        </div>
      </div>
    </aside>
  );
}

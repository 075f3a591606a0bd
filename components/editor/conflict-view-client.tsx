"use client";
// Shown when a save meets a newer server version (409): every differing field side by side, a choice per
// field, and both texts selectable for copying pieces. Nothing is discarded until the user saves a choice.
import { useMemo, useState } from "react";
import type { ItemView } from "@/lib/items/get-item";
import { changedDraftKeys, draftFromFields, type DraftFields, type DraftKey } from "@/lib/items/draft";
import { draftKeyLabel, draftKeyText } from "@/lib/items/draft-text";
import { pickFields } from "@/lib/items/schemas";

type Props = { mine: DraftFields; theirs: ItemView; onResolve: (merged: DraftFields) => void };
type Choice = "mine" | "theirs";

export function ConflictView({ mine, theirs, onResolve }: Props) {
  const theirDraft = useMemo(() => draftFromFields(pickFields(theirs)), [theirs]);
  const keys = useMemo(() => changedDraftKeys(mine, theirDraft), [mine, theirDraft]);
  const [choice, setChoice] = useState<Record<string, Choice>>({});
  const chosen = (k: DraftKey): Choice => choice[k] ?? "mine";
  const setAll = (c: Choice) => setChoice(Object.fromEntries(keys.map((k) => [k, c])));

  const merge = (): DraftFields => {
    const merged = { ...theirDraft } as Record<DraftKey, unknown>;
    for (const k of keys) merged[k] = chosen(k) === "mine" ? mine[k] : theirDraft[k];
    // Test rows follow the spec they were typed for.
    if (chosen("answerSpec") !== chosen("testRows") && keys.includes("answerSpec")) merged.testRows = chosen("answerSpec") === "mine" ? mine.testRows : theirDraft.testRows;
    return merged as DraftFields;
  };

  const who = theirs.lastEditor?.name ?? "someone";
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="conflict-title" data-testid="conflict-view" className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-black/40 p-4">
      <div className="w-full max-w-6xl rounded-lg bg-white p-4 shadow-xl dark:bg-stone-900">
        <h2 id="conflict-title" className="text-lg font-semibold">This item changed while you were editing</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {who} saved version {theirs.version}. Choose, field by field, which text to keep — or copy pieces from one side into the
          other after saving. Your text stays in this browser until you save.
        </p>
        <div className="mt-3 flex gap-2">
          <button type="button" className="btn" data-testid="conflict-all-mine" onClick={() => setAll("mine")}>Keep all mine</button>
          <button type="button" className="btn" data-testid="conflict-all-theirs" onClick={() => setAll("theirs")}>Take all of theirs</button>
        </div>
        {keys.length === 0 && <p className="mt-3 text-sm">The texts are the same; saving makes your copy current.</p>}
        {keys.map((k) => (
          <section key={k} className="mt-4" data-testid={`conflict-field-${k}`}>
            <h3 className="text-sm font-semibold">{draftKeyLabel(k)}</h3>
            <div className="mt-1 grid gap-3 md:grid-cols-2">
              {(["mine", "theirs"] as const).map((side) => (
                <label key={side} className={`block rounded border p-2 ${chosen(k) === side ? "border-sky-600 ring-2 ring-sky-500/30" : "border-stone-300 dark:border-stone-700"}`}>
                  <span className="flex items-center gap-2 text-xs font-medium">
                    <input type="radio" name={`conflict-${k}`} checked={chosen(k) === side} onChange={() => setChoice({ ...choice, [k]: side })} data-testid={`conflict-${k}-${side}`} />
                    {side === "mine" ? "Yours (not saved)" : `Version ${theirs.version} by ${who}`}
                  </span>
                  <textarea readOnly className="mt-1 h-40 w-full resize-y rounded bg-stone-50 p-2 font-mono text-xs dark:bg-stone-950" data-testid={`conflict-${k}-${side}-text`}
                    value={draftKeyText(k, side === "mine" ? mine : theirDraft)} />
                </label>
              ))}
            </div>
          </section>
        ))}
        <div className="mt-4 flex justify-end">
          <button type="button" className="btn-primary" data-testid="conflict-save" onClick={() => onResolve(merge())}>Save my choices as a new version</button>
        </div>
      </div>
    </div>
  );
}

"use client";
// A submitted item is read-only in the editor: editing it withdraws it from review, so the editor asks
// first (the author and a lead alike). The confirmation is what lets the next save send `withdraw: true`.
import { useState } from "react";

type Props = { onConfirm: () => void };

export function SubmittedBanner({ onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-sky-300 bg-sky-50 px-3 py-2 text-sm dark:border-sky-800 dark:bg-sky-950" data-testid="submitted-banner">
      <span>Submitted for review — editing will withdraw it.</span>
      <button type="button" className="btn ml-auto" onClick={() => setAsking(true)} data-testid="withdraw-edit">Edit (withdraw from review)</button>
      {asking && (
        <div role="dialog" aria-modal="true" aria-labelledby="withdraw-title" data-testid="withdraw-dialog" className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4" onClick={() => setAsking(false)}>
          <div className="w-full max-w-md rounded-lg bg-white p-4 shadow-xl dark:bg-stone-900" onClick={(e) => e.stopPropagation()}>
            <h2 id="withdraw-title" className="font-semibold">Withdraw this item from review?</h2>
            <p className="mt-2 text-sm">
              The first change you save puts it back to draft. It leaves the review queue and has to pass the checks and be submitted again.
            </p>
            <div className="mt-4 flex justify-end gap-2">
              <button type="button" className="btn" onClick={() => setAsking(false)} data-testid="withdraw-cancel">Keep it submitted</button>
              <button type="button" className="btn-primary" data-testid="withdraw-confirm" onClick={() => {
                setAsking(false);
                onConfirm();
              }}>Withdraw and edit</button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

"use client";
// Reviewers' comments in the author's editor: those anchored to a field beside it (with the quoted passage,
// a suggested replacement to apply with one click, and a resolved toggle), the others in one panel on top.
import { useState } from "react";
import { sendJson } from "@/components/api/send-json";
import { formatDateTime } from "@/lib/format/labels";
import type { CommentView } from "@/lib/review/comments";

type Actions = { canApply: boolean; onApply: (commentId: string) => Promise<boolean>; onChanged: () => void; itemId: string };

function Note({ comment, itemId, canApply, onApply, onChanged }: Actions & { comment: CommentView }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    const result = await sendJson(`/api/items/${itemId}/comments/${comment.id}`, "PATCH", { resolved: !comment.resolved });
    if (result.ok) onChanged();
    else setError(result.error);
  };
  const apply = async () => {
    setBusy(true);
    const ok = await onApply(comment.id);
    setBusy(false);
    if (ok) onChanged();
    else setError("The suggestion could not be applied (see the message above).");
  };
  return (
    <li className={`rounded border border-sky-200 bg-sky-50/60 p-2 text-sm dark:border-sky-900 dark:bg-sky-950/40 ${comment.resolved ? "opacity-60" : ""}`}
      data-testid="field-note" data-resolved={comment.resolved}>
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
        <span className="font-medium text-stone-700 dark:text-stone-200">{comment.author.name}</span>
        {comment.version !== null && <span>on v{comment.version}</span>}
        <span>{formatDateTime(comment.createdAt)}</span>
        <button type="button" className="ml-auto hover:underline" onClick={() => void toggle()} data-testid="note-toggle-resolved">{comment.resolved ? "Reopen" : "Mark resolved"}</button>
      </div>
      {comment.quote && <blockquote className="mt-1 border-l-2 border-sky-300 pl-2 font-mono text-xs whitespace-pre-wrap">{comment.quote}</blockquote>}
      {comment.suggestion !== null && (
        <p className="mt-1 flex flex-wrap items-center gap-2 font-mono text-xs">
          <span className="text-stone-500">suggests:</span>
          <ins className="bg-emerald-100 no-underline dark:bg-emerald-950">{comment.suggestion}</ins>
          {comment.applied ? <span className="text-stone-500">(applied)</span> : canApply && (
            <button type="button" className="btn py-0 text-xs" disabled={busy} onClick={() => void apply()} data-testid="apply-suggestion">Apply suggestion</button>
          )}
        </p>
      )}
      <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
      {error && <p role="alert" className="text-xs text-red-700 dark:text-red-300">{error}</p>}
    </li>
  );
}

/** The comments anchored to one field, or nothing; `label` names the field when several share a section (Metadata). */
export function FieldNotes({ comments, field, label, ...actions }: Actions & { comments: CommentView[]; field: string; label?: string }) {
  const mine = comments.filter((c) => c.field === field);
  if (mine.length === 0) return null;
  return (
    <div className="mt-2">
      {label && <p className="text-xs font-medium text-stone-500">On {label}:</p>}
      <ul className="space-y-1" data-testid={`notes-${field}`} aria-label={`Reviewers' comments on ${label ?? "this field"}`}>
        {mine.map((c) => <Note key={c.id} comment={c} {...actions} />)}
      </ul>
    </div>
  );
}

/** What the review said about the whole item, and where the item stands with review. */
export function ReviewNotesPanel({ comments, status, version, approvedVersion, ...actions }: Actions & { comments: CommentView[]; status: string; version: number; approvedVersion: number | null }) {
  const general = comments.filter((c) => c.field === null && !c.resolved);
  const anchoredOpen = comments.filter((c) => c.field !== null && !c.resolved).length;
  const approvedEarlier = approvedVersion !== null && (status !== "APPROVED" || approvedVersion !== version);
  if (status !== "CHANGES_REQUESTED" && status !== "APPROVED" && !approvedEarlier && general.length === 0) return null;
  return (
    <section className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950" data-testid="review-notes">
      {status === "CHANGES_REQUESTED" && (
        <p className="font-medium" data-testid="changes-requested-note">
          Changes requested{anchoredOpen ? `: ${anchoredOpen} comment${anchoredOpen === 1 ? "" : "s"} beside the fields` : ""}. Fix them, then submit again.
        </p>
      )}
      {status === "APPROVED" && (
        <p data-testid="approved-note">Approved as version {approvedVersion ?? version}; saving starts version {version + 1}, which needs review again.</p>
      )}
      {status !== "APPROVED" && approvedEarlier && (
        <p data-testid="approved-note">Version {approvedVersion} is approved (releases use it); this version needs review again.</p>
      )}
      {general.length > 0 && <ul className="mt-2 space-y-1">{general.map((c) => <Note key={c.id} comment={c} {...actions} />)}</ul>}
    </section>
  );
}

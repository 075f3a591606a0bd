"use client";
// An item's comment thread: read it, add to it (optionally anchored to a field and a passage, with a
// suggested replacement), mark comments resolved. Used on the review page.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/api/send-json";
import { formatDateTime } from "@/lib/format/labels";
import { FIELD_LABELS, type ItemFields } from "@/lib/items/schemas";
import type { CommentView } from "@/lib/review/comments";
import { AnchorFields, anchorBody, NO_ANCHOR, type Anchor } from "./comment-fields-client";

export function CommentItem({ itemId, comment, onChanged }: { itemId: string; comment: CommentView; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    const result = await sendJson(`/api/items/${itemId}/comments/${comment.id}`, "PATCH", { resolved: !comment.resolved });
    if (result.ok) onChanged();
    else setError(result.error);
  };
  return (
    <li className={`rounded border border-stone-200 p-2 text-sm dark:border-stone-700 ${comment.resolved ? "opacity-60" : ""}`} data-testid="comment" data-resolved={comment.resolved}>
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
        <span className="font-medium text-stone-700 dark:text-stone-200">{comment.author.name}</span>
        {comment.field && <span className="rounded bg-stone-100 px-1 dark:bg-stone-800">{FIELD_LABELS[comment.field as keyof ItemFields] ?? comment.field}</span>}
        {comment.version && <span>v{comment.version}</span>}
        <span>{formatDateTime(comment.createdAt)}</span>
        <button type="button" className="ml-auto hover:underline" onClick={() => void toggle()} data-testid="toggle-resolved">{comment.resolved ? "Reopen" : "Resolve"}</button>
      </div>
      {comment.quote && <blockquote className="mt-1 border-l-2 border-stone-300 pl-2 font-mono text-xs whitespace-pre-wrap">{comment.quote}</blockquote>}
      {comment.suggestion !== null && <p className="mt-1 font-mono text-xs"><span className="text-stone-500">suggests:</span> <ins className="no-underline bg-emerald-100 dark:bg-emerald-950">{comment.suggestion}</ins>{comment.applied && <span className="ml-1 text-stone-500">(applied)</span>}</p>}
      <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </li>
  );
}

export function CommentThread({ itemId, comments }: { itemId: string; comments: CommentView[] }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [anchor, setAnchor] = useState<Anchor>(NO_ANCHOR);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const post = async () => {
    setBusy(true);
    const result = await sendJson(`/api/items/${itemId}/comments`, "POST", { body, ...anchorBody(anchor) });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setBody("");
    setAnchor(NO_ANCHOR);
    setError(null);
    router.refresh();
  };
  return (
    <div className="space-y-3" data-testid="comment-thread">
      {comments.length === 0 ? <p className="text-sm text-stone-500">No comments yet.</p> : (
        <ul className="space-y-2">{comments.map((c) => <CommentItem key={c.id} itemId={itemId} comment={c} onChanged={() => router.refresh()} />)}</ul>
      )}
      <form className="space-y-2" onSubmit={(e) => { e.preventDefault(); void post(); }}>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">Add a comment</span>
          <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={2} className="input" data-testid="new-comment" />
        </label>
        <AnchorFields value={anchor} onChange={setAnchor} idPrefix="comment" />
        <button type="submit" className="btn" disabled={busy || !body.trim()} data-testid="post-comment">Comment</button>
        {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p>}
      </form>
    </div>
  );
}

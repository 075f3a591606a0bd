"use client";
// Decisions on the version shown (approve / request changes / reject), the queue's next and previous
// items, and the page's keys: j/k next/previous, a approve, c request changes, x reject, ? the keys.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { sendJson } from "@/components/api/send-json";
import { enumLabel } from "@/lib/format/labels";
import { AnchorFields, anchorBody, NO_ANCHOR, type Anchor } from "./comment-fields-client";
import { isTyping } from "./keyboard";

type Props = {
  itemId: string;
  version: number;
  status: string;
  decisionBlocked: string | null;
  previousHref: string | null;
  nextHref: string | null;
  queueHref: string;
};
type Mode = "idle" | "changes" | "reject";
type Outcome = { ok: boolean; text: string } | null;

const KEYS = [
  ["j", "next item in the queue"], ["k", "previous item"], ["a", "approve this version"], ["c", "request changes (write the comment)"],
  ["x", "reject (write the reason)"], ["?", "show or hide these keys"], ["Esc", "close"],
] as const;

export function ReviewActions({ itemId, version, status, decisionBlocked, previousHref, nextHref, queueHref }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("idle");
  const [comment, setComment] = useState("");
  const [anchor, setAnchor] = useState<Anchor>(NO_ANCHOR);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [help, setHelp] = useState(false);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const decidable = status === "SUBMITTED" && !decisionBlocked;

  const decide = async (decision: "APPROVE" | "REQUEST_CHANGES" | "REJECT") => {
    if (!decidable || busy) return;
    setBusy(true);
    setOutcome(decision === "APPROVE" ? { ok: true, text: "Re-running the checks on this version…" } : null);
    const body = { version, decision, ...(decision === "APPROVE" ? {} : { comment, ...(decision === "REQUEST_CHANGES" ? anchorBody(anchor) : {}) }) };
    const result = await sendJson<{ status: string; version: number }>(`/api/items/${itemId}/reviews`, "POST", body);
    setBusy(false);
    if (!result.ok) {
      setOutcome({ ok: false, text: result.error });
      return;
    }
    setOutcome({ ok: true, text: `${enumLabel(result.data.status)}: version ${result.data.version}.` });
    setMode("idle");
    setComment("");
    setAnchor(NO_ANCHOR);
    router.refresh();
  };

  const open = (next: Mode) => {
    if (!decidable) return;
    setMode(next);
    setOutcome(null);
    requestAnimationFrame(() => commentBox.current?.focus());
  };

  // The key handler is installed once and reads the newest callbacks from here.
  const latest = useRef({ decide, open, previousHref, nextHref });
  useEffect(() => {
    latest.current = { decide, open, previousHref, nextHref };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setHelp(false);
        return;
      }
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const { decide: act, open: start, previousHref: prev, nextHref: next } = latest.current;
      const handlers: Record<string, () => void> = {
        j: () => next && router.push(next),
        k: () => prev && router.push(prev),
        a: () => void act("APPROVE"),
        c: () => start("changes"),
        x: () => start("reject"),
        "?": () => setHelp((h) => !h),
      };
      const handler = handlers[event.key];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);

  return (
    <section className="rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900" data-testid="review-actions">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn-primary" disabled={!decidable || busy} onClick={() => void decide("APPROVE")} data-testid="approve" title="a">Approve</button>
        <button type="button" className="btn" disabled={!decidable || busy} onClick={() => open("changes")} data-testid="request-changes" title="c">Request changes</button>
        <button type="button" className="btn" disabled={!decidable || busy} onClick={() => open("reject")} data-testid="reject" title="x">Reject</button>
        <span className="ml-auto flex items-center gap-3 text-sm">
          {previousHref ? <Link href={previousHref} className="text-sky-700 hover:underline dark:text-sky-400" data-testid="previous-item">← Previous (k)</Link> : <span className="text-stone-400">← Previous</span>}
          <Link href={queueHref} className="text-stone-500 hover:underline">Queue</Link>
          {nextHref ? <Link href={nextHref} className="text-sky-700 hover:underline dark:text-sky-400" data-testid="next-item">Next (j) →</Link> : <span className="text-stone-400">Next →</span>}
          <button type="button" className="text-stone-500 hover:underline" onClick={() => setHelp((h) => !h)}>Keys (?)</button>
        </span>
      </div>
      {decisionBlocked && <p role="alert" className="mt-2 text-sm text-amber-800 dark:text-amber-200" data-testid="decision-blocked">{decisionBlocked}</p>}
      {!decisionBlocked && status !== "SUBMITTED" && (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-300" data-testid="not-submitted">
          This item is {enumLabel(status).toLowerCase()}; decisions apply to submitted items.
          {status === "REJECTED" && <ReopenButton itemId={itemId} version={version} />}
        </p>
      )}
      {mode !== "idle" && (
        <form className="mt-3 space-y-2" onSubmit={(e) => { e.preventDefault(); void decide(mode === "changes" ? "REQUEST_CHANGES" : "REJECT"); }}>
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{mode === "changes" ? "What should change" : "Why it is rejected"}</span>
            <textarea ref={commentBox} value={comment} onChange={(e) => setComment(e.target.value)} required rows={3} className="input" data-testid="decision-comment" />
          </label>
          {mode === "changes" && <AnchorFields value={anchor} onChange={setAnchor} idPrefix="decision" />}
          <div className="flex gap-2">
            <button type="submit" className="btn-primary" disabled={busy || !comment.trim()} data-testid="send-decision">{mode === "changes" ? "Send back to the author" : "Reject the item"}</button>
            <button type="button" className="btn" onClick={() => setMode("idle")}>Cancel</button>
          </div>
        </form>
      )}
      {outcome && <p role={outcome.ok ? "status" : "alert"} data-testid="decision-outcome" className={`mt-2 text-sm ${outcome.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}>{outcome.text}</p>}
      {help && (
        <div role="dialog" aria-label="Keyboard shortcuts" className="mt-3 rounded border border-stone-200 p-3 text-sm dark:border-stone-700" data-testid="review-keys">
          <ul className="grid gap-1 sm:grid-cols-2">
            {KEYS.map(([key, what]) => <li key={key}><kbd className="rounded border px-1 font-mono text-xs">{key}</kbd> {what}</li>)}
          </ul>
          <p className="mt-1 text-xs text-stone-500">Keys do nothing while you type in a field.</p>
        </div>
      )}
    </section>
  );
}

function ReopenButton({ itemId, version }: { itemId: string; version: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const reopen = async () => {
    const result = await sendJson(`/api/items/${itemId}/reopen`, "POST", { version });
    if (result.ok) router.refresh();
    else setError(result.error);
  };
  return (
    <>
      <button type="button" className="btn ml-2 py-0.5" onClick={() => void reopen()} data-testid="reopen">Reopen as a draft</button>
      {error && <span role="alert" className="ml-2 text-red-700">{error}</span>}
    </>
  );
}

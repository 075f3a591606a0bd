"use client";
// The bulk-assignment bar above a selectable list: how many are selected, "select all N matching", a person
// and Assign / Unassign. The list says which endpoint and body an assignment sends.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/api/send-json";
import type { Person } from "@/lib/users/list-people";
import type { useSelection } from "./use-selection";

type Props = {
  selection: ReturnType<typeof useSelection>;
  total: number;
  /** more match than one assignment may take (the total is a lower bound) */
  totalCapped?: boolean;
  pageSize: number;
  people: Person[];
  noun: string;
  /** the request for assigning the selection to `assigneeId` (null: unassign) */
  request: (assigneeId: string | null) => { url: string; body: unknown };
};

export function AssignBar({ selection, total, totalCapped = false, pageSize, people, noun, request }: Props) {
  const router = useRouter();
  const [assignee, setAssignee] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const count = selection.allMatching ? total : selection.selected.size;
  const plural = (n: number) => `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;

  const assign = async (to: string | null) => {
    setBusy(true);
    const { url, body } = request(to);
    const result = await sendJson<{ assigned: number }>(url, "POST", body);
    setBusy(false);
    if (!result.ok) {
      setMessage({ ok: false, text: result.error });
      return;
    }
    const who = to ? people.find((p) => p.id === to)?.name ?? "them" : null;
    setMessage({ ok: true, text: who ? `Assigned ${plural(result.data.assigned)} to ${who}.` : `Unassigned ${plural(result.data.assigned)}.` });
    selection.clear();
    router.refresh();
  };

  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 text-sm" data-testid="assign-bar">
      <span data-testid="selection-count">{count ? `${count.toLocaleString("en")} selected` : `Select ${noun}s to assign them.`}</span>
      {selection.pageSelected && !selection.allMatching && total > pageSize && totalCapped && (
        <span className="text-stone-500" data-testid="too-many-matching">More than {total.toLocaleString("en")} match: narrow the filter to assign them all at once.</span>
      )}
      {selection.pageSelected && !selection.allMatching && total > pageSize && !totalCapped && (
        <button type="button" className="text-sky-700 hover:underline dark:text-sky-400" onClick={() => selection.setAllMatching(true)} data-testid="select-all-matching">
          Select all {total.toLocaleString("en")} matching this filter
        </button>
      )}
      <span className="ml-auto flex items-center gap-2">
        <select value={assignee} onChange={(e) => setAssignee(e.target.value)} className="input w-48 py-1" aria-label="Assign to">
          <option value="">Choose a person…</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.role.toLowerCase()})</option>)}
        </select>
        <button type="button" className="btn-primary py-1" disabled={busy || !count || !assignee} onClick={() => void assign(assignee)} data-testid="assign">Assign</button>
        <button type="button" className="btn py-1" disabled={busy || !count} onClick={() => void assign(null)} data-testid="unassign">Unassign</button>
      </span>
      {message && <p role={message.ok ? "status" : "alert"} className={`w-full ${message.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`} data-testid="assign-message">{message.text}</p>}
    </div>
  );
}

/** The checkbox of one row: click toggles, shift-click selects the range since the last click. */
export function RowCheckbox({ selection, index, id, label }: { selection: ReturnType<typeof useSelection>; index: number; id: string; label: string }) {
  return (
    <input type="checkbox" aria-label={`Select ${label}`} checked={selection.allMatching || selection.selected.has(id)}
      // React's change event of a checkbox is the click: its shiftKey extends the selection as a range (no
      // preventDefault, which would let the browser undo the box's checked state after React set it)
      onChange={(e) => selection.toggle(index, (e.nativeEvent as MouseEvent).shiftKey === true)} />
  );
}

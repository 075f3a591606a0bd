"use client";
// The item list; for leads, with selection and reassignment of drafts to another annotator.
import Link from "next/link";
import { AssignBar, RowCheckbox } from "@/components/assign/assign-bar-client";
import { useSelection } from "@/components/assign/use-selection";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Person } from "@/lib/users/list-people";

export type ItemTableRow = {
  id: string; title: string; excerpt: React.ReactNode; source: string; location: string | null; author: string; assignee: string | null;
  status: string; version: number; edited: string;
};

type Props = {
  rows: ItemTableRow[];
  people: Person[] | null;
  /** the filter's total (for "select all N matching") and the filter itself, when the viewer reassigns */
  total?: number;
  totalCapped?: boolean;
  filter?: Record<string, string>;
};

export function ItemTable({ rows, people, total = rows.length, totalCapped = false, filter = {} }: Props) {
  const selection = useSelection(rows.map((r) => r.id));
  return (
    <>
      {people && (
        <AssignBar selection={selection} total={total} totalCapped={totalCapped} pageSize={rows.length} people={people} noun="item"
          request={(assigneeId) => ({
            url: "/api/items/assign",
            body: selection.allMatching ? { filter, assigneeId } : { itemIds: [...selection.selected], assigneeId },
          })} />
      )}
      <table className="table-dense" data-testid="item-table">
        <thead>
          <tr>
            {people && <th className="w-6"><input type="checkbox" aria-label="Select this page" checked={selection.pageSelected} onChange={selection.togglePage} /></th>}
            <th>Item</th><th>Seed</th><th>Author</th><th>Status</th><th className="text-right">Version</th><th>Edited</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id} data-testid={`item-row-${r.id}`}>
              {people && <td><RowCheckbox selection={selection} index={i} id={r.id} label={r.title} /></td>}
              <td className="max-w-xl">
                <Link href={`/items/${r.id}`} className="font-medium hover:underline">{r.title}</Link>
                {r.excerpt}
              </td>
              <td className="font-mono text-xs">{r.source}{r.location ? ` · ${r.location}` : ""}</td>
              <td className="text-sm">{r.author}{r.assignee && r.assignee !== r.author ? <span className="block text-xs text-stone-500">assigned to {r.assignee}</span> : null}</td>
              <td><StatusBadge status={r.status} /></td>
              <td className="text-right tabular-nums">{r.version}</td>
              <td className="text-xs text-stone-500">{r.edited}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

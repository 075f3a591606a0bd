"use client";
// The item list; for leads, with selection and reassignment of drafts to another annotator.
import Link from "next/link";
import { useEffect, useState } from "react";
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
  /** the list's filter, for "select all N matching" (counted when the page is selected, not on every view) */
  filter?: Record<string, string>;
};

export function ItemTable({ rows, people, filter = {} }: Props) {
  const selection = useSelection(rows.map((r) => r.id));
  const total = useFilterTotal(people !== null && selection.pageSelected, filter);
  return (
    <>
      {people && (
        <AssignBar selection={selection} total={total?.total ?? rows.length} totalCapped={total?.totalCapped ?? false} pageSize={rows.length} people={people} noun="item"
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

/**
 * The filter's total from GET /api/items?total=1, fetched each time `wanted` turns true (a lead selects the page),
 * so it is never older than that selection; null until it arrives or when it cannot be had.
 */
function useFilterTotal(wanted: boolean, filter: Record<string, string>): { total: number; totalCapped: boolean } | null {
  const query = new URLSearchParams({ ...filter, limit: "1", total: "1" }).toString();
  const [known, setKnown] = useState<{ query: string; total: number; totalCapped: boolean } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let stale = false;
    void fetch(`/api/items?${query}`, { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ total: number; totalCapped: boolean }>) : null))
      .then((page) => {
        if (page && !stale) setKnown({ query, total: page.total, totalCapped: page.totalCapped });
      })
      .catch(() => undefined); // no total: "select all matching" is not offered
    return () => {
      stale = true;
      setKnown(null);
    };
  }, [wanted, query]);
  return wanted && known?.query === query ? known : null;
}

"use client";
// The seed list; for leads, with selection (click, shift-click ranges, the page, or every seed matching the
// filter) and assignment to a person or back to nobody, in one request.
import Link from "next/link";
import { AssignBar, RowCheckbox } from "@/components/assign/assign-bar-client";
import { useSelection } from "@/components/assign/use-selection";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Person } from "@/lib/users/list-people";

export type SeedTableRow = {
  id: string; title: string; source: string; location: string | null; status: string; itemCount: number;
  assignee: string | null; excerpt: React.ReactNode;
};

type Props = { rows: SeedTableRow[]; total: number; totalCapped: boolean; filter: Record<string, string>; people: Person[] | null };

export function SeedTable({ rows, total, totalCapped, filter, people }: Props) {
  const selection = useSelection(rows.map((r) => r.id));
  return (
    <>
      {people && (
        <AssignBar selection={selection} total={total} totalCapped={totalCapped} pageSize={rows.length} people={people} noun="seed"
          request={(assigneeId) => ({
            url: "/api/seeds/assign",
            body: selection.allMatching ? { filter, assigneeId } : { seedIds: [...selection.selected], assigneeId },
          })} />
      )}
      <table className="table-dense" data-testid="seed-table">
        <thead>
          <tr>
            {people && <th className="w-6"><input type="checkbox" aria-label="Select this page" checked={selection.pageSelected} onChange={selection.togglePage} /></th>}
            <th>Seed</th><th>Source</th><th>Status</th><th>Assignee</th><th className="text-right">Items</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s, i) => (
            <tr key={s.id} data-testid={`seed-row-${s.id}`}>
              {people && <td><RowCheckbox selection={selection} index={i} id={s.id} label={s.title} /></td>}
              <td className="max-w-xl">
                <Link href={`/seeds/${s.id}`} className="font-medium hover:underline">{s.title}</Link>
                {s.excerpt}
              </td>
              <td className="font-mono text-xs">{s.source}{s.location ? ` · ${s.location}` : ""}</td>
              <td><StatusBadge status={s.status} /></td>
              <td className="text-xs">{s.assignee ?? "—"}</td>
              <td className="text-right tabular-nums">{s.itemCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

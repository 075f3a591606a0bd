import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageUser } from "@/lib/auth/session";
import { getHomeSummary, type WorkRow } from "@/lib/dashboard/get-home-summary";

export default async function HomePage() {
  const user = await requirePageUser();
  const summary = await getHomeSummary(user);
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} subtitle={`Signed in as ${user.email}`} />
      {summary.kind === "annotator" && (
        <div className="grid gap-4 md:grid-cols-2">
          <Card title="My seeds">
            <WorkList rows={summary.seeds} empty="No seeds assigned to you yet. Browse the seeds to pick one." />
          </Card>
          <Card title="My items">
            <WorkList rows={summary.items} empty="You have not adapted any item yet." />
          </Card>
        </div>
      )}
      {summary.kind !== "annotator" && (
        <div className="grid gap-4 md:grid-cols-2">
          <Card title="Items by status">
            <CountTable counts={summary.items} testId="item-counts" />
          </Card>
          <Card title="Seeds by status">
            <CountTable counts={summary.seeds} testId="seed-counts" />
          </Card>
        </div>
      )}
      {summary.kind === "admin" && (
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <Card title="Active users" actions={<Link href="/admin/users" className="text-sm text-sky-700 hover:underline dark:text-sky-400">Manage users</Link>}>
            <CountTable counts={summary.users} testId="user-counts" />
          </Card>
          <Card title="Sources">
            <table className="table-dense">
              <thead>
                <tr><th>Identifier</th><th>Title</th><th className="text-right">Seeds</th></tr>
              </thead>
              <tbody>
                {summary.sources.map((s) => (
                  <tr key={s.identifier}>
                    <td className="font-mono text-xs">
                      <Link href={`/seeds?source=${encodeURIComponent(s.identifier)}`} className="hover:underline">{s.identifier}</Link>
                    </td>
                    <td>{s.title}</td>
                    <td className="text-right tabular-nums">{s.seeds}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </div>
      )}
    </>
  );
}

function WorkList({ rows, empty }: { rows: WorkRow[]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-stone-500 dark:text-stone-400">{empty}</p>;
  return (
    <ul className="divide-y divide-stone-100 dark:divide-stone-800">
      {rows.map((r) => (
        <li key={r.id} className="flex items-center justify-between gap-2 py-1.5 text-sm">
          <Link href={r.href} className="truncate hover:underline">{r.title}</Link>
          <StatusBadge status={r.status} />
        </li>
      ))}
    </ul>
  );
}

function CountTable({ counts, testId }: { counts: Record<string, number>; testId: string }) {
  return (
    <table className="table-dense" data-testid={testId}>
      <tbody>
        {Object.entries(counts).map(([status, n]) => (
          <tr key={status}>
            <td><StatusBadge status={status} /></td>
            <td className="text-right tabular-nums">{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

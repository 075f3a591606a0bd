import Link from "next/link";
import { ClaimNextButton } from "@/components/review/claim-next-client";
import { Card, PageHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getHomeSummary, type MyNumbers, type MyQueue, type WorkRow } from "@/lib/dashboard/get-home-summary";
import { formatPercent } from "@/lib/dashboard/model/shape";

export default async function HomePage() {
  const user = await requirePageUser();
  const summary = await getHomeSummary(user);
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} subtitle={`Signed in as ${user.email}`}>
        {can(user, "item.create") && <ClaimNextButton />}
      </PageHeader>
      <QueueCards queue={summary.queue} />
      {summary.kind === "annotator" && <MyNumbersCard mine={summary.mine} />}
      {summary.kind !== "annotator" && (
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <Card title="Items by status" actions={can(user, "item.review") ? <Link href="/review" className="text-sm text-sky-700 hover:underline dark:text-sky-400">Review queue</Link> : undefined}>
            <CountTable counts={summary.items} testId="item-counts" href={(status) => (status === "SUBMITTED" ? "/review" : `/items?author=all&status=${status}`)} />
          </Card>
          <Card title="Seeds by status">
            <CountTable counts={summary.seeds} testId="seed-counts" href={(status) => `/seeds?status=${status}`} />
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

function QueueCards({ queue }: { queue: MyQueue }) {
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="my-queue">
      <Card title={`My seeds (${queue.seeds.length})`}>
        <WorkList rows={queue.seeds} empty="No seeds assigned to you. “Claim next” takes the oldest new one." testId="my-seeds" />
      </Card>
      <Card title="My items">
        <WorkList rows={queue.items} empty="You have not adapted any item yet." testId="my-items" />
      </Card>
    </div>
  );
}

function MyNumbersCard({ mine }: { mine: MyNumbers }) {
  const rows: [string, string][] = [
    ["Seeds claimed or assigned", mine.claimed.toLocaleString("en")],
    ["Submissions", mine.submitted.toLocaleString("en")],
    ["Items approved", mine.approved.toLocaleString("en")],
    ["Decisions on my items", mine.decisions.toLocaleString("en")],
    ["Changes requested", `${mine.changesRequested.toLocaleString("en")} (${formatPercent(mine.changesRequestedRate)})`],
    ["Median rounds before approval", mine.medianRounds === null ? "—" : mine.medianRounds.toFixed(1)],
  ];
  return (
    <div className="mt-4">
      <Card title={`My last ${mine.days} days`}>
        <table className="table-dense" data-testid="my-numbers">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}><td>{label}</td><td className="text-right tabular-nums">{value}</td></tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

function WorkList({ rows, empty, testId }: { rows: WorkRow[]; empty: string; testId: string }) {
  if (rows.length === 0) return <p className="text-sm text-stone-500 dark:text-stone-400" data-testid={testId}>{empty}</p>;
  return (
    <ul className="divide-y divide-stone-100 dark:divide-stone-800" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.id} className="flex items-center justify-between gap-2 py-1.5 text-sm">
          <Link href={r.href} className="truncate hover:underline">{r.title}</Link>
          <StatusBadge status={r.status} />
        </li>
      ))}
    </ul>
  );
}

function CountTable({ counts, testId, href }: { counts: Record<string, number>; testId: string; href?: (status: string) => string }) {
  return (
    <table className="table-dense" data-testid={testId}>
      <tbody>
        {Object.entries(counts).map(([status, n]) => (
          <tr key={status}>
            <td>{href ? <Link href={href(status)} className="hover:underline"><StatusBadge status={status} /></Link> : <StatusBadge status={status} />}</td>
            <td className="text-right tabular-nums">{href ? <Link href={href(status)} className="hover:underline">{n}</Link> : n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

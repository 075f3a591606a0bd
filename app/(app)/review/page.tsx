import type { Metadata } from "next";
import Link from "next/link";
import { CheckStateBadge } from "@/components/review/check-state-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { loadFiltered } from "@/lib/http/load-filtered";
import { enumLabel, formatAge, formatDateTime } from "@/lib/format/labels";
import { hrefWith } from "@/lib/http/query-string";
import { DIFFICULTIES, LEVELS } from "@/lib/items/schemas";
import { listReviewQueue } from "@/lib/review/list-queue";
import { CHECK_STATES, queueFiltersFrom } from "@/lib/review/schemas";
import { listPeople } from "@/lib/users/list-people";

export const metadata: Metadata = { title: "Review" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function ReviewQueuePage({ searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user, "item.review")) return <Forbidden what="the review queue" />;
  const params = await searchParams;
  const filters = queueFiltersFrom(params);
  const [{ page, error }, people] = await Promise.all([
    loadFiltered(() => listReviewQueue(user, { ...filters, cursor: params.cursor || undefined })),
    listPeople(user),
  ]);
  const now = new Date();
  return (
    <>
      <PageHeader title="Review" subtitle="Submitted items, oldest first. Open one to approve, request changes or reject.">
        {page && <p className="text-sm text-stone-500" data-testid="queue-total">{page.total.toLocaleString("en")} waiting{Object.values(filters).some(Boolean) ? " for these filters" : ""}</p>}
      </PageHeader>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <Field label="Source"><input name="source" defaultValue={filters.source} placeholder="e.g. arXiv id" className="input w-40" /></Field>
        <Field label="Author">
          <select name="author" defaultValue={filters.author ?? ""} className="input w-40">
            <option value="">Anyone</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <Field label="Topic"><input name="topic" defaultValue={filters.topic} className="input w-36" /></Field>
        <Field label="Level"><Select name="level" value={filters.level} options={LEVELS} /></Field>
        <Field label="Difficulty"><Select name="difficulty" value={filters.difficulty} options={DIFFICULTIES} /></Field>
        <Field label="Submitted after"><input type="date" name="submittedAfter" defaultValue={filters.submittedAfter} className="input w-36" /></Field>
        <Field label="before"><input type="date" name="submittedBefore" defaultValue={filters.submittedBefore} className="input w-36" /></Field>
        <Field label="Checks"><Select name="checks" value={filters.checks} options={CHECK_STATES} /></Field>
        <button type="submit" className="btn">Filter</button>
        {Object.values(filters).some(Boolean) && <Link href="/review" className="text-sm text-stone-500 hover:underline">Clear</Link>}
      </form>
      {error && <p role="alert" className="mb-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p>}
      {page && (
        <Card>
          {page.items.length === 0 ? (
            <p className="text-sm text-stone-500" data-testid="queue-empty">Nothing is waiting for review{Object.values(filters).some(Boolean) ? " with these filters" : ""}.</p>
          ) : (
            <table className="table-dense" data-testid="review-queue">
              <thead>
                <tr><th>Item</th><th>Author</th><th>Source</th><th>Topic</th><th>Waiting</th><th className="text-right">Version</th><th>Checks</th><th className="text-right">Rounds</th></tr>
              </thead>
              <tbody>
                {page.items.map((row) => (
                  <tr key={row.id} data-testid={`queue-row-${row.id}`}>
                    <td className="max-w-md">
                      <Link href={hrefWith(`/review/${row.id}`, filters)} className="font-medium hover:underline">{row.title}</Link>
                      {row.editedByViewer && <p className="text-xs text-amber-700 dark:text-amber-300" data-testid="edited-by-you">You edited this: another reviewer must decide.</p>}
                    </td>
                    <td>{row.author.name}</td>
                    <td className="font-mono text-xs">{row.source}</td>
                    <td className="text-xs">{row.topic ?? "—"}</td>
                    <td className="text-xs" title={formatDateTime(row.submittedAt)}>{formatAge(row.submittedAt, now)}</td>
                    <td className="text-right tabular-nums">{row.version}</td>
                    <td><CheckStateBadge state={row.checkState} /></td>
                    <td className="text-right tabular-nums">{row.rounds}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="mt-3 flex justify-between text-sm">
            {params.cursor ? <Link href={hrefWith("/review", filters)} className="text-sky-700 hover:underline dark:text-sky-400">← First page</Link> : <span />}
            {page.nextCursor && <Link href={hrefWith("/review", { ...filters, cursor: page.nextCursor })} className="text-sky-700 hover:underline dark:text-sky-400">Next page →</Link>}
          </div>
        </Card>
      )}
    </>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block text-xs text-stone-500">{label}</span>
      {children}
    </label>
  );
}

function Select({ name, value, options }: { name: string; value: string | undefined; options: readonly string[] }) {
  return (
    <select name={name} defaultValue={value ?? ""} className="input w-40">
      <option value="">Any</option>
      {options.map((o) => <option key={o} value={o}>{enumLabel(o)}</option>)}
    </select>
  );
}

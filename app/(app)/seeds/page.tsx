import type { Metadata } from "next";
import Link from "next/link";
import { LatexExcerpt } from "@/components/latex/latex-excerpt";
import { SeedTable } from "@/components/seeds/seed-table-client";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { loadFiltered } from "@/lib/http/load-filtered";
import { SeedStatus } from "@/lib/generated/prisma/enums";
import { listSeeds } from "@/lib/seeds/list-seeds";
import { definedOnly } from "@/lib/http/query-string";
import { listPeople } from "@/lib/users/list-people";

export const metadata: Metadata = { title: "Seeds" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function SeedsPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const params = await searchParams;
  const filters = {
    status: params.status || undefined, source: params.source || undefined, q: params.q || undefined, batch: params.batch || undefined,
    assignee: params.assignee || undefined,
  };
  const [{ page, error }, people] = await Promise.all([
    loadFiltered(() => listSeeds(user, { ...filters, cursor: params.cursor || undefined })),
    can(user, "seed.assign") ? listPeople(user) : null,
  ]);
  const nextHref = page?.nextCursor
    ? `/seeds?${new URLSearchParams({ ...definedOnly(filters), cursor: page.nextCursor }).toString()}`
    : null;

  return (
    <>
      <PageHeader title="Seeds" subtitle="Human-written problems waiting to be adapted into verifiable items.">
        {page && <p className="text-sm text-stone-500" data-testid="seed-total">{page.total.toLocaleString("en")}{page.totalCapped ? "+" : ""} seeds{Object.values(filters).some(Boolean) ? " match" : ""}</p>}
      </PageHeader>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        {filters.batch && <input type="hidden" name="batch" value={filters.batch} />}
        <label className="text-sm">
          <span className="mb-1 block text-xs text-stone-500">Search</span>
          <input name="q" defaultValue={filters.q} placeholder="Text in the problem" className="input w-64" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-xs text-stone-500">Source</span>
          <input name="source" defaultValue={filters.source} placeholder="e.g. arXiv id" className="input w-48" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-xs text-stone-500">Status</span>
          <select name="status" defaultValue={filters.status ?? ""} className="input w-40">
            <option value="">Any</option>
            {Object.values(SeedStatus).map((s) => (
              <option key={s} value={s}>{s.replace(/_/g, " ").toLowerCase()}</option>
            ))}
          </select>
        </label>
        {people && (
          <label className="text-sm">
            <span className="mb-1 block text-xs text-stone-500">Assignee</span>
            <select name="assignee" defaultValue={filters.assignee ?? ""} className="input w-44">
              <option value="">Anyone or nobody</option>
              <option value="none">Unassigned</option>
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        )}
        <button type="submit" className="btn">Filter</button>
        {Object.values(filters).some(Boolean) && <Link href="/seeds" className="text-sm text-stone-500 hover:underline">Clear</Link>}
      </form>
      {error && <p role="alert" className="mb-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p>}
      {page && (
        <Card>
          {page.seeds.length === 0 ? (
            <p className="text-sm text-stone-500">No seeds match these filters.</p>
          ) : (
            <SeedTable
              rows={page.seeds.map((s) => ({
                id: s.id, title: s.title ?? s.location ?? "Untitled seed", source: s.source, location: s.location, status: s.status,
                itemCount: s.itemCount, assignee: s.assignee?.name ?? null, excerpt: <LatexExcerpt source={s.excerpt} />,
              }))}
              total={page.total}
              totalCapped={page.totalCapped}
              filter={definedOnly(filters)}
              people={people}
            />
          )}
          <div className="mt-3 flex justify-between text-sm">
            {params.cursor ? <Link href={`/seeds?${new URLSearchParams(definedOnly(filters)).toString()}`} className="text-sky-700 hover:underline dark:text-sky-400">← First page</Link> : <span />}
            {nextHref && <Link href={nextHref} className="text-sky-700 hover:underline dark:text-sky-400">Next page →</Link>}
          </div>
        </Card>
      )}
    </>
  );
}

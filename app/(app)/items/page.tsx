import type { Metadata } from "next";
import Link from "next/link";
import { ItemTable } from "@/components/items/item-table-client";
import { LatexExcerpt } from "@/components/latex/latex-excerpt";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { loadFiltered } from "@/lib/http/load-filtered";
import { formatDateTime } from "@/lib/format/labels";
import { ItemStatus } from "@/lib/generated/prisma/enums";
import { hrefWith } from "@/lib/http/query-string";
import { listItems } from "@/lib/items/list-items";
import { listPeople } from "@/lib/users/list-people";

export const metadata: Metadata = { title: "Items" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function ItemsPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const params = await searchParams;
  const filters = { status: params.status || undefined, author: params.author || undefined, source: params.source || undefined };
  const reassigns = can(user, "seed.assign");
  const [{ page, error }, people] = await Promise.all([
    loadFiltered(() => listItems(user, { ...filters, cursor: params.cursor || undefined })),
    reassigns ? listPeople(user) : null,
  ]);
  const author = page?.author ?? filters.author ?? "me";

  return (
    <>
      <PageHeader title="Items" subtitle="Verifiable items being adapted from seeds. Start one from a seed with “Adapt”." />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <label className="text-sm">
          <span className="mb-1 block text-xs text-stone-500">Author</span>
          <select name="author" defaultValue={author === "me" || author === "all" ? author : ""} className="input w-40">
            <option value="me">Mine</option>
            <option value="all">Everyone</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-xs text-stone-500">Status</span>
          <select name="status" defaultValue={filters.status ?? ""} className="input w-48">
            <option value="">Any</option>
            {Object.values(ItemStatus).map((s) => <option key={s} value={s}>{s.replace(/_/g, " ").toLowerCase()}</option>)}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-xs text-stone-500">Source</span>
          <input name="source" defaultValue={filters.source} placeholder="e.g. arXiv id" className="input w-48" />
        </label>
        <button type="submit" className="btn">Filter</button>
      </form>
      {error && <p className="mb-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200" data-testid="filter-error">{error}</p>}
      {page && (
        <Card>
          {page.items.length === 0 ? (
            <p className="text-sm text-stone-500">No items match. <Link href="/seeds" className="text-sky-700 hover:underline dark:text-sky-400">Pick a seed to adapt →</Link></p>
          ) : (
            <ItemTable
              people={people}
              filter={Object.fromEntries(Object.entries({ ...filters, author: page.author }).filter((e): e is [string, string] => !!e[1]))}
              rows={page.items.map((i) => ({
                id: i.id, title: i.title, excerpt: <LatexExcerpt source={i.excerpt} />, source: i.source, location: i.seed.location,
                author: i.author.name, assignee: i.assignee?.name ?? null, status: i.status, version: i.version, edited: formatDateTime(i.updatedAt),
              }))}
            />
          )}
          <div className="mt-3 flex justify-between text-sm">
            {params.cursor ? <Link href={hrefWith("/items", filters)} className="text-sky-700 hover:underline dark:text-sky-400">← First page</Link> : <span />}
            {page.nextCursor && <Link href={hrefWith("/items", { ...filters, cursor: page.nextCursor })} className="text-sky-700 hover:underline dark:text-sky-400">Next page →</Link>}
          </div>
        </Card>
      )}
    </>
  );
}

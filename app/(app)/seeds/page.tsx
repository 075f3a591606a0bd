import type { Metadata } from "next";
import Link from "next/link";
import { ZodError } from "zod";
import { Card, PageHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageUser } from "@/lib/auth/session";
import { SeedStatus } from "@/lib/generated/prisma/enums";
import { listSeeds, type SeedPage } from "@/lib/seeds/list-seeds";
import { definedOnly } from "@/lib/http/query-string";

export const metadata: Metadata = { title: "Seeds" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function SeedsPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const params = await searchParams;
  const filters = { status: params.status || undefined, source: params.source || undefined, q: params.q || undefined, batch: params.batch || undefined };
  let page: SeedPage | null = null;
  let error: string | null = null;
  try {
    page = await listSeeds(user, { ...filters, cursor: params.cursor || undefined });
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    error = `Invalid filter: ${e.issues.map((i) => `${i.path.join(".")} — ${i.message}`).join("; ")}`;
  }
  const nextHref = page?.nextCursor
    ? `/seeds?${new URLSearchParams({ ...definedOnly(filters), cursor: page.nextCursor }).toString()}`
    : null;

  return (
    <>
      <PageHeader title="Seeds" subtitle="Human-written problems waiting to be adapted into verifiable items." />
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
        <button type="submit" className="btn">Filter</button>
        {(filters.q || filters.source || filters.status || filters.batch) && <Link href="/seeds" className="text-sm text-stone-500 hover:underline">Clear</Link>}
      </form>
      {error && <p role="alert" className="mb-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p>}
      {page && (
        <Card>
          {page.seeds.length === 0 ? (
            <p className="text-sm text-stone-500">No seeds match these filters.</p>
          ) : (
            <table className="table-dense" data-testid="seed-table">
              <thead>
                <tr><th>Seed</th><th>Source</th><th>Status</th><th className="text-right">Items</th></tr>
              </thead>
              <tbody>
                {page.seeds.map((s) => (
                  <tr key={s.id}>
                    <td className="max-w-xl">
                      <Link href={`/seeds/${s.id}`} className="font-medium hover:underline">{s.title ?? s.location ?? "Untitled seed"}</Link>
                      <p className="line-clamp-2 font-mono text-xs text-stone-500 dark:text-stone-400">{s.excerpt}</p>
                    </td>
                    <td className="font-mono text-xs">{s.source}{s.location ? ` · ${s.location}` : ""}</td>
                    <td><StatusBadge status={s.status} /></td>
                    <td className="text-right tabular-nums">{s.itemCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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

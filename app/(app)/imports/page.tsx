import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { hrefWith } from "@/lib/http/query-string";
import { listImports } from "@/lib/imports/list-imports";

export const metadata: Metadata = { title: "Imports" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function ImportsPage({ searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user, "source.import")) return <Forbidden what="imports" />;
  const params = await searchParams;
  const page = await listImports(user, { cursor: params.cursor || undefined });
  return (
    <>
      <PageHeader title="Imports" subtitle="Seed files, archives and arXiv papers brought in, with their reports.">
        <Link href="/imports/new" className="btn-primary" data-testid="new-import">New import</Link>
      </PageHeader>
      <Card>
        {page.imports.length === 0 ? (
          <p className="text-sm text-stone-500">Nothing imported yet.</p>
        ) : (
          <table className="table-dense" data-testid="import-table">
            <thead><tr><th>File</th><th>Format</th><th>Status</th><th className="text-right">Created</th><th className="text-right">Duplicates</th><th className="text-right">Errors</th><th>By</th><th>When</th></tr></thead>
            <tbody>
              {page.imports.map((b) => (
                <tr key={b.id}>
                  <td><Link href={`/imports/${b.id}`} className="font-mono text-xs hover:underline">{b.fileName}</Link></td>
                  <td className="text-xs">{b.format.toLowerCase()}</td>
                  <td><StatusBadge status={b.status} /></td>
                  <td className="text-right tabular-nums">{b.created}</td>
                  <td className="text-right tabular-nums">{b.duplicates}</td>
                  <td className="text-right tabular-nums">{b.errorCount}</td>
                  <td className="text-sm">{b.createdBy ?? "command line"}</td>
                  <td className="text-xs text-stone-500">{b.createdAt.slice(0, 16).replace("T", " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page.nextCursor && <div className="mt-3 text-right text-sm"><Link href={hrefWith("/imports", { cursor: page.nextCursor })} className="text-sky-700 hover:underline dark:text-sky-400">Next page →</Link></div>}
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listReleases } from "@/lib/export/list-releases";
import { formatDateTime } from "@/lib/format/labels";

export const metadata: Metadata = { title: "Releases" };

export default async function ReleasesPage() {
  const user = await requirePageUser();
  if (!can(user, "release.read")) return <Forbidden what="releases" />;
  const { releases } = await listReleases(user);
  return (
    <>
      <PageHeader title="Releases" subtitle="Immutable, byte-reproducible snapshots of approved items, in the formats training stacks read.">
        {can(user, "release.create") && <Link href="/releases/new" className="btn-primary" data-testid="new-release">New release</Link>}
      </PageHeader>
      <Card>
        {releases.length === 0 ? (
          <p className="text-sm text-stone-500">No release yet.</p>
        ) : (
          <table className="table-dense" data-testid="release-table">
            <thead><tr><th>Name</th><th className="text-right">Items</th><th className="text-right">Train</th><th className="text-right">Validation</th><th className="text-right">Test</th><th>Created</th><th>By</th><th>manifest.json sha256</th></tr></thead>
            <tbody>
              {releases.map((r) => (
                <tr key={r.name} data-testid={`release-row-${r.name}`}>
                  <td>
                    <Link href={`/releases/${r.name}`} className="font-mono text-sm hover:underline">{r.name}</Link>
                    {r.deprecated && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200" title={r.deprecated.reason}>deprecated</span>}
                    {r.description && <p className="max-w-md truncate text-xs text-stone-500">{r.description}</p>}
                  </td>
                  <td className="text-right tabular-nums">{r.itemCount.toLocaleString("en")}</td>
                  <td className="text-right tabular-nums">{r.counts.bySplit.train.toLocaleString("en")}</td>
                  <td className="text-right tabular-nums">{r.counts.bySplit.validation.toLocaleString("en")}</td>
                  <td className="text-right tabular-nums">{r.counts.bySplit.test.toLocaleString("en")}</td>
                  <td className="text-xs">{formatDateTime(r.createdAt)}</td>
                  <td className="text-sm">{r.createdBy}</td>
                  <td className="font-mono text-xs" title={r.manifestSha256}>{r.manifestSha256.slice(0, 16)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

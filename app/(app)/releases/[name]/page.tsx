import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CountTable } from "@/components/releases/count-table";
import { DeprecateRelease } from "@/components/releases/deprecate-release-client";
import { ReleaseChart } from "@/components/releases/release-chart-client";
import { Card, PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getRelease, listReleaseItems } from "@/lib/export/get-release";
import { formatDateTime } from "@/lib/format/labels";

export const metadata: Metadata = { title: "Release" };

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function ReleasePage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user, "release.read")) return <Forbidden what="releases" />;
  const { name } = await params;
  const from = Math.max(0, Number((await searchParams).from) || 0);
  const release = await getRelease(user, name).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const items = await listReleaseItems(user, name, from);
  const m = release.manifest;
  const api = `/api/releases/${release.name}`;
  const filters = Object.entries(m.filters).filter(([, v]) => v);
  return (
    <>
      <PageHeader
        title={<span className="font-mono">{release.name}</span>}
        subtitle={`${release.itemCount.toLocaleString("en")} items · created ${formatDateTime(release.createdAt)} by ${release.createdBy} · bundle schema ${m.schemaVersion}`}
      >
        <a href={`${api}/download`} className="btn-primary" data-testid="download-release" download>Download .tar.gz</a>
      </PageHeader>
      {release.deprecated && (
        <p role="status" className="mb-4 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="release-deprecated">
          Deprecated {formatDateTime(release.deprecated.at)}{release.deprecated.by ? ` by ${release.deprecated.by}` : ""}: {release.deprecated.reason}
        </p>
      )}
      {release.description && <p className="mb-4 text-sm">{release.description}</p>}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Counts per split and topic"><ReleaseChart data={release.splitTopics} /></Card>
        <Card title="Manifest" actions={can(user, "release.create") && !release.deprecated ? <DeprecateRelease name={release.name} /> : undefined}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm" data-testid="release-manifest">
            <dt className="text-stone-500">manifest.json</dt><dd className="font-mono text-xs break-all" data-testid="manifest-sha256">{release.manifestSha256}</dd>
            <dt className="text-stone-500">splits</dt><dd>{m.counts.bySplit.train} train · {m.counts.bySplit.validation} validation · {m.counts.bySplit.test} test</dd>
            <dt className="text-stone-500">filters</dt><dd>{filters.length ? filters.map(([k, v]) => `${k} = ${v}`).join(", ") : "every approved item"}</dd>
            <dt className="text-stone-500">split ratios</dt><dd>{m.splitRatios.train} / {m.splitRatios.validation} / {m.splitRatios.test} (items without a split)</dd>
          </dl>
          <table className="table-dense mt-3" data-testid="release-files">
            <thead><tr><th>File</th><th className="text-right">Rows</th><th className="text-right">Bytes</th><th>sha256</th></tr></thead>
            <tbody>
              {m.files.map((f) => (
                <tr key={f.path}>
                  <td><a href={`${api}/files/${f.path}`} className="font-mono text-xs hover:underline">{f.path}</a></td>
                  <td className="text-right tabular-nums">{f.rows ?? ""}</td>
                  <td className="text-right tabular-nums">{f.bytes.toLocaleString("en")}</td>
                  <td className="font-mono text-xs" title={f.sha256}>{f.sha256.slice(0, 12)}…</td>
                </tr>
              ))}
              <tr><td><a href={`${api}/files/manifest.json`} className="font-mono text-xs hover:underline">manifest.json</a></td><td /><td /><td className="font-mono text-xs">{release.manifestSha256.slice(0, 12)}…</td></tr>
            </tbody>
          </table>
        </Card>
        <Card title="By topic, source, difficulty, level">
          <div className="grid gap-3 sm:grid-cols-2">
            <CountTable title="topic" counts={m.counts.byTopic} />
            <CountTable title="source" counts={m.counts.bySource} />
            <CountTable title="difficulty" counts={m.counts.byDifficulty} />
            <CountTable title="level" counts={m.counts.byLevel} />
          </div>
        </Card>
        <Card title="Frozen items">
          <table className="table-dense" data-testid="release-items">
            <thead><tr><th className="text-right">#</th><th>Split</th><th>Item</th><th>Topic</th><th className="text-right">Version</th></tr></thead>
            <tbody>
              {items.items.map((i) => (
                <tr key={i.itemId}>
                  <td className="text-right tabular-nums">{i.position + 1}</td>
                  <td className="text-xs">{i.split}</td>
                  <td><Link href={`/releases/${release.name}/items/${i.itemId}`} className="hover:underline">{i.title}</Link></td>
                  <td className="text-xs">{i.topic ?? "—"}</td>
                  <td className="text-right tabular-nums">{i.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-2 flex justify-between text-sm">
            {from > 0 ? <Link href={`/releases/${release.name}?from=${Math.max(0, from - 50)}`} className="text-sky-700 hover:underline">← Previous</Link> : <span />}
            {items.next !== null && <Link href={`/releases/${release.name}?from=${items.next}`} className="text-sky-700 hover:underline">Next →</Link>}
          </div>
        </Card>
      </div>
    </>
  );
}

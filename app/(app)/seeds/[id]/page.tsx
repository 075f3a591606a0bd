import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LatexView } from "@/components/latex/latex-view";
import { Card, PageHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getSeed } from "@/lib/seeds/get-seed";
import { listItems } from "@/lib/items/list-items";
import { can } from "@/lib/auth/permissions";
import { AdaptButton } from "@/components/items/adapt-button-client";

export const metadata: Metadata = { title: "Seed" };

type Props = { params: Promise<{ id: string }> };

export default async function SeedPage({ params }: Props) {
  const user = await requirePageUser();
  const { id } = await params;
  const seed = await getSeed(user, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const items = await listItems(user, { seed: seed.id, author: "all", limit: 100 });
  return (
    <>
      <PageHeader
        title={seed.title ?? seed.location ?? "Seed"}
        subtitle={
          <span>
            <Link href={`/seeds?source=${encodeURIComponent(seed.source.identifier)}`} className="font-mono hover:underline">{seed.source.identifier}</Link>
            {seed.location && ` · ${seed.location}`}
            {seed.source.license && ` · ${seed.source.license}`}
          </span>
        }
      >
        <span className="flex items-center gap-3">
          <StatusBadge status={seed.status} />
          {can(user, "item.create") && seed.status !== "ARCHIVED" && <AdaptButton seedId={seed.id} />}
        </span>
      </PageHeader>
      {items.items.length > 0 && (
        <Card title="Items from this seed">
          <ul className="space-y-1 text-sm" data-testid="seed-items">
            {items.items.map((i) => (
              <li key={i.id} className="flex items-center gap-2">
                <StatusBadge status={i.status} />
                <Link href={`/items/${i.id}`} className="hover:underline">{i.excerpt || "(empty statement)"}</Link>
                <span className="text-xs text-stone-500">by {i.author.name} · v{i.version}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title="Problem">
          <LatexView source={seed.problem} macros={seed.macros} testId="seed-problem" />
          <SourceToggle source={seed.problem} />
        </Card>
        <Card title="Solution">
          {seed.solution ? (
            <>
              <LatexView source={seed.solution} macros={seed.macros} testId="seed-solution" />
              <SourceToggle source={seed.solution} />
            </>
          ) : (
            <p className="text-sm text-stone-500">This seed has no solution.</p>
          )}
        </Card>
      </div>
    </>
  );
}

function SourceToggle({ source }: { source: string }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-stone-500 hover:text-stone-800 dark:hover:text-stone-200">LaTeX source</summary>
      <pre className="mt-2 overflow-x-auto rounded bg-stone-100 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-stone-950">{source}</pre>
    </details>
  );
}

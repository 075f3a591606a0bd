import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { StatusBadge } from "@/components/ui/status-badge";
import { ImportErrors } from "@/components/imports/import-errors";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getImport } from "@/lib/imports/list-imports";

export const metadata: Metadata = { title: "Import" };

type Props = { params: Promise<{ id: string }> };

export default async function ImportPage({ params }: Props) {
  const user = await requirePageUser();
  if (!can(user, "source.import")) return <Forbidden what="imports" />;
  const batch = await getImport(user, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <>
      <PageHeader title={batch.fileName} subtitle={`${batch.format.toLowerCase()} import by ${batch.createdBy ?? "the command line"}, ${batch.createdAt.slice(0, 16).replace("T", " ")}`}>
        <StatusBadge status={batch.status} />
      </PageHeader>
      <Card>
        <p className="text-sm" data-testid="batch-counts">
          <strong data-testid="batch-created">{batch.created}</strong> seeds created · <strong data-testid="batch-duplicates">{batch.duplicates}</strong> duplicates · {batch.skipped} skipped · <strong>{batch.errorCount}</strong> errors
          {batch.sources.length > 0 && (
            <> · {batch.sources.length === 1 ? "source" : "sources"} <span className="font-mono" data-testid="batch-sources">{batch.sources.join(", ")}</span></>
          )}
        </p>
        {batch.created > 0 && (
          <p className="mt-2 text-sm"><Link href={`/seeds?batch=${batch.id}`} className="text-sky-700 hover:underline dark:text-sky-400" data-testid="batch-seeds">Seeds from this import →</Link></p>
        )}
        <div className="mt-3"><ImportErrors errors={batch.errors} /></div>
      </Card>
    </>
  );
}

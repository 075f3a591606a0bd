import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PythonCode } from "@/components/code/python-code";
import { LatexView } from "@/components/latex/latex-view";
import { MathView } from "@/components/latex/math-view-client";
import { TestCasesView } from "@/components/review/test-cases-view";
import { Card, CardSection, PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getReleaseItem } from "@/lib/export/get-release-item";
import { enumLabel, formatDateTime } from "@/lib/format/labels";
import { renderSkeleton } from "@/lib/items/answer-spec";

export const metadata: Metadata = { title: "Frozen item" };

type Props = { params: Promise<{ name: string; itemId: string }> };

export default async function FrozenItemPage({ params }: Props) {
  const user = await requirePageUser();
  if (!can(user, "release.read")) return <Forbidden what="releases" />;
  const { name, itemId } = await params;
  const frozen = await getReleaseItem(user, name, itemId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { fields: item, provenance: p } = frozen;
  return (
    <>
      <PageHeader
        title={p.seed.title ?? `Item ${frozen.itemId.slice(0, 8)}`}
        subtitle={
          <span data-testid="frozen-version">
            Version {frozen.version} as frozen in <Link href={`/releases/${frozen.release}`} className="font-mono hover:underline">{frozen.release}</Link> ({frozen.split}, row {frozen.position + 1}) · read only
            {frozen.currentVersion !== frozen.version && ` · the item is at version ${frozen.currentVersion} now`}
            {" · "}<Link href={`/items/${frozen.itemId}`} className="hover:underline">the item today</Link>
          </span>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Item">
          <CardSection title="Statement"><LatexView source={item.statement} testId="frozen-statement" /></CardSection>
          <CardSection title="Description"><p className="text-sm">{item.description || "—"}</p></CardSection>
          <CardSection title="Answer requirements"><PythonCode code={renderSkeleton(item.answerSpec)} /></CardSection>
          <CardSection title="Solution"><LatexView source={item.solution} /></CardSection>
          <CardSection title="Final answer"><MathView math={item.finalAnswer} /></CardSection>
          <CardSection title="Reference code"><PythonCode code={item.referenceCode} /></CardSection>
          <CardSection title="Test cases"><TestCasesView spec={item.answerSpec} cases={item.testCases} /></CardSection>
        </Card>
        <Card title="Provenance (frozen with the release)">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-stone-500">source</dt><dd className="font-mono text-xs">{p.source.identifier}{p.source.title ? ` — ${p.source.title}` : ""}</dd>
            <dt className="text-stone-500">license</dt><dd>{item.license || p.source.license || "not stated"}</dd>
            <dt className="text-stone-500">location</dt><dd>{item.sourceLocation || p.seed.location || "—"}</dd>
            <dt className="text-stone-500">metadata</dt><dd>{[item.topic, item.level && enumLabel(item.level), item.difficulty && enumLabel(item.difficulty)].filter(Boolean).join(" · ") || "—"}</dd>
            <dt className="text-stone-500">author</dt><dd>{p.author.name}</dd>
            <dt className="text-stone-500">approved</dt><dd>{p.approval.at ? `${formatDateTime(p.approval.at)} by ${p.approval.by ?? "?"}` : "—"}</dd>
            <dt className="text-stone-500">checks</dt>
            <dd>{p.checks ? `${p.checks.passed ? "passed" : "failed"} (${p.checks.total} checks, ${p.checks.failedWarnings} warning(s)) ${formatDateTime(p.checks.ranAt)}` : "no stored run"}</dd>
            <dt className="text-stone-500">reviews</dt>
            <dd>{p.reviews.length ? p.reviews.map((r) => `${r.reviewer}: ${r.decision.toLowerCase().replace("_", " ")} v${r.version}`).join(" · ") : "—"}</dd>
          </dl>
          <CardSection title="Seed problem"><LatexView source={p.seed.problem} /></CardSection>
        </Card>
      </div>
    </>
  );
}

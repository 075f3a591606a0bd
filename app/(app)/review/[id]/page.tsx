import { isolationLabel } from "@/lib/checks/isolation-label";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PythonCode } from "@/components/code/python-code";
import { CheckResultLine } from "@/components/editor/checks-panel-client";
import { LatexView } from "@/components/latex/latex-view";
import { MathView } from "@/components/latex/math-view-client";
import { CommentThread } from "@/components/review/comment-thread-client";
import { RerunChecksButton } from "@/components/review/rerun-checks-client";
import { ReviewActions } from "@/components/review/review-actions-client";
import { ReviewDiff } from "@/components/review/review-diff";
import { TestCasesView } from "@/components/review/test-cases-view";
import { Timeline } from "@/components/review/timeline";
import { Card, CardSection, PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { StatusBadge } from "@/components/ui/status-badge";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { enumLabel } from "@/lib/format/labels";
import { hrefWith } from "@/lib/http/query-string";
import { renderSkeleton } from "@/lib/items/answer-spec";
import { itemTitle } from "@/lib/items/item-title";
import { getReview } from "@/lib/review/get-review";
import { getQueueNeighbours } from "@/lib/review/list-queue";
import { queueFiltersFrom } from "@/lib/review/schemas";

export const metadata: Metadata = { title: "Review item" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function ReviewItemPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user, "item.review")) return <Forbidden what="reviews" />;
  const { id } = await params;
  const filters = queueFiltersFrom(await searchParams);
  const review = await getReview(user, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const neighbours = await getQueueNeighbours(user, id, filters).catch(() => ({ previous: null, next: null }));
  const { item, seed, checks } = review;
  const failing = checks?.results.filter((r) => !r.passed) ?? [];
  return (
    <>
      <PageHeader
        title={itemTitle(seed.title, item.statement)}
        subtitle={
          <span>
            By {item.author.name} · version {item.version} · <StatusBadge status={item.status} testId="review-status" />
            {item.reviewRounds > 0 && ` · ${item.reviewRounds} round${item.reviewRounds > 1 ? "s" : ""} of changes`}
            {item.lastEditor && item.lastEditor.id !== item.author.id && ` · last saved by ${item.lastEditor.name}`}
            {" · "}<Link href={`/items/${item.id}`} className="hover:underline">open in the editor</Link>
          </span>
        }
      />
      <div className="mb-4">
        <ReviewActions
          itemId={item.id}
          version={item.version}
          status={item.status}
          decisionBlocked={review.decisionBlocked}
          previousHref={neighbours.previous ? hrefWith(`/review/${neighbours.previous}`, filters) : null}
          nextHref={neighbours.next ? hrefWith(`/review/${neighbours.next}`, filters) : null}
          queueHref={hrefWith("/review", filters)}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`Seed · ${seed.source.identifier}${seed.location ? ` · ${seed.location}` : ""}`}>
          <LatexView source={seed.problem} macros={seed.macros} testId="seed-problem" />
          {seed.solution && (
            <>
              <h3 className="mt-4 mb-1 text-xs font-semibold text-stone-500 uppercase">Solution</h3>
              <LatexView source={seed.solution} macros={seed.macros} />
            </>
          )}
        </Card>
        <Card title="Item">
          <CardSection title="Statement"><LatexView source={item.statement} macros={seed.macros} testId="item-statement" /></CardSection>
          <CardSection title="Description"><p className="text-sm">{item.description || "—"}</p></CardSection>
          <CardSection title="Answer requirements"><PythonCode code={renderSkeleton(item.answerSpec)} testId="item-skeleton" /></CardSection>
          <CardSection title="Solution"><LatexView source={item.solution} macros={seed.macros} /></CardSection>
          <CardSection title="Final answer"><MathView math={item.finalAnswer} macros={seed.macros} testId="item-final-answer" /></CardSection>
          <CardSection title="Reference code"><PythonCode code={item.referenceCode} testId="item-code" /></CardSection>
          <CardSection title="Test cases"><TestCasesView spec={item.answerSpec} cases={item.testCases} /></CardSection>
          <p className="text-xs text-stone-500">
            {[item.topic, item.level && enumLabel(item.level), item.difficulty && enumLabel(item.difficulty), item.split && `split ${enumLabel(item.split)}`, item.license].filter(Boolean).join(" · ") || "No metadata."}
          </p>
        </Card>
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title="Changes since last review"><ReviewDiff base={review.base} current={item} /></Card>
        <Card title={`Checks on version ${item.version}`} actions={<RerunChecksButton itemId={item.id} />}>
          {!checks ? (
            <p className="text-sm text-stone-500" data-testid="review-checks">No checks ran on this version yet.</p>
          ) : (
            <div data-testid="review-checks">
              <p className="mb-1 text-xs text-stone-500">
                {failing.length === 0 ? "Every check passes." : `${failing.filter((r) => r.blocking).length} blocking failure(s), ${failing.filter((r) => !r.blocking).length} warning(s).`}
                {checks.isolation ? ` Sandbox: ${isolationLabel(checks.isolation)}.` : ""}
              </p>
              <ul className="space-y-1">{checks.results.map((r, i) => <CheckResultLine key={`${r.id}-${i}`} result={r} />)}</ul>
            </div>
          )}
        </Card>
        <Card title="Comments"><CommentThread itemId={item.id} comments={review.comments} /></Card>
        <Card title="Timeline"><Timeline entries={review.timeline} /></Card>
      </div>
    </>
  );
}

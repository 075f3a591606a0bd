"use client";
// The dashboard's six panels, drawn from GET /api/dashboard's object (the page passes the same data): rows
// shaped by lib/dashboard/model, one ChartPanel per chart.
import type { DashboardData } from "@/lib/dashboard/model/types";
import { funnelStages, roundsHistogram, shortReason, throughputSeries, turnaroundSeries, OTHERS_KEY, formatHours } from "@/lib/dashboard/model/shape";
import {
  annotatorsTable, checkFailuresTable, coverageTable, funnelTable, queueAgeTable, rejectionsTable, reviewersTable, roundsTable, throughputTable, turnaroundTable,
} from "@/lib/dashboard/model/tables";
import { CartesianChart } from "./cartesian-chart-client";
import { ChartPanel } from "./chart-panel-client";
import { COLORS, OTHERS_COLOR, SERIES_COLORS } from "./chart-theme";

const MAX_BARS = 12;

export function DashboardPanels({ data }: { data: DashboardData }) {
  const span = `${data.range.from} – ${data.range.to}`;
  const csv = (name: string) => `fieldwork-${name}-${data.range.from}-${data.range.to}`;
  return (
    <div className="space-y-6">
      <FunnelPanel data={data} csv={csv} span={span} />
      <ThroughputPanel data={data} csv={csv} />
      <QualityPanel data={data} csv={csv} />
      <TurnaroundPanel data={data} csv={csv} />
      <PeoplePanel data={data} csv={csv} />
      <CoveragePanel data={data} csv={csv} />
    </div>
  );
}

type PanelProps = { data: DashboardData; csv: (name: string) => string };

function Section({ id, title, note, children, columns = 1 }: { id: string; title: string; note: string; children: React.ReactNode; columns?: 1 | 2 }) {
  return (
    <section data-testid={`panel-${id}`} aria-labelledby={`panel-${id}-title`}>
      <h2 id={`panel-${id}-title`} className="text-base font-semibold">{title}</h2>
      <p className="mb-2 text-xs text-stone-500 dark:text-stone-400">{note}</p>
      <div className={columns === 2 ? "grid gap-4 lg:grid-cols-2" : "grid gap-4"}>{children}</div>
    </section>
  );
}

function FunnelPanel({ data, csv, span }: PanelProps & { span: string }) {
  const stages = funnelStages(data.funnel);
  const empty = stages.every((s) => s.reached === 0);
  const colors = stages.map((s) => (s.key === "items-rejected" ? COLORS.rejected : s.key === "items-changes-requested" ? COLORS.changes : s.aside ? COLORS.archived : s.key.startsWith("seeds") ? COLORS.adapted : COLORS.approved));
  return (
    <Section id="funnel" title="Funnel" note={`Seeds imported and items started ${span}, by where they are now; “reached” counts those at the stage or past it.`}>
      <ChartPanel
        id="funnel" title="Seeds to approved items" csvName={csv("funnel")} table={funnelTable(stages)}
        description="Conversion: the share of the previous stage that reached this one (items against seeds would double-count seeds with several items)."
        empty={empty ? "No seeds imported or items started in this range — widen the dates or clear the filters." : null}
      >
        <CartesianChart
          data={stages} category="label" horizontal categoryLabel="Stage" valueLabel="Seeds or items reached"
          bars={[{ key: "reached", name: "Reached", color: COLORS.adapted, cellColors: colors }]} categoryWidth={190}
        />
      </ChartPanel>
    </Section>
  );
}

function ThroughputPanel({ data, csv }: PanelProps) {
  const { rows, series } = throughputSeries(data.approvedPerDay, data.submittedPerDay, data.range);
  const empty = rows.every((r) => r.approved === 0 && r.submitted === 0);
  return (
    <Section id="throughput" title="Throughput" note="Items approved per day, stacked by annotator (an item approved again after an edit counts on its latest approval); submissions per day, resubmissions included. Days in UTC.">
      <ChartPanel
        id="throughput" title="Approved and submitted per day" csvName={csv("throughput")} table={throughputTable(rows, series)}
        empty={empty ? "No submissions or approvals in this range — widen the dates." : null}
      >
        <CartesianChart
          data={rows} category="day" categoryFormat="day" categoryLabel="Day" valueLabel="Items"
          bars={series.map((s, i) => ({ key: s.key, name: `Approved: ${s.name}`, color: s.key === OTHERS_KEY ? OTHERS_COLOR : SERIES_COLORS[i % SERIES_COLORS.length], stackId: "approved" }))}
          lines={[{ key: "submitted", name: "Submitted", color: COLORS.submittedLine, dashed: true }]}
        />
      </ChartPanel>
    </Section>
  );
}

function QualityPanel({ data, csv }: PanelProps) {
  const { checkRuns, rounds, rejections } = data.quality;
  const histogram = roundsHistogram(rounds);
  const failures = data.checkFailures.slice(0, MAX_BARS);
  const runs = checkRuns.atSubmit + checkRuns.atApproval;
  const reasons = rejections.reasons.slice(0, 8).map((r) => ({ ...r, short: shortReason(r.reason) }));
  return (
    <Section id="quality" title="Quality" note="Which checks fail at submit attempts and at approval’s re-runs (a run counts once per failing check), how many rounds of changes approved items needed, and why items were rejected." columns={2}>
      <ChartPanel
        id="check-failures" title="Check failures by check" csvName={csv("check-failures")} table={checkFailuresTable(data.checkFailures, checkRuns)}
        description={`${checkRuns.atSubmit.toLocaleString("en")} submit attempts, ${checkRuns.atApproval.toLocaleString("en")} approval re-runs in the range.`}
        empty={runs === 0 ? "No submit attempts or approval re-runs in this range — widen the dates." : failures.length === 0 ? `No check failed in ${runs.toLocaleString("en")} submit attempts and approval re-runs.` : null}
      >
        <CartesianChart
          data={failures} category="label" horizontal categoryLabel="Check" valueLabel="Runs with the check failing"
          bars={[{ key: "atSubmit", name: "At submit", color: COLORS.changes, stackId: "runs" }, { key: "atApproval", name: "At approval", color: COLORS.rejected, stackId: "runs" }]}
          height={Math.max(200, 34 * failures.length + 80)} categoryWidth={200}
        />
      </ChartPanel>
      <ChartPanel
        id="rounds" title="Rounds of changes before approval" csvName={csv("rounds")} table={roundsTable(histogram)}
        empty={histogram.every((h) => h.count === 0) ? "No approvals in this range — widen the dates." : null}
      >
        <CartesianChart data={histogram} category="label" categoryLabel="Rounds of “request changes”" valueLabel="Items approved" bars={[{ key: "count", name: "Items approved", color: COLORS.approved }]} />
      </ChartPanel>
      <ChartPanel
        id="rejections" title="Rejection reasons" csvName={csv("rejections")} table={rejectionsTable(rejections)}
        description={`${rejections.total.toLocaleString("en")} rejections; identical reasons grouped (case and spacing ignored).`}
        empty={rejections.total === 0 ? "No rejections in this range." : null}
      >
        <CartesianChart data={reasons} category="short" horizontal categoryLabel="Reason" valueLabel="Rejections" bars={[{ key: "count", name: "Rejections", color: COLORS.rejected }]} height={Math.max(200, 34 * reasons.length + 80)} categoryWidth={230} />
      </ChartPanel>
    </Section>
  );
}

function TurnaroundPanel({ data, csv }: PanelProps) {
  const weeks = turnaroundSeries(data.turnaround.weeks, data.range);
  const { overall, queueAge, queued } = data.turnaround;
  return (
    <Section id="turnaround" title="Review turnaround" note="Time from a submission to the decision on it, by the week of the decision (weeks start on Monday, UTC); and how long the items waiting now have waited (all dates)." columns={2}>
      <ChartPanel
        id="turnaround" title="Submission to decision, median and p90" csvName={csv("turnaround")} table={turnaroundTable(weeks)}
        description={overall.decisions ? `${overall.decisions.toLocaleString("en")} decisions: median ${formatHours(overall.p50Hours)}, p90 ${formatHours(overall.p90Hours)}.` : undefined}
        empty={overall.decisions === 0 ? "No review decisions in this range — widen the dates, or work the review queue." : null}
      >
        <CartesianChart
          data={weeks} category="week" categoryFormat="week" categoryLabel="Week" valueLabel="Hours" unit="hours"
          lines={[{ key: "p50Hours", name: "Median", color: COLORS.p50 }, { key: "p90Hours", name: "p90", color: COLORS.p90, dashed: true }]}
        />
      </ChartPanel>
      <ChartPanel
        id="queue-age" title="Waiting for review now" csvName={csv("queue-age")} table={queueAgeTable(queueAge)}
        description={`${queued.toLocaleString("en")} submitted items.`}
        empty={queued === 0 ? "Nothing is waiting for review." : null}
      >
        <CartesianChart data={queueAge} category="label" categoryLabel="Waiting since submission" valueLabel="Items" bars={[{ key: "count", name: "Items", color: COLORS.submitted }]} />
      </ChartPanel>
    </Section>
  );
}

function PeoplePanel({ data, csv }: PanelProps) {
  const annotators = data.people.slice(0, MAX_BARS);
  const reviewers = data.reviewers.slice(0, MAX_BARS);
  return (
    <Section id="people" title="People" note="Per annotator (the items’ authors; claims are seeds assigned to them) and per reviewer, in the range. The tables hold every column." columns={2}>
      <ChartPanel
        id="annotators" title="Annotators" csvName={csv("annotators")} table={annotatorsTable(data.people)}
        empty={data.people.length === 0 ? "No annotator activity in this range — widen the dates, or assign seeds on the Seeds page." : null}
      >
        <CartesianChart
          data={annotators} category="name" horizontal categoryLabel="Annotator" valueLabel="Items"
          bars={[{ key: "submitted", name: "Submitted", color: COLORS.submitted }, { key: "approved", name: "Approved", color: COLORS.approved }, { key: "changesRequested", name: "Changes requested", color: COLORS.changes }]}
          height={Math.max(200, 48 * annotators.length + 80)} categoryWidth={140}
        />
      </ChartPanel>
      <ChartPanel
        id="reviewers" title="Reviewers" csvName={csv("reviewers")} table={reviewersTable(data.reviewers)}
        empty={data.reviewers.length === 0 ? "No review decisions in this range — widen the dates." : null}
      >
        <CartesianChart
          data={reviewers} category="name" horizontal categoryLabel="Reviewer" valueLabel="Decisions"
          bars={[{ key: "approved", name: "Approved", color: COLORS.approved, stackId: "d" }, { key: "changesRequested", name: "Changes requested", color: COLORS.changes, stackId: "d" }, { key: "rejected", name: "Rejected", color: COLORS.rejected, stackId: "d" }]}
          height={Math.max(200, 34 * reviewers.length + 80)} categoryWidth={140}
        />
      </ChartPanel>
    </Section>
  );
}

function CoveragePanel({ data, csv }: PanelProps) {
  const sources = data.coverage.slice(0, MAX_BARS);
  return (
    <Section id="coverage" title="Coverage" note="Per source, the seeds imported in the range, how many were adapted (have items) and how many have an approved item.">
      <ChartPanel
        id="coverage" title="Seeds per source: imported, adapted, approved" csvName={csv("coverage")} table={coverageTable(data.coverage)}
        description={data.coverage.length > MAX_BARS ? `The ${MAX_BARS} sources with most seeds; the table lists all ${data.coverage.length}.` : undefined}
        empty={data.coverage.length === 0 ? "No seeds imported in this range — widen the dates, or import a source on the Imports page." : null}
      >
        <CartesianChart
          data={sources} category="source" horizontal categoryLabel="Source" valueLabel="Seeds"
          bars={[{ key: "imported", name: "Imported", color: COLORS.imported }, { key: "adapted", name: "Adapted", color: COLORS.adapted }, { key: "approved", name: "Approved", color: COLORS.approved }]}
          height={Math.max(200, 52 * sources.length + 80)} categoryWidth={170}
        />
      </ChartPanel>
    </Section>
  );
}

// Rows for the charts, from the API's panel data: funnel stages with conversion rates, one row per day for
// the throughput chart (approvals pivoted by annotator, zero-filled), histograms with every bucket, one
// row per week for the turnaround lines. Pure; shared with the browser.
import { daysOf, weeksOf, type DateRange } from "./filters";
import type { ApprovedPerDay, Funnel, RoundsCount, SubmittedPerDay, TurnaroundWeek } from "./types";

const ratio = (n: number, of: number): number | null => (of > 0 ? n / of : null);

export type FunnelStage = {
  key: string;
  label: string;
  /** how many are at this stage now */
  now: number;
  /** how many reached this stage or went past it */
  reached: number;
  /** reached ÷ the previous stage's reached (null across seeds → items: a seed may have several items) */
  conversion: number | null;
  /** REJECTED, CHANGES_REQUESTED and ARCHIVED sit beside the main line */
  aside: boolean;
};

export function funnelStages(funnel: Funnel): FunnelStage[] {
  const { seeds, items } = funnel;
  const allSeeds = Object.values(seeds).reduce((a, b) => a + b, 0);
  const claimed = seeds.ASSIGNED + seeds.IN_PROGRESS + seeds.ADAPTED;
  const allItems = Object.values(items).reduce((a, b) => a + b, 0);
  const submitted = items.SUBMITTED + items.CHANGES_REQUESTED + items.APPROVED + items.REJECTED;
  return [
    { key: "seeds-new", label: "Seeds: new", now: seeds.NEW, reached: allSeeds, conversion: null, aside: false },
    { key: "seeds-claimed", label: "Seeds: claimed / assigned", now: seeds.ASSIGNED + seeds.IN_PROGRESS, reached: claimed, conversion: ratio(claimed, allSeeds), aside: false },
    { key: "items-draft", label: "Items: draft", now: items.DRAFT, reached: allItems, conversion: null, aside: false },
    { key: "items-submitted", label: "Items: submitted", now: items.SUBMITTED, reached: submitted, conversion: ratio(submitted, allItems), aside: false },
    { key: "items-approved", label: "Items: approved", now: items.APPROVED, reached: items.APPROVED, conversion: ratio(items.APPROVED, submitted), aside: false },
    { key: "items-changes-requested", label: "Items: changes requested", now: items.CHANGES_REQUESTED, reached: items.CHANGES_REQUESTED, conversion: ratio(items.CHANGES_REQUESTED, submitted), aside: true },
    { key: "items-rejected", label: "Items: rejected", now: items.REJECTED, reached: items.REJECTED, conversion: ratio(items.REJECTED, submitted), aside: true },
    { key: "seeds-archived", label: "Seeds: archived", now: seeds.ARCHIVED, reached: seeds.ARCHIVED, conversion: ratio(seeds.ARCHIVED, allSeeds), aside: true },
  ];
}

export type Series = { key: string; name: string };
export type ThroughputRow = { day: string; submitted: number; approved: number } & Record<string, number | string>;
export const OTHERS_KEY = "others";

/**
 * One row per day of the range: submissions, approvals, and approvals per annotator under keys a0, a1, … (the
 * `maxSeries` annotators with most approvals, in that order) and `others` for the rest.
 */
export function throughputSeries(approved: ApprovedPerDay[], submitted: SubmittedPerDay[], range: Pick<DateRange, "from" | "to">, maxSeries = 8): { rows: ThroughputRow[]; series: Series[] } {
  const totals = new Map<string, { name: string; n: number }>();
  for (const a of approved) {
    const t = totals.get(a.annotatorId) ?? { name: a.annotator, n: 0 };
    t.n += a.count;
    totals.set(a.annotatorId, t);
  }
  const ranked = [...totals].sort((x, y) => y[1].n - x[1].n || x[1].name.localeCompare(y[1].name));
  const shown = ranked.slice(0, ranked.length > maxSeries ? maxSeries - 1 : maxSeries);
  const keyOf = new Map(shown.map(([id], i) => [id, `a${i}`]));
  const series: Series[] = shown.map(([id, t]) => ({ key: keyOf.get(id)!, name: t.name }));
  if (ranked.length > shown.length) series.push({ key: OTHERS_KEY, name: `${ranked.length - shown.length} others` });
  const byDay = new Map<string, ThroughputRow>(daysOf(range).map((day) => [day, { day, submitted: 0, approved: 0, ...Object.fromEntries(series.map((s) => [s.key, 0])) }]));
  for (const a of approved) {
    const row = byDay.get(a.day);
    if (!row) continue;
    const key = keyOf.get(a.annotatorId) ?? OTHERS_KEY;
    row[key] = (row[key] as number) + a.count;
    row.approved += a.count;
  }
  for (const s of submitted) {
    const row = byDay.get(s.day);
    if (row) row.submitted += s.count;
  }
  return { rows: [...byDay.values()], series };
}

/** Items by rounds of requested changes: 0, 1, 2, … up to `last`, which also counts every higher number ("3+"). */
export function roundsHistogram(rounds: RoundsCount[], last = 3): { label: string; rounds: number; count: number }[] {
  const out = Array.from({ length: last + 1 }, (_, r) => ({ label: r === last ? `${r}+` : String(r), rounds: r, count: 0 }));
  for (const r of rounds) out[Math.min(Math.max(r.rounds, 0), last)].count += r.count;
  return out;
}

export type TurnaroundRow = { week: string; decisions: number; p50Hours: number | null; p90Hours: number | null };

/** One row per week overlapping the range (a week is its Monday); weeks without decisions have no values. */
export function turnaroundSeries(weeks: TurnaroundWeek[], range: Pick<DateRange, "from" | "to">): TurnaroundRow[] {
  const known = new Map(weeks.map((w) => [w.week, w]));
  return weeksOf(range).map((week) => known.get(week) ?? { week, decisions: 0, p50Hours: null, p90Hours: null });
}

/** The reasons for the chart: the `max` most frequent, shortened for an axis (the table keeps them whole). */
export function shortReason(reason: string, max = 42): string {
  const text = reason.trim() || "(no reason given)";
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** "2 h", "36 h", "4.5 days" — hours as people read them. */
export function formatHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return "—";
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

export function formatPercent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "—" : `${(value * 100).toFixed(value < 0.1 && value > 0 ? 1 : 0)} %`;
}

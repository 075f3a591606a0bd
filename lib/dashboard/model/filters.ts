// The dashboard's page-wide filters (query string of /dashboard and GET /api/dashboard): a date range —
// the last 7, 30 or 90 days, or custom `from`/`to` days, inclusive, in UTC — a source and an annotator.
// Pure; shared with the browser.
import { z } from "zod";

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_DAYS: RangePreset = 30;
/** Past this many sources the source filter is typed, not picked. */
export const MAX_SOURCE_OPTIONS = 500;
export type FilterOptions = { sources: { identifier: string; title: string | null }[]; people: { id: string; name: string; role: string }[] };
/** Ten years: enough for "everything so far", small enough to keep a mistyped year from scanning forever. */
export const MAX_DAYS = 3_660;
const DAY_MS = 86_400_000;

/** An empty form field means "not set". */
const blank = (v: unknown) => (v === "" ? undefined : v);

const ZDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Not a valid date.");

export const ZDashboardQuery = z
  .object({
    days: z.preprocess(blank, z.coerce.number().pipe(z.union([z.literal(7), z.literal(30), z.literal(90)], { error: "Choose 7, 30 or 90 days." })).optional()),
    from: z.preprocess(blank, ZDay.optional()),
    to: z.preprocess(blank, ZDay.optional()),
    source: z.preprocess(blank, z.string().trim().min(1).max(200).optional()),
    annotator: z.preprocess(blank, z.string().uuid("Not a user id.").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "The range ends before it starts." });
    if (v.from && v.to && spanDays(v.from, v.to) > MAX_DAYS) ctx.addIssue({ code: "custom", path: ["from"], message: `A range spans at most ${MAX_DAYS.toLocaleString("en")} days.` });
  });
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

export type DateRange = {
  /** first and last day, inclusive ("2026-11-02") */
  from: string;
  to: string;
  days: number;
  /** the preset it was chosen as, or null for a custom range */
  preset: RangePreset | null;
};

export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);
export const startOfDay = (day: string): Date => new Date(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number): string => dayOf(new Date(startOfDay(day).getTime() + n * DAY_MS));
const spanDays = (from: string, to: string): number => Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS) + 1;

/** The range a query asks for, as of `today`: a custom from/to (to defaults to today), else the last N days. */
export function resolveRange(query: Pick<TDashboardQuery, "days" | "from" | "to">, today: Date = new Date()): DateRange {
  const todayDay = dayOf(today);
  if (query.from) {
    const to = query.to ?? (query.from > todayDay ? query.from : todayDay);
    return { from: query.from, to, days: spanDays(query.from, to), preset: null };
  }
  const days = query.days ?? DEFAULT_DAYS;
  const to = query.to ?? todayDay;
  return { from: addDays(to, 1 - days), to, days, preset: query.to ? null : days };
}

/** The range as instants: [start, end) in UTC. */
export function rangeBounds(range: DateRange): { start: Date; end: Date } {
  return { start: startOfDay(range.from), end: startOfDay(addDays(range.to, 1)) };
}

/** Every day of the range, in order. */
export function daysOf(range: Pick<DateRange, "from" | "to">): string[] {
  const out: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The Monday of the (ISO) week a day falls in. */
export function weekOf(day: string): string {
  const weekday = (startOfDay(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Every week (its Monday) that overlaps the range, in order. */
export function weeksOf(range: Pick<DateRange, "from" | "to">): string[] {
  const out: string[] = [];
  for (let w = weekOf(range.from); w <= range.to; w = addDays(w, 7)) out.push(w);
  return out;
}

/** The filters as query-string values (for links and for the page's URL). */
export function filterParams(range: DateRange, filters: { source?: string; annotator?: string }): Record<string, string | undefined> {
  return {
    ...(range.preset ? { days: String(range.preset) } : { from: range.from, to: range.to }),
    source: filters.source,
    annotator: filters.annotator,
  };
}

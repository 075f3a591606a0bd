// What GET /api/dashboard answers and the dashboard page draws: one object with every panel's data.
// Days and weeks are UTC dates ("2026-11-30"; a week is its Monday). Pure types; shared with the browser.
import type { DateRange } from "./filters";

export type SeedStatusName = "NEW" | "ASSIGNED" | "IN_PROGRESS" | "ADAPTED" | "ARCHIVED";
export type ItemStatusName = "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | "REJECTED";
export const SEED_STATUSES: SeedStatusName[] = ["NEW", "ASSIGNED", "IN_PROGRESS", "ADAPTED", "ARCHIVED"];
export const ITEM_STATUSES: ItemStatusName[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "REJECTED"];

/** Seeds imported and items started in the range, by their status now. */
export type Funnel = { seeds: Record<SeedStatusName, number>; items: Record<ItemStatusName, number> };

export type ApprovedPerDay = { day: string; annotatorId: string; annotator: string; count: number };
export type SubmittedPerDay = { day: string; count: number };

/** Runs (submit attempts, approval re-runs) in the range in which a check had a failing finding. */
export type CheckFailure = { check: string; label: string; blocking: boolean | null; count: number; atSubmit: number; atApproval: number };
export type CheckRunTotals = { atSubmit: number; atApproval: number };
/** Items approved in the range by the rounds of requested changes they went through. */
export type RoundsCount = { rounds: number; count: number };
export type RejectionReason = { reason: string; count: number };
export type Rejections = { total: number; reasons: RejectionReason[] };
export type Quality = { checkRuns: CheckRunTotals; rounds: RoundsCount[]; rejections: Rejections };

export type TurnaroundWeek = { week: string; decisions: number; p50Hours: number; p90Hours: number };
/** SUBMITTED items now, by how long they have waited; `bucket` indexes QUEUE_AGE_BUCKETS. */
export type QueueAge = { bucket: number; label: string; count: number };
export type Turnaround = {
  weeks: TurnaroundWeek[];
  overall: { decisions: number; p50Hours: number | null; p90Hours: number | null };
  queueAge: QueueAge[];
  queued: number;
};

export type AnnotatorRow = {
  id: string; name: string;
  /** seeds claimed by or assigned to them in the range */
  claimed: number;
  /** their items started in the range and still drafts */
  drafts: number;
  /** submissions of their items in the range (resubmissions count) */
  submitted: number;
  /** their items approved in the range */
  approved: number;
  /** decisions on their items in the range, and how many of them requested changes */
  decisions: number;
  changesRequested: number;
  changesRequestedRate: number | null;
  /** median rounds of requested changes of their items approved in the range */
  medianRounds: number | null;
};
export type ReviewerRow = {
  id: string; name: string;
  decisions: number; approved: number; changesRequested: number; rejected: number;
  /** median hours from submission to their decision */
  medianTurnaroundHours: number | null;
};

export type CoverageRow = { source: string; title: string | null; imported: number; adapted: number; approved: number };

export type DashboardData = {
  range: DateRange;
  filters: { source: string | null; annotator: { id: string; name: string } | null };
  funnel: Funnel;
  approvedPerDay: ApprovedPerDay[];
  submittedPerDay: SubmittedPerDay[];
  checkFailures: CheckFailure[];
  quality: Quality;
  turnaround: Turnaround;
  /** per annotator (item authors) */
  people: AnnotatorRow[];
  /** per reviewer (who decided) */
  reviewers: ReviewerRow[];
  coverage: CoverageRow[];
  generatedAt: string;
};

/** How long SUBMITTED items have waited: [label, upper bound in hours] (the last is open-ended). */
export const QUEUE_AGE_BUCKETS: [string, number][] = [
  ["< 1 day", 24], ["1–3 days", 72], ["3–7 days", 168], ["1–2 weeks", 336], ["2–4 weeks", 672], ["≥ 4 weeks", Infinity],
];

// The numbers behind each chart as one table: what the "table" toggle shows (and screen readers read) and
// what the CSV download holds, raw values in the CSV, formatted ones on screen. Pure; shared with the browser.
import { formatHours, formatPercent, type FunnelStage, type Series, type ThroughputRow, type TurnaroundRow } from "./shape";
import type { AnnotatorRow, CheckFailure, CheckRunTotals, CoverageRow, QueueAge, Rejections, ReviewerRow } from "./types";

export type Cell = string | number | boolean | null;
export type ColumnKind = "text" | "int" | "percent" | "hours" | "decimal" | "yesno";
export type Column = { key: string; label: string; kind: ColumnKind };
export type PanelTable = { columns: Column[]; rows: Record<string, Cell>[] };

const col = (key: string, label: string, kind: ColumnKind = "int"): Column => ({ key, label, kind });
const rate = (n: number, of: number): number | null => (of > 0 ? n / of : null);

export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null || value === undefined) return "—";
  switch (kind) {
    case "int": return typeof value === "number" ? value.toLocaleString("en") : String(value);
    case "percent": return formatPercent(Number(value));
    case "hours": return formatHours(Number(value));
    case "decimal": return Number(value).toFixed(1);
    case "yesno": return value ? "yes" : "no";
    default: return String(value);
  }
}

/** RFC 4180 CSV with a header row; text that a spreadsheet would run as a formula is prefixed with '. */
export function toCsv(table: PanelTable): string {
  const cell = (value: Cell): string => {
    if (value === null || value === undefined) return "";
    let text = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.columns.map((c) => cell(c.label)), ...table.rows.map((r) => table.columns.map((c) => cell(r[c.key] ?? null)))];
  return `${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}

export function funnelTable(stages: FunnelStage[]): PanelTable {
  return {
    columns: [col("stage", "Stage", "text"), col("now", "Now"), col("reached", "Reached"), col("conversion", "Conversion", "percent")],
    rows: stages.map((s) => ({ stage: s.label, now: s.now, reached: s.reached, conversion: s.conversion })),
  };
}

export function throughputTable(rows: ThroughputRow[], series: Series[]): PanelTable {
  return {
    columns: [col("day", "Day", "text"), col("submitted", "Submitted"), col("approved", "Approved"), ...series.map((s) => col(s.key, `Approved: ${s.name}`))],
    rows,
  };
}

export function checkFailuresTable(failures: CheckFailure[], runs: CheckRunTotals): PanelTable {
  return {
    columns: [
      col("label", "Check", "text"), col("check", "Id", "text"), col("blocking", "Blocking", "yesno"),
      col("atSubmit", "Failed at submit"), col("atSubmitRate", "of submit attempts", "percent"),
      col("atApproval", "Failed at approval"), col("atApprovalRate", "of approval re-runs", "percent"), col("count", "Total"),
    ],
    rows: failures.map((f) => ({ ...f, atSubmitRate: rate(f.atSubmit, runs.atSubmit), atApprovalRate: rate(f.atApproval, runs.atApproval) })),
  };
}

export function roundsTable(histogram: { label: string; count: number }[]): PanelTable {
  return { columns: [col("label", "Rounds of changes requested", "text"), col("count", "Items approved")], rows: histogram };
}

export function rejectionsTable(rejections: Rejections): PanelTable {
  return {
    columns: [col("reason", "Reason", "text"), col("count", "Rejections"), col("share", "Share", "percent")],
    rows: rejections.reasons.map((r) => ({ reason: r.reason || "(no reason given)", count: r.count, share: rate(r.count, rejections.total) })),
  };
}

export function turnaroundTable(rows: TurnaroundRow[]): PanelTable {
  return {
    columns: [col("week", "Week of", "text"), col("decisions", "Decisions"), col("p50Hours", "Median (h)", "decimal"), col("p90Hours", "p90 (h)", "decimal")],
    rows,
  };
}

export function queueAgeTable(queueAge: QueueAge[]): PanelTable {
  return { columns: [col("label", "Waiting", "text"), col("count", "Items")], rows: queueAge };
}

export function annotatorsTable(people: AnnotatorRow[]): PanelTable {
  return {
    columns: [
      col("name", "Annotator", "text"), col("claimed", "Claimed"), col("drafts", "Drafts"), col("submitted", "Submitted"), col("approved", "Approved"),
      col("changesRequested", "Changes requested"), col("changesRequestedRate", "Changes-requested rate", "percent"), col("medianRounds", "Median rounds", "decimal"),
    ],
    rows: people,
  };
}

export function reviewersTable(reviewers: ReviewerRow[]): PanelTable {
  return {
    columns: [
      col("name", "Reviewer", "text"), col("decisions", "Decisions"), col("approved", "Approved"), col("changesRequested", "Changes requested"),
      col("rejected", "Rejected"), col("medianTurnaroundHours", "Median turnaround (h)", "decimal"),
    ],
    rows: reviewers,
  };
}

export function coverageTable(coverage: CoverageRow[]): PanelTable {
  return {
    columns: [
      col("source", "Source", "text"), col("title", "Title", "text"), col("imported", "Imported"), col("adapted", "Adapted"),
      col("approved", "Approved"), col("approvedShare", "Approved of imported", "percent"),
    ],
    rows: coverage.map((c) => ({ ...c, approvedShare: rate(c.approved, c.imported) })),
  };
}

// Colours of the dashboard's series: mid-tones that read on the light and the dark background alike. Axis,
// grid and tooltip colours follow the colour scheme through CSS variables (app/globals.css, .chart-frame).
export const SERIES_COLORS = ["#0ea5e9", "#f59e0b", "#10b981", "#8b5cf6", "#f43f5e", "#14b8a6", "#f97316", "#6366f1"];
export const OTHERS_COLOR = "#a8a29e";
export const COLORS = {
  submitted: "#0ea5e9",
  submittedLine: "#78716c",
  approved: "#10b981",
  changes: "#f59e0b",
  rejected: "#f43f5e",
  archived: "#a8a29e",
  p50: "#0ea5e9",
  p90: "#8b5cf6",
  imported: "#a8a29e",
  adapted: "#0ea5e9",
} as const;
export const CHART_HEIGHT = 260;

/** "2026-11-28" → "28 Nov" on an axis. */
export function shortDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return `${d.getUTCDate()} ${d.toLocaleString("en", { month: "short", timeZone: "UTC" })}`;
}

"use client";
// Counts per split, stacked by topic (the largest topics; the rest as "other"): recharts, SVG.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#0369a1", "#b45309", "#15803d", "#7e22ce", "#be123c", "#0f766e", "#a16207", "#4338ca"];
const MAX_TOPICS = COLORS.length - 1;

export function ReleaseChart({ data }: { data: { split: string; topic: string; count: number }[] }) {
  const totals = new Map<string, number>();
  for (const d of data) totals.set(d.topic, (totals.get(d.topic) ?? 0) + d.count);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  const shown = ranked.length > MAX_TOPICS + 1 ? ranked.slice(0, MAX_TOPICS) : ranked;
  const topics = ranked.length > shown.length ? [...shown, "other"] : shown;
  const rows = ["train", "validation", "test"].map((split) => {
    const row: Record<string, string | number> = { split };
    for (const d of data.filter((x) => x.split === split)) {
      const key = shown.includes(d.topic) ? d.topic : "other";
      row[key] = Number(row[key] ?? 0) + d.count;
    }
    return row;
  });
  return (
    <div className="h-64 w-full" data-testid="release-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="split" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {topics.map((t, i) => <Bar key={t} dataKey={t} stackId="topics" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />)}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

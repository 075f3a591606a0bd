"use client";
// The dashboard's one chart shape: bars (grouped or stacked, vertical or horizontal) and lines over one
// category axis, with axis labels, a grid, a legend and a tooltip with the exact values. recharts, SVG.
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_HEIGHT, shortDay } from "./chart-theme";

export type BarSpec = { key: string; name: string; color: string; stackId?: string; cellColors?: string[] };
export type LineSpec = { key: string; name: string; color: string; dashed?: boolean };
type Props = {
  data: object[];
  /** the row key of the category */
  category: string;
  categoryLabel: string;
  valueLabel: string;
  /** bars grow left to right with the categories down the side (long labels) */
  horizontal?: boolean;
  bars?: BarSpec[];
  lines?: LineSpec[];
  categoryFormat?: "day" | "week" | "text";
  unit?: "count" | "hours";
  height?: number;
  /** room for the category labels of a horizontal chart */
  categoryWidth?: number;
};

export function CartesianChart({ data, category, categoryLabel, valueLabel, horizontal = false, bars = [], lines = [], categoryFormat = "text", unit = "count", height = CHART_HEIGHT, categoryWidth = 160 }: Props) {
  const tick = (v: unknown) => (categoryFormat === "text" ? String(v) : shortDay(String(v)));
  const label = (v: unknown) => (categoryFormat === "week" ? `Week of ${shortDay(String(v))}` : categoryFormat === "day" ? shortDay(String(v)) : String(v));
  const value = (v: unknown) => (typeof v === "number" ? (unit === "hours" ? `${v.toLocaleString("en")} h` : v.toLocaleString("en")) : v === null || v === undefined ? "—" : String(v));
  const categoryAxis = { dataKey: category, tickFormatter: tick, interval: "preserveStartEnd" as const, minTickGap: 12 };
  const valueAxis = { allowDecimals: unit === "hours" };
  return (
    <ComposedChart
      data={data}
      layout={horizontal ? "vertical" : "horizontal"}
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 8, right: 12, bottom: 28, left: horizontal ? 8 : 12 }}
      barCategoryGap="18%"
    >
      <CartesianGrid strokeDasharray="3 3" vertical={horizontal} horizontal={!horizontal} />
      {horizontal ? (
        <>
          <XAxis type="number" {...valueAxis} label={{ value: valueLabel, position: "insideBottom", offset: -16 }} />
          <YAxis type="category" {...categoryAxis} interval={0} width={categoryWidth} label={{ value: categoryLabel, angle: -90, position: "insideLeft", offset: 0 }} />
        </>
      ) : (
        <>
          <XAxis type="category" {...categoryAxis} label={{ value: categoryLabel, position: "insideBottom", offset: -16 }} />
          <YAxis type="number" {...valueAxis} width={48} label={{ value: valueLabel, angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }} />
        </>
      )}
      <Tooltip formatter={(v) => value(v)} labelFormatter={(l) => label(l)} cursor={{ fillOpacity: 0.08 }} />
      {bars.length + lines.length > 1 && <Legend verticalAlign="top" height={28} />}
      {bars.map((b) => (
        <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} stackId={b.stackId} isAnimationActive={false} maxBarSize={48}>
          {b.cellColors?.map((c, i) => <Cell key={i} fill={c} />)}
        </Bar>
      ))}
      {lines.map((l) => (
        <Line key={l.key} dataKey={l.key} name={l.name} stroke={l.color} strokeWidth={2} strokeDasharray={l.dashed ? "5 4" : undefined} dot={{ r: 2.5 }} isAnimationActive={false} connectNulls={false} type="monotone" />
      ))}
    </ComposedChart>
  );
}

"use client";
// One chart with what every dashboard chart has: a title, the chart (SVG), a "Table" toggle showing its
// numbers (also kept in the page, visually hidden, for screen readers while the chart shows), a CSV download
// of the same numbers, and an empty state that says what to do.
import { useId, useState } from "react";
import { formatCell, toCsv, type PanelTable } from "@/lib/dashboard/model/tables";

type Props = {
  id: string;
  title: string;
  description?: string;
  table: PanelTable;
  /** what to do when there is nothing to draw; null when there is */
  empty: string | null;
  /** file name of the CSV, without extension */
  csvName: string;
  children: React.ReactNode;
};

export function ChartPanel({ id, title, description, table, empty, csvName, children }: Props) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const headingId = useId();
  return (
    <figure className="min-w-0 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" data-testid={`chart-${id}`} aria-labelledby={headingId}>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-sm font-semibold">{title}</h3>
          {description && <p className="text-xs text-stone-500 dark:text-stone-400">{description}</p>}
        </div>
        {!empty && (
          <div className="flex gap-1.5">
            <button type="button" className="btn px-2 py-0.5 text-xs" aria-pressed={view === "table"} onClick={() => setView(view === "chart" ? "table" : "chart")} data-testid={`toggle-${id}`}>
              {view === "chart" ? "Table" : "Chart"}
            </button>
            <button type="button" className="btn px-2 py-0.5 text-xs" onClick={() => download(`${csvName}.csv`, toCsv(table))} data-testid={`csv-${id}`}>
              CSV
            </button>
          </div>
        )}
      </div>
      {empty ? (
        <p className="py-8 text-center text-sm text-stone-500 dark:text-stone-400" data-testid={`empty-${id}`}>{empty}</p>
      ) : view === "chart" ? (
        <>
          <div className="chart-frame" aria-hidden="true">{children}</div>
          <div className="sr-only"><NumbersTable table={table} caption={title} /></div>
        </>
      ) : (
        <div className="max-h-96 overflow-auto" data-testid={`table-${id}`}><NumbersTable table={table} caption={title} /></div>
      )}
    </figure>
  );
}

function NumbersTable({ table, caption }: { table: PanelTable; caption: string }) {
  return (
    <table className="table-dense">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>{table.columns.map((c) => <th key={c.key} scope="col" className={c.kind === "text" ? "" : "text-right"}>{c.label}</th>)}</tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>
            {table.columns.map((c) => <td key={c.key} className={c.kind === "text" ? "" : "text-right tabular-nums"}>{formatCell(row[c.key] ?? null, c.kind)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

"use client";
// The dashboard's page-wide filters, kept in the URL: a preset range applies at once; a custom range, the
// source and the annotator apply with "Apply" (a plain GET form, so it works without script too).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { hrefWith } from "@/lib/http/query-string";
import { MAX_SOURCE_OPTIONS, RANGE_PRESETS, type DateRange, type FilterOptions } from "@/lib/dashboard/model/filters";

type Props = { range: DateRange; source?: string; annotator?: string; options: FilterOptions };

export function DashboardFilters({ range, source, annotator, options }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<string>(range.preset ? String(range.preset) : "custom");
  const apply = (values: Record<string, string | undefined>) => router.push(hrefWith("/dashboard", values));
  const onRange = (value: string) => {
    setMode(value);
    if (value !== "custom") apply({ days: value, source, annotator });
  };
  const typedSource = options.sources.length > MAX_SOURCE_OPTIONS;
  return (
    <form method="get" action="/dashboard" className="mb-6 flex flex-wrap items-end gap-2" role="search" aria-label="Dashboard filters" data-testid="dashboard-filters">
      <Field label="Date range">
        <select name={mode === "custom" ? undefined : "days"} value={mode} onChange={(e) => onRange(e.target.value)} className="input w-40" data-testid="range-select">
          {RANGE_PRESETS.map((d) => <option key={d} value={d}>Last {d} days</option>)}
          <option value="custom">Custom…</option>
        </select>
      </Field>
      {mode === "custom" && (
        <>
          <Field label="From"><input type="date" name="from" defaultValue={range.from} required className="input w-40" data-testid="range-from" /></Field>
          <Field label="To"><input type="date" name="to" defaultValue={range.to} className="input w-40" data-testid="range-to" /></Field>
        </>
      )}
      <Field label="Source">
        {typedSource ? (
          <input name="source" defaultValue={source} placeholder="source identifier" className="input w-48" />
        ) : (
          <select name="source" defaultValue={source ?? ""} className="input w-48" data-testid="source-select">
            <option value="">All sources</option>
            {options.sources.map((s) => <option key={s.identifier} value={s.identifier}>{s.identifier}</option>)}
          </select>
        )}
      </Field>
      <Field label="Annotator">
        <select name="annotator" defaultValue={annotator ?? ""} className="input w-44" data-testid="annotator-select">
          <option value="">Everyone</option>
          {options.people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </Field>
      <button type="submit" className="btn">Apply</button>
    </form>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block text-xs text-stone-500 dark:text-stone-400">{label}</span>
      {children}
    </label>
  );
}

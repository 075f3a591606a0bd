"use client";
// Upload a file (or give an arXiv id) → preview (counts, duplicates, errors with file:line, the first
// seeds rendered, column mapping for JSON rows) → commit. The same request twice: dryRun, then for real.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ImportReport } from "@/lib/imports/schemas";
import { ROW_FIELDS } from "@/lib/imports/parsers/rows";
import { LatexPreview } from "@/components/editor/latex-preview-client";
import { ImportErrors } from "./import-errors";

type Mode = "file" | "arxiv";

export function ImportForm() {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("file");
  const [file, setFile] = useState<File | null>(null);
  const [arxivId, setArxivId] = useState("");
  const [format, setFormat] = useState("auto");
  const [sourceId, setSourceId] = useState("");
  const [license, setLicense] = useState("");
  const [map, setMap] = useState<Record<string, string>>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const options = { format, sourceId, license, dryRun: String(dryRun), map: Object.entries(map).filter(([, c]) => c).map(([f, c]) => `${f}=${c}`).join(",") };
      let response: Response;
      if (mode === "arxiv") {
        response = await fetch("/api/imports", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ arxivId, ...options, dryRun }) });
      } else {
        if (!file) throw new Error("Choose a file first.");
        const form = new FormData();
        form.set("file", file);
        for (const [k, v] of Object.entries(options)) if (v) form.set(k, v);
        response = await fetch("/api/imports", { method: "POST", body: form });
      }
      const body = (await response.json().catch(() => ({}))) as ImportReport & { error?: string; issues?: { path: string; message: string }[] };
      if (!response.ok) throw new Error(body.issues?.map((i) => `${i.path}: ${i.message}`).join("; ") || body.error || `The server answered ${response.status}.`);
      if (dryRun) setReport(body);
      else router.push(`/imports/${body.batchId}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const rows = report && (report.formats.includes("json") || report.formats.includes("jsonl"));
  return (
    <div className="space-y-4">
      <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <div className="flex gap-2 text-sm" role="tablist">
          {(["file", "arxiv"] as const).map((m) => (
            <button key={m} type="button" role="tab" aria-selected={mode === m} className={mode === m ? "btn-primary" : "btn"} onClick={() => { setMode(m); setReport(null); }}>
              {m === "file" ? "Upload a file" : "arXiv paper"}
            </button>
          ))}
        </div>
        {mode === "file" ? (
          <label className="block text-sm">
            <span className="mb-1 block font-medium">File</span>
            <input type="file" data-testid="import-file" className="text-sm" accept=".yaml,.yml,.jsonl,.ndjson,.json,.tex,.zip,.gz,.tgz,.tar"
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); }} />
            <span className="mt-1 block text-xs text-stone-500">matched_pairs.yaml, JSONL/JSON rows, pipeline items, a .tex file, or a .zip/.tar.gz of them (folder names become source ids).</span>
          </label>
        ) : (
          <label className="block text-sm">
            <span className="mb-1 block font-medium">arXiv id</span>
            <input className="input w-72 font-mono" data-testid="import-arxiv" placeholder="arXiv:2101.00001v2" value={arxivId} onChange={(e) => { setArxivId(e.target.value); setReport(null); }} />
          </label>
        )}
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block text-sm">
            <span className="mb-1 block font-medium">Format</span>
            <select className="input" value={format} onChange={(e) => { setFormat(e.target.value); setReport(null); }} disabled={mode === "arxiv"} data-testid="import-format">
              {["auto", "yaml", "jsonl", "json", "latex", "pipeline"].map((f) => <option key={f}>{f}</option>)}
            </select>
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium">Source id</span>
            <input className="input font-mono" value={sourceId} placeholder="folder name / column / arXiv id" data-testid="import-source-id" onChange={(e) => { setSourceId(e.target.value); setReport(null); }} />
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium">License (when the source has none)</span>
            <input className="input" value={license} placeholder="CC-BY-4.0" onChange={(e) => setLicense(e.target.value)} />
          </label>
        </div>
        {rows && report.columns.length > 0 && (
          <fieldset className="rounded border border-stone-200 p-2 dark:border-stone-800" data-testid="import-mapping">
            <legend className="px-1 text-sm font-medium">Columns (from the first rows)</legend>
            <div className="grid gap-2 sm:grid-cols-4">
              {ROW_FIELDS.map((f) => (
                <label key={f} className="text-xs">
                  <span className="mb-0.5 block">{f}</span>
                  <select className="input" aria-label={`Column for ${f}`} value={map[f] ?? ""} onChange={(e) => { setMap({ ...map, [f]: e.target.value }); }}>
                    <option value="">(automatic)</option>
                    {report.columns.map((c) => <option key={c}>{c}</option>)}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div className="flex items-center gap-2">
          <button type="button" className="btn" disabled={busy} onClick={() => void send(true)} data-testid="import-preview">{busy ? "Reading…" : "Preview"}</button>
          {report && (
            <button type="button" className="btn-primary" disabled={busy || report.created === 0} onClick={() => void send(false)} data-testid="import-commit">
              Import {report.created} seed{report.created === 1 ? "" : "s"}
            </button>
          )}
          {error && <span className="text-sm text-red-700 dark:text-red-300" data-testid="import-error">{error}</span>}
        </div>
      </section>
      {report && <Preview report={report} />}
    </div>
  );
}

function Preview({ report }: { report: ImportReport }) {
  return (
    <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" data-testid="import-report">
      <p className="text-sm" data-testid="import-counts">
        <strong data-testid="import-created">{report.created}</strong> new seed{report.created === 1 ? "" : "s"}
        {report.itemsCreated > 0 && <> and {report.itemsCreated} draft item{report.itemsCreated === 1 ? "" : "s"}</>}
        {" · "}<strong data-testid="import-duplicates">{report.duplicates}</strong> duplicate{report.duplicates === 1 ? "" : "s"}
        {" · "}{report.skipped} skipped{" · "}<strong>{report.errors.length}</strong> error{report.errors.length === 1 ? "" : "s"}
        {" · "}format {report.formats.join(", ") || report.format}{report.ignored ? ` · ${report.ignored} other files ignored` : ""}
      </p>
      <ImportErrors errors={report.errors} />
      {report.preview.length > 0 && (
        <div>
          <h2 className="mb-2 text-sm font-semibold">First seeds</h2>
          <ol className="space-y-3" data-testid="import-preview-seeds">
            {report.preview.map((s, i) => (
              <li key={i} className="rounded border border-stone-200 p-2 dark:border-stone-800">
                <div className="mb-1 text-xs text-stone-500"><span className="font-mono">{s.sourceIdentifier}</span>{s.location ? ` · ${s.location}` : ""}{s.title ? ` · ${s.title}` : ""}</div>
                <LatexPreview source={s.problem} macros={s.macros} testId={`import-seed-${i}`} debounceMs={0} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

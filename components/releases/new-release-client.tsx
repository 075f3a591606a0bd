"use client";
// /releases/new: name, description, filters and split ratios → Preview (counts by split, topic, source,
// difficulty; nothing written) → Create (freezes the items; then the release's page). The same request twice:
// dryRun, then for real.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/api/send-json";
import type { ReleasePreview } from "@/lib/export/preview-release";
import { DIFFICULTIES, LEVELS } from "@/lib/items/schemas";
import { CountTable } from "./count-table";

type Form = { name: string; description: string; source: string; topic: string; level: string; difficulty: string; split: string; approvedBefore: string; train: string; validation: string; test: string };
const EMPTY: Form = { name: "", description: "", source: "", topic: "", level: "", difficulty: "", split: "", approvedBefore: "", train: "80", validation: "10", test: "10" };

function requestOf(f: Form) {
  const filter = Object.fromEntries((["source", "topic", "level", "difficulty", "split", "approvedBefore"] as const).filter((k) => f[k].trim()).map((k) => [k, f[k].trim()]));
  const pct = (v: string) => Number(v) / 100;
  return { name: f.name.trim() || undefined, description: f.description.trim() || undefined, filter, splitRatios: { train: pct(f.train), validation: pct(f.validation), test: pct(f.test) } };
}

export function NewReleaseForm({ sources }: { sources: string[] }) {
  const router = useRouter();
  const [form, setForm] = useState<Form>(EMPTY);
  const [preview, setPreview] = useState<ReleasePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "create" | null>(null);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [k]: e.target.value });
    setPreview(null);
  };
  const sum = Number(form.train) + Number(form.validation) + Number(form.test);

  const send = async (dryRun: boolean) => {
    setBusy(dryRun ? "preview" : "create");
    setError(null);
    const result = await sendJson<ReleasePreview & { name: string }>("/api/releases", "POST", { ...requestOf(form), ...(dryRun ? { dryRun: true } : {}) });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    if (dryRun) setPreview(result.data);
    else router.push(`/releases/${encodeURIComponent(result.data.name)}`);
  };

  const field = (label: string, k: keyof Form, input: React.ReactNode) => (
    <label className="flex flex-col gap-1 text-xs text-stone-500" htmlFor={`release-${k}`}>{label}{input}</label>
  );
  const select = (k: keyof Form, options: readonly string[]) => (
    <select id={`release-${k}`} value={form[k]} onChange={set(k)} className="input">
      <option value="">any</option>
      {options.map((o) => <option key={o} value={o}>{o.toLowerCase().replace(/_/g, " ")}</option>)}
    </select>
  );
  return (
    <div className="space-y-4">
      <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <div className="grid gap-3 sm:grid-cols-2">
          {field("Name (a slug: lower-case letters, digits, . _ -)", "name", <input id="release-name" value={form.name} onChange={set("name")} className="input font-mono" placeholder="qft-2026-12" />)}
          {field("Description", "description", <input id="release-description" value={form.description} onChange={set("description")} className="input" />)}
        </div>
        <h2 className="text-sm font-semibold text-stone-500 uppercase">Which approved items</h2>
        <div className="flex flex-wrap items-end gap-3">
          {field("Source", "source", <input id="release-source" list="release-sources" value={form.source} onChange={set("source")} className="input w-48" placeholder="any" />)}
          <datalist id="release-sources">{sources.map((s) => <option key={s} value={s} />)}</datalist>
          {field("Topic", "topic", <input id="release-topic" value={form.topic} onChange={set("topic")} className="input w-40" placeholder="any" />)}
          {field("Level", "level", select("level", LEVELS))}
          {field("Difficulty", "difficulty", select("difficulty", DIFFICULTIES))}
          {field("Split", "split", select("split", ["train", "validation", "test"]))}
          {field("Approved before", "approvedBefore", <input id="release-approvedBefore" type="date" value={form.approvedBefore} onChange={set("approvedBefore")} className="input" />)}
        </div>
        <h2 className="text-sm font-semibold text-stone-500 uppercase">Split of items without one (%)</h2>
        <div className="flex flex-wrap items-end gap-3">
          {(["train", "validation", "test"] as const).map((k) => field(k, k, <input key={k} id={`release-${k}`} type="number" min={0} max={100} step="any" value={form[k]} onChange={set(k)} className="input w-24" />))}
          <p className={`text-xs ${Math.abs(sum - 100) < 1e-9 ? "text-stone-500" : "text-red-700"}`}>total {sum}% — assigned from a hash of the item id and the release name, so re-creating gives the same split</p>
        </div>
        <div className="flex gap-2">
          <button type="button" className="btn" disabled={busy !== null} onClick={() => send(true)} data-testid="preview-release">{busy === "preview" ? "Counting…" : "Preview"}</button>
          <button type="button" className="btn-primary" disabled={busy !== null || !preview || preview.total === 0 || !form.name.trim()} onClick={() => send(false)} data-testid="create-release">
            {busy === "create" ? "Freezing and hashing…" : "Create release"}
          </button>
        </div>
        {error && <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200" data-testid="release-error">{error}</p>}
      </section>
      {preview && (
        <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" data-testid="release-preview">
          <p className="text-sm" data-testid="preview-total">
            <strong>{preview.total.toLocaleString("en")}</strong> approved item{preview.total === 1 ? "" : "s"}:{" "}
            <span data-testid="preview-splits">{preview.bySplit.train} train, {preview.bySplit.validation} validation, {preview.bySplit.test} test</span>
            {!preview.splitExact && " (name the release for the exact split)"}. Nothing is written until you create it.
          </p>
          <div className="grid gap-4 md:grid-cols-4">
            <CountTable title="topic" counts={preview.byTopic} testId="preview-topics" />
            <CountTable title="source" counts={preview.bySource} />
            <CountTable title="difficulty" counts={preview.byDifficulty} />
            <CountTable title="level" counts={preview.byLevel} />
          </div>
        </section>
      )}
    </div>
  );
}

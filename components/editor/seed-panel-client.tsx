"use client";
// The original seed beside the item: problem and solution, rendered with the source's macros or as source.
import { useState } from "react";
import { LatexPreview } from "./latex-preview-client";

export type SeedForEditor = { id: string; title: string | null; location: string | null; source: string; problem: string; solution: string | null; macros: Record<string, string> };

export function SeedPanel({ seed }: { seed: SeedForEditor }) {
  const [open, setOpen] = useState(true);
  const [asSource, setAsSource] = useState(false);
  return (
    <section data-testid="seed-panel" className="rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <header className="flex items-center justify-between gap-2 border-b border-stone-200 px-3 py-2 dark:border-stone-800">
        <button type="button" className="text-left text-sm font-semibold" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="seed-toggle">
          {open ? "▾" : "▸"} Original: {seed.title ?? seed.location ?? "seed"} <span className="font-mono font-normal text-stone-500">{seed.source}</span>
        </button>
        {open && (
          <button type="button" className="btn px-2 py-0.5 text-xs" onClick={() => setAsSource(!asSource)} data-testid="seed-source-toggle">
            {asSource ? "Rendered" : "Source"}
          </button>
        )}
      </header>
      {open && (
        <div className="space-y-3 p-3">
          <Part title="Problem" text={seed.problem} macros={seed.macros} asSource={asSource} testId="editor-seed-problem" />
          {seed.solution ? <Part title="Solution" text={seed.solution} macros={seed.macros} asSource={asSource} testId="editor-seed-solution" /> : <p className="text-sm text-stone-500">No solution in the source.</p>}
        </div>
      )}
    </section>
  );
}

function Part({ title, text, macros, asSource, testId }: { title: string; text: string; macros: Record<string, string>; asSource: boolean; testId: string }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-stone-500 uppercase">{title}</h3>
      {asSource ? (
        <pre className="overflow-x-auto rounded bg-stone-100 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-stone-950" data-testid={`${testId}-source`}>{text}</pre>
      ) : (
        <LatexPreview source={text} macros={macros} testId={testId} debounceMs={0} />
      )}
    </div>
  );
}

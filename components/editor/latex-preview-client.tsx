"use client";
// Live preview of a LaTeX field: re-rendered shortly after typing stops, in a Web Worker with a time budget
// (render-in-worker.ts: blocks are cached there, so this is cheap, and no input can freeze the page); while the
// source has an error, the last good render stays and the error is listed with its place. A very long field
// previews its first part only (and says so), so typing stays fast.
import { useEffect, useState } from "react";
import type { LatexError, RenderedLatex } from "@/lib/latex/render-latex";
import { renderInWorker } from "@/components/latex/render-in-worker";

type Props = { source: string; macros: Record<string, string>; testId: string; debounceMs?: number; math?: boolean };

export const PREVIEW_MAX_CHARS = 20_000;

/** The part of a long source that is previewed: up to the last paragraph break before the cap, or the cap. */
export function previewPart(source: string, max = PREVIEW_MAX_CHARS): string {
  if (source.length <= max) return source;
  const paragraph = source.lastIndexOf("\n\n", max);
  return source.slice(0, paragraph > max / 2 ? paragraph : max);
}

export function LatexPreview({ source, macros, testId, debounceMs = 120, math = false }: Props) {
  const [rendered, setRendered] = useState(source);
  useEffect(() => {
    const t = setTimeout(() => setRendered(source), debounceMs);
    return () => clearTimeout(t);
  }, [source, debounceMs]);

  const part = previewPart(rendered);
  const [result, setResult] = useState<RenderedLatex | null>(null);
  useEffect(() => {
    let current = true;
    void renderInWorker(part, macros, math).then((r) => current && setResult(r));
    return () => {
      current = false;
    };
  }, [part, macros, math]);

  const { html, errors } = result ?? { html: "", errors: [] };
  const [lastGood, setLastGood] = useState<string | null>(null);
  // Remember the newest render without errors (state derived from a computed value, updated in render).
  if (result && errors.length === 0 && lastGood !== html) setLastGood(html);
  const stale = errors.length > 0 && lastGood !== null;
  const shown = stale ? lastGood : html;

  return (
    <div>
      {part.length < rendered.length && (
        <p className="mb-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid={`${testId}-capped`}>
          The preview shows the first {part.length.toLocaleString("en")} of {rendered.length.toLocaleString("en")} characters.
        </p>
      )}
      {errors.length > 0 && <ErrorList errors={errors} stale={stale} testId={`${testId}-errors`} />}
      <div
        className={`latex-text min-h-[2rem] text-sm ${stale ? "opacity-70" : ""}`}
        data-testid={testId}
        data-stale={stale ? "true" : "false"}
        data-rendering={result ? "false" : "true"}
        // renderField escapes and sanitises user text; only KaTeX output (trust: false) is inserted as-is.
        dangerouslySetInnerHTML={{ __html: shown || (result ? '<p class="text-stone-400">Nothing to preview yet.</p>' : "") }}
      />
    </div>
  );
}

function ErrorList({ errors, stale, testId }: { errors: LatexError[]; stale: boolean; testId: string }) {
  return (
    <ul data-testid={testId} className="mb-2 space-y-1 rounded border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      {errors.slice(0, 5).map((e, i) => (
        <li key={i}>
          <span className="font-semibold">Line {e.line}, column {e.column}:</span> {e.message}
          {e.source && <code className="ml-1 font-mono">{e.source.length > 80 ? `${e.source.slice(0, 80)}…` : e.source}</code>}
        </li>
      ))}
      {errors.length > 5 && <li>…and {errors.length - 5} more.</li>}
      {stale && <li className="text-red-700/80 dark:text-red-300/80">The preview shows the last version that rendered.</li>}
    </ul>
  );
}

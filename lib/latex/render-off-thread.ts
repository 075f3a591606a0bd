import "server-only";
// Untrusted LaTeX rendered on the server (seed pages, the "LaTeX renders" check) in a worker thread, within
// LATEX_RENDER_MS: past that the render is stopped and the text shows "too complex to render" at the place it
// had reached, instead of holding the event loop (a 390-character macro bomb once held it for 30 s).
// Finished renders are remembered here too (the worker threads have caches of their own): a list page shows 50
// excerpts, and asking a worker for each one it already rendered cost more than the page's SQL.
import { LRUCache } from "lru-cache";
import { getEnv } from "../env";
import { isOverBudget, isPoolBusy } from "../workers/errors";
import { runTask } from "../workers/run-task";
import { errorHtml, type LatexError, type RenderOptions, type RenderedLatex } from "./render-latex";

export type OffThreadOptions = { macros?: Record<string, string>; math?: boolean; mathOutput?: RenderOptions["mathOutput"] };

/** Renders by source and options, bounded by the characters they hold (about 32 MB of strings). */
const rendered = new LRUCache<string, RenderedLatex>({
  maxSize: 16_000_000,
  sizeCalculation: (r, key) => r.html.length + key.length + 1,
});

export async function renderLatexOffThread(source: string, { macros, math = false, mathOutput }: OffThreadOptions = {}): Promise<RenderedLatex> {
  const env = getEnv();
  const options = { macros, mathOutput, maxExpand: env.LATEX_MAX_EXPAND, maxExpandedTokens: env.LATEX_MAX_EXPANDED_TOKENS, maxHtmlChars: env.LATEX_MAX_HTML_CHARS };
  const key = JSON.stringify([source, math, options]);
  const known = rendered.get(key);
  if (known) return known;
  try {
    const result = await runTask("latex.render", { source, math, options });
    // (a render stopped by its budget or a busy pool is not remembered: it may succeed next time)
    if (result.html.length + key.length < 1_000_000) rendered.set(key, result);
    return result;
  } catch (e) {
    if (isOverBudget(e)) return failed(source, `too complex to render: ${e.message} (LATEX_RENDER_MS)`, e.position);
    if (isPoolBusy(e)) return failed(source, `not rendered: ${e.message}`, null);
    throw e;
  }
}

function failed(source: string, message: string, position: { line: number; column: number } | null): RenderedLatex {
  const { line, column } = position ?? { line: 1, column: 1 };
  const error: LatexError = { message, line, column, source: (source.split("\n")[line - 1] ?? "").slice(Math.max(0, column - 1), column + 199) };
  return { html: errorHtml(error), errors: [error] };
}

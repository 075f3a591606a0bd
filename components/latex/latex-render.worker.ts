// The browser preview's renderer, in a Web Worker so that no LaTeX can freeze the editor: the page gives each
// render a time budget and terminates this worker when it is over (render-in-worker.ts). It says when it starts
// a render (the budget counts from there, not from the queue) and where it is: each new line it reaches (a
// paragraph can take long to parse before its formulas are reached), and every formula once it has run a while.
import { renderField } from "@/lib/latex/render-field";
import type { RenderedLatex } from "@/lib/latex/render-latex";

export type LatexWorkerRequest = { id: number; source: string; macros: Record<string, string>; math: boolean };
export type LatexWorkerMessage = { id: number; started: true } | { id: number; at: [number, number] } | { id: number; rendered: RenderedLatex };

/** Until a render has run this long, only a new line is worth a message. */
const QUIET_MS = 100;

const scope = self as unknown as { postMessage: (message: LatexWorkerMessage) => void; onmessage: ((event: MessageEvent<LatexWorkerRequest>) => void) | null };

scope.onmessage = ({ data: { id, source, macros, math } }) => {
  scope.postMessage({ id, started: true });
  const started = performance.now();
  let lastLine = 0;
  const onProgress = (line: number, column: number) => {
    if (line === lastLine && performance.now() - started < QUIET_MS) return;
    lastLine = line;
    scope.postMessage({ id, at: [line, column] });
  };
  scope.postMessage({ id, rendered: renderField(source, { macros, math, onProgress }) });
};

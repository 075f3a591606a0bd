// LaTeX rendered for the browser preview in a Web Worker, with the server's time budget per render: a render
// that runs past it is stopped (the worker is terminated and replaced, other waiting renders are sent again)
// and shows "too complex to render" at the place it had reached, so a 190-character macro bomb no longer freezes
// the tab. Where a Web Worker cannot run, renders happen in the page (the expansion bounds still hold).
import { renderField } from "@/lib/latex/render-field";
import { errorHtml, type LatexError, type RenderedLatex } from "@/lib/latex/render-latex";
import { LATEX_DEFAULTS } from "@/lib/latex/limits";
import type { LatexWorkerMessage, LatexWorkerRequest } from "./latex-render.worker";

type Job = { request: LatexWorkerRequest; resolve: (r: RenderedLatex) => void; timer?: ReturnType<typeof setTimeout>; at: [number, number] | null };

/** A worker that has not started a render this long after being asked is taken as unable to run. */
const START_TIMEOUT_MS = 15_000;

let worker: Worker | null | undefined; // undefined: not started yet; null: Web Workers unavailable here
let startTimer: ReturnType<typeof setTimeout> | undefined;
const jobs = new Map<number, Job>();
let nextId = 1;

export function renderInWorker(source: string, macros: Record<string, string>, math: boolean): Promise<RenderedLatex> {
  if (worker === undefined) worker = startWorker();
  if (!worker) return Promise.resolve(renderInPage({ id: 0, source, macros, math }));
  return new Promise((resolve) => {
    const job: Job = { request: { id: nextId++, source, macros, math }, resolve, at: null };
    jobs.set(job.request.id, job);
    send(job);
  });
}

function startWorker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  try {
    const created = new Worker(new URL("./latex-render.worker.ts", import.meta.url));
    created.onmessage = (event: MessageEvent<LatexWorkerMessage>) => receive(event.data);
    created.onerror = () => giveUp();
    return created;
  } catch {
    return null;
  }
}

function send(job: Job): void {
  if (!worker) return;
  worker.postMessage(job.request);
  startTimer ??= setTimeout(giveUp, START_TIMEOUT_MS);
}

function receive(message: LatexWorkerMessage): void {
  const job = jobs.get(message.id);
  if (!job) return;
  if ("started" in message) {
    clearTimeout(startTimer);
    startTimer = undefined;
    job.timer = setTimeout(() => overBudget(job), LATEX_DEFAULTS.renderMs);
  } else if ("at" in message) {
    job.at = message.at;
  } else {
    clearTimeout(job.timer);
    jobs.delete(message.id);
    job.resolve(message.rendered);
  }
}

/** Stop the render (terminating is the only way to stop a running script), answer it, restart the rest. */
function overBudget(job: Job): void {
  worker?.terminate();
  worker = startWorker();
  jobs.delete(job.request.id);
  const [line, column] = job.at ?? [1, 1];
  const error: LatexError = {
    message: `too complex to render: it took longer than ${LATEX_DEFAULTS.renderMs.toLocaleString("en")} ms`,
    line, column, source: (job.request.source.split("\n")[line - 1] ?? "").slice(Math.max(0, column - 1), column + 199),
  };
  job.resolve({ html: errorHtml(error), errors: [error] });
  for (const other of jobs.values()) {
    clearTimeout(other.timer);
    other.timer = undefined;
    other.at = null;
    send(other);
  }
}

/** No worker here (it failed to load, or never started): render in the page from now on. */
function giveUp(): void {
  clearTimeout(startTimer);
  worker?.terminate();
  worker = null;
  for (const job of jobs.values()) {
    clearTimeout(job.timer);
    job.resolve(renderInPage(job.request));
  }
  jobs.clear();
}

function renderInPage({ source, macros, math }: LatexWorkerRequest): RenderedLatex {
  return renderField(source, { macros, math });
}

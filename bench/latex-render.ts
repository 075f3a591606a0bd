// Live-preview cost: render a ~3 KB LaTeX statement (text + inline/display math + a list) after warm-up.
// Target (PRODUCT.md): ≤ 16 ms per re-render. Also the same re-render sent to a worker thread and back (what
// the server does with untrusted LaTeX, and what the browser preview does with its Web Worker).
import { performance } from "node:perf_hooks";
import { renderLatexText } from "../lib/latex/render-latex";
import { WorkerPool } from "../lib/workers/pool";
import { spawnTaskWorker } from "../lib/workers/spawn";
import type { Tasks } from "../lib/workers/tasks";
import { ms, summarise } from "./stats";

function statementOfSize(bytes: number, paragraphs: boolean): string {
  const paragraph = String.raw`Consider the theory $\mathcal{L} = \frac12(\partial_\mu\phi)^2 - \frac{m^2}{2}\phi^2 - \frac{\lambda}{4!}\phi^4$ in $d = 4 - 2\epsilon$ dimensions.
\[ \Gamma^{(4)}(s,t,u) = -\lambda + \frac{\lambda^2}{32\pi^2}\left[\frac{3}{\epsilon} - \log\frac{-s}{\mu^2} - \log\frac{-t}{\mu^2} - \log\frac{-u}{\mu^2}\right] \]
\begin{enumerate}\item Find $\beta(\lambda)$ at one loop. \item Determine $\gamma_\phi$ at two loops.\end{enumerate}
`;
  let out = "";
  while (out.length < bytes) out += paragraphs ? `${paragraph}\n` : paragraph;
  return `${out}Conventions: metric $(+,-,-,-)$, $\hbar = c = 1$.`;
}

export async function benchLatexRender(): Promise<void> {
  benchOne("in paragraphs", statementOfSize(3000, true));
  benchOne("one paragraph", statementOfSize(3000, false));
  await benchInWorker(statementOfSize(3000, true));
}

async function benchInWorker(source: string): Promise<void> {
  const pool = new WorkerPool<Tasks>({ name: "bench", size: 1, memoryMb: 512, maxQueue: 10, spawn: spawnTaskWorker });
  const render = (text: string) => pool.run("latex.render", { source: text, math: false, options: {} }, { budgetMs: 2000 });
  try {
    for (let i = 0; i < 30; i++) await render(source);
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await render(`${source} ${i}`);
      samples.push(performance.now() - t0);
    }
    const s = summarise(samples);
    console.log(`latex preview re-render in a worker thread, round trip (${source.length} bytes): p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} — target ≤ 16 ms`);
  } finally {
    await pool.close();
  }
}

function benchOne(label: string, source: string): void {
  for (let i = 0; i < 30; i++) renderLatexText(source);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const edited = `${source} ${i}`; // every keystroke changes the text (here: the last paragraph)
    const t0 = performance.now();
    renderLatexText(edited);
    samples.push(performance.now() - t0);
  }
  const s = summarise(samples);
  console.log(`latex preview re-render, ${label} (${source.length} bytes): p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} — target ≤ 16 ms`);
}

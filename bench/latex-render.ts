// Live-preview cost: render a ~3 KB LaTeX statement (text + inline/display math + a list) after warm-up.
// Target (PRODUCT.md): ≤ 16 ms per re-render.
import { performance } from "node:perf_hooks";
import { renderLatexText } from "../lib/latex/render-latex";
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

export function benchLatexRender(): void {
  benchOne("in paragraphs", statementOfSize(3000, true));
  benchOne("one paragraph", statementOfSize(3000, false));
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

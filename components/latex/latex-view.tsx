// Rendered LaTeX text, on the server: rendered in a worker thread within LATEX_RENDER_MS (renderLatexOffThread),
// so a hostile seed shows "too complex to render" instead of holding the server. User text is escaped and
// sanitised by renderLatexText; the only markup inserted as-is is KaTeX output (trust: false).
import { renderLatexOffThread, type OffThreadOptions } from "@/lib/latex/render-off-thread";

type Props = { source: string; macros?: Record<string, string>; className?: string; testId?: string; mathOutput?: OffThreadOptions["mathOutput"] };

export async function LatexView({ source, macros, className, testId, mathOutput }: Props) {
  const { html, errors } = await renderLatexOffThread(source, { macros, mathOutput });
  return (
    <div
      className={`latex-text ${className ?? ""}`}
      data-testid={testId}
      data-latex-errors={errors.length}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

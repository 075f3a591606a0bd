// Rendered LaTeX text. The HTML comes from renderLatexText: user text is escaped and sanitised there,
// and the only markup inserted as-is is KaTeX output (trust: false).
import { renderLatexText } from "@/lib/latex/render-latex";

type Props = { source: string; macros?: Record<string, string>; className?: string; testId?: string };

export function LatexView({ source, macros, className, testId }: Props) {
  const { html, errors } = renderLatexText(source, { macros });
  return (
    <div
      className={`latex-text ${className ?? ""}`}
      data-testid={testId}
      data-latex-errors={errors.length}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

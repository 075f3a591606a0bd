// A rendered one- or two-line excerpt of LaTeX text for lists (rendering is cached by renderLatexText).
import { latexExcerpt } from "@/lib/latex/excerpt";
import { LatexView } from "./latex-view";

export function LatexExcerpt({ source, macros, testId }: { source: string; macros?: Record<string, string>; testId?: string }) {
  return <LatexView source={latexExcerpt(source)} macros={macros} className="latex-excerpt line-clamp-2 text-xs text-stone-600 dark:text-stone-300" testId={testId} />;
}

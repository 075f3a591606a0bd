// A rendered one- or two-line excerpt of LaTeX text for lists (rendering is cached by renderLatexText). Its
// formulas are MathML alone, typeset by the browser: KaTeX's HTML made each excerpt about 8 KB, sent twice
// (the page and React's data), so a list of 50 weighed over 500 KiB and most of its server time was that.
import { latexExcerpt } from "@/lib/latex/excerpt";
import { LatexView } from "./latex-view";

export function LatexExcerpt({ source, macros, testId }: { source: string; macros?: Record<string, string>; testId?: string }) {
  return <LatexView source={latexExcerpt(source)} macros={macros} mathOutput="mathml" className="latex-excerpt line-clamp-2 text-xs text-stone-600 dark:text-stone-300" testId={testId} />;
}

// A math-only field (the final answer) is typeset as display math unless the author wrote delimiters.
// Shared by the editor preview and the "LaTeX renders" check, so both see the same errors.
import { renderLatexText, type RenderOptions, type RenderedLatex } from "./render-latex";

const MATH_DELIMITER = /\$|\\\[|\\\(|\\begin\s*\{/;
const DISPLAY_OPEN = "\\[";

/** Whether a math field's text is bare math (typeset as display math) rather than text with delimiters. */
export function isBareMath(source: string): boolean {
  return source.trim() !== "" && !MATH_DELIMITER.test(source);
}

export function renderMathField(source: string, options: RenderOptions = {}): RenderedLatex {
  if (!isBareMath(source)) return renderLatexText(source, options);
  const result = renderLatexText(`${DISPLAY_OPEN}${source}\\]`, options);
  // Positions refer to what the author typed, not to the added delimiter.
  return { html: result.html, errors: result.errors.map((e) => (e.line === 1 ? { ...e, column: Math.max(1, e.column - DISPLAY_OPEN.length) } : e)) };
}

// A LaTeX field of an item as the editor previews it and the "LaTeX renders" check judges it: rendered
// (text, or bare math for the final answer), with the structural errors the renderer lets through
// (mismatched or unknown environments, unpaired \left/\right; validate-structure.ts) added. Pure.
import { renderLatexText, type LatexError, type RenderOptions, type RenderedLatex } from "./render-latex";
import { isBareMath, renderMathField } from "./render-math-field";
import { validateStructure } from "./validate-structure";

export type FieldRenderOptions = RenderOptions & { /** the field is math (the final answer) */ math?: boolean };

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf("\n", offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** Structural errors inside a formula the renderer already refused are the same problem: keep one. */
function mergeErrors(source: string, rendered: LatexError[], structural: LatexError[]): LatexError[] {
  const refused = rendered.map((e) => {
    const from = offsetOf(source, e.line, e.column);
    return [from, from + Math.max(1, e.source.length)] as const;
  });
  const extra = structural.filter((s) => {
    const at = offsetOf(source, s.line, s.column);
    return !refused.some(([from, to]) => at >= from && at < to);
  });
  return [...rendered, ...extra].sort((a, b) => a.line - b.line || a.column - b.column);
}

export function renderField(source: string, options: FieldRenderOptions = {}): RenderedLatex {
  const { math = false, ...renderOptions } = options;
  const rendered = (math ? renderMathField : renderLatexText)(source, renderOptions);
  const structural = validateStructure(source, { math: math && isBareMath(source) });
  if (structural.length === 0) return rendered;
  return { html: rendered.html, errors: mergeErrors(source, rendered.errors, structural) };
}

// A LaTeX field of an item as the editor previews it and the "LaTeX renders" check judges it: rendered
// (text, or bare math for the final answer), with the structural errors the renderer lets through
// (mismatched or unknown environments, unpaired \left/\right; validate-structure.ts) added. Pure.
import { renderLatexText, type RenderOptions, type RenderedLatex } from "./render-latex";
import { isBareMath, renderMathField } from "./render-math-field";
import { withStructureErrors } from "./validate-structure";

export type FieldRenderOptions = RenderOptions & { /** the field is math (the final answer) */ math?: boolean };

export function renderField(source: string, options: FieldRenderOptions = {}): RenderedLatex {
  const { math = false, ...renderOptions } = options;
  const rendered = (math ? renderMathField : renderLatexText)(source, renderOptions);
  return { html: rendered.html, errors: withStructureErrors(source, rendered.errors, { math: math && isBareMath(source) }) };
}

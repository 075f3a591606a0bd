// Python source, highlighted on the server with the same Lezer grammar CodeMirror uses in the editor.
// Text goes out as React text nodes inside spans with token classes: nothing from the code becomes HTML.
import { classHighlighter, highlightCode } from "@lezer/highlight";
import { parser } from "@lezer/python";

type Token = { text: string; classes: string };

export function highlightPython(code: string): Token[][] {
  const lines: Token[][] = [[]];
  highlightCode(code, parser.parse(code), classHighlighter, (text, classes) => lines[lines.length - 1].push({ text, classes }), () => lines.push([]));
  return lines;
}

export function PythonCode({ code, testId }: { code: string; testId?: string }) {
  const lines = highlightPython(code);
  return (
    <pre data-testid={testId} className="python-code overflow-x-auto rounded bg-stone-100 p-2 font-mono text-xs leading-relaxed dark:bg-stone-900">
      {lines.map((tokens, i) => (
        <div key={i}>
          {tokens.length === 0 ? "\u200b" : tokens.map((t, j) => (t.classes ? <span key={j} className={t.classes}>{t.text}</span> : <span key={j}>{t.text}</span>))}
        </div>
      ))}
    </pre>
  );
}

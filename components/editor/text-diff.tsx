// A word (prose) or line (code) diff between two texts, from the `diff` library. Text is rendered as
// React text nodes, never as HTML.
import { diffLines, diffWords } from "diff";

type Props = { before: string; after: string; byLine?: boolean; testId?: string };

export function TextDiff({ before, after, byLine = false, testId }: Props) {
  const parts = byLine ? diffLines(before, after) : diffWords(before, after);
  return (
    <pre data-testid={testId} className="overflow-x-auto rounded bg-stone-100 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-stone-900">
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-emerald-200 no-underline dark:bg-emerald-900">{p.value}</ins>
        ) : p.removed ? (
          <del key={i} className="bg-red-200 dark:bg-red-900">{p.value}</del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </pre>
  );
}

"use client";
// Math-only displays (a final answer, a "read as" reading) with react-katex. KaTeX runs with its safe
// defaults (trust off, 1000 macro expansions); the source's macros are prepended as \def lines because
// react-katex takes no KaTeX options. Typeset in the browser after mount, so a hostile formula never costs
// the server; very long formulas are shown as source.
import { useSyncExternalStore } from "react";
import { BlockMath, InlineMath } from "react-katex";

const MAX_CHARS = 5_000;

type Props = { math: string; macros?: Record<string, string>; display?: boolean; testId?: string };

/** "\\R": "\\mathbb{R}" → "\\def\\R{\\mathbb{R}}" (with #1… parameters when the body uses them). */
export function macroPreamble(macros: Record<string, string> | undefined): string {
  return Object.entries(macros ?? {})
    .filter(([name]) => /^\\[A-Za-z]+$/.test(name))
    .map(([name, body]) => {
      const params = Math.max(0, ...[...body.matchAll(/#([1-9])/g)].map((m) => Number(m[1])));
      return `\\def${name}${Array.from({ length: params }, (_, i) => `#${i + 1}`).join("")}{${body}}`;
    })
    .join("");
}

const noSubscription = () => () => {};

export function MathView({ math, macros, display = true, testId }: Props) {
  // false while rendering on the server (and hydrating), true in the browser afterwards
  const mounted = useSyncExternalStore(noSubscription, () => true, () => false);
  const source = <code className="font-mono text-xs break-all">{math}</code>;
  if (!mounted || math.length > MAX_CHARS) return <span data-testid={testId}>{source}</span>;
  const Math = display ? BlockMath : InlineMath;
  return (
    <span data-testid={testId} className={display ? "block overflow-x-auto" : undefined}>
      <Math
        math={`${macroPreamble(macros)}${math}`}
        renderError={(error) => (
          <span className="latex-error" role="note">
            <span>{error.message.replace(/^KaTeX parse error: /, "")}</span>
            <span className="latex-error-source">{math}</span>
          </span>
        )}
      />
    </span>
  );
}

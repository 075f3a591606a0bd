"use client";
// "Read as": what the answer checker makes of the final answer, typeset, so the author sees what the
// checker sees, and the unit convention it reads it with (natural units when the statement says so); an
// answer it cannot read or evaluate gets a red message saying why. The checker (with its LaTeX parser) is
// loaded on first use, so it does not weigh on the editor's first paint.
import { useEffect, useMemo, useState } from "react";
import type { WellFormed } from "@/lib/equivalence";
import { conventionsFor } from "@/lib/equivalence/conventions";
import { declarationsFor, type Declarations } from "@/lib/items/declarations";
import type { AnswerSpec } from "@/lib/items/answer-spec";
import { MathView } from "@/components/latex/math-view-client";

type Props = { finalAnswer: string; declarations: Declarations; spec: AnswerSpec; statement: string };

export function FinalAnswerReading({ finalAnswer, declarations, spec, statement }: Props) {
  const declared = useMemo(() => declarationsFor(declarations, spec), [declarations, spec]);
  // A key, so that typing in the statement re-reads the answer only when the conventions change.
  const conventionKey = conventionsFor(statement).join(",");
  const [reading, setReading] = useState<WellFormed | null>(null);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      if (!finalAnswer.trim()) return setReading(null);
      const { wellFormed, CONVENTION_NAMES } = await import("@/lib/equivalence");
      const conventions = CONVENTION_NAMES.filter((name) => conventionKey.split(",").includes(name));
      if (!cancelled) setReading(wellFormed(finalAnswer, declared, { conventions }));
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [finalAnswer, declared, conventionKey]);
  if (!reading || !finalAnswer.trim()) return null;
  if (!reading.ok) {
    return <p className="mt-2 text-sm text-red-700 dark:text-red-300" data-testid="final-answer-reading" data-ok="false">The checker cannot use this answer: {reading.reason}</p>;
  }
  return (
    <div className="mt-2 text-sm" data-testid="final-answer-reading" data-ok="true">
      <div className="flex items-baseline gap-2">
        <span className="text-xs text-stone-500">Read as:</span>
        {/* the checker's own printing of the answer: short, typeset with react-katex */}
        <MathView math={reading.readAs} display={false} testId="final-answer-read-as" />
      </div>
      {reading.conventions?.length ? (
        <p className="text-xs text-stone-500" data-testid="final-answer-conventions">With the statement’s convention: {reading.conventions.join("; ")}</p>
      ) : null}
    </div>
  );
}

"use client";
// The item's symbol declarations for the answer checker: comma-separated names per kind.
import { autoDeclaredNote, DECLARATION_KINDS, type Declarations } from "@/lib/items/declarations";
import { optionsText, ParsedInput } from "./parsed-input-client";

const LABEL: Record<(typeof DECLARATION_KINDS)[number], string> = {
  symbols: "Plain symbols (not constants), e.g. e, \\gamma",
  functions: "Functions, e.g. \\Phi, f",
  positive: "Positive symbols, e.g. m, T",
  real: "Real symbols",
};

type Props = { value: Declarations; onChange: (next: Declarations) => void; readOnly: boolean; argumentNames: string[] };

export function DeclarationsInput({ value, onChange, readOnly, argumentNames }: Props) {
  const count = DECLARATION_KINDS.reduce((n, k) => n + (value[k]?.length ?? 0), 0);
  return (
    <details className="mt-2 text-sm" data-testid="declarations">
      <summary className="cursor-pointer text-xs text-stone-500">
        Symbols the answer checker should know{count ? ` (${count})` : ""}
        {autoDeclaredNote(argumentNames)}
      </summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {DECLARATION_KINDS.map((kind) => (
          <label key={kind} className="block text-xs">
            <span className="mb-0.5 block">{LABEL[kind]}</span>
            <ParsedInput className="input font-mono" aria-label={`Declared ${kind}`} disabled={readOnly} value={value[kind]} {...optionsText}
              onChange={(v) => {
                const next = { ...value };
                if (v) next[kind] = v;
                else delete next[kind];
                onChange(next);
              }} />
          </label>
        ))}
      </div>
    </details>
  );
}

"use client";
// The optional anchor of a comment: which field, which passage, and a suggested replacement.
import { FIELD_LABELS, ITEM_FIELD_NAMES } from "@/lib/items/schemas";

export type Anchor = { field: string; quote: string; suggestion: string };
export const NO_ANCHOR: Anchor = { field: "", quote: "", suggestion: "" };

/** The anchor as request fields: only what was filled in. */
export function anchorBody(anchor: Anchor): Record<string, string> {
  return {
    ...(anchor.field ? { field: anchor.field } : {}),
    ...(anchor.field && anchor.quote ? { quote: anchor.quote } : {}),
    ...(anchor.field && anchor.quote && anchor.suggestion ? { suggestion: anchor.suggestion } : {}),
  };
}

export function AnchorFields({ value, onChange, idPrefix }: { value: Anchor; onChange: (a: Anchor) => void; idPrefix: string }) {
  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <label className="text-xs">
        <span className="mb-0.5 block text-stone-500">About the field</span>
        <select id={`${idPrefix}-field`} value={value.field} onChange={(e) => onChange({ ...value, field: e.target.value })} className="input py-1">
          <option value="">The whole item</option>
          {ITEM_FIELD_NAMES.map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}</option>)}
        </select>
      </label>
      <label className="text-xs">
        <span className="mb-0.5 block text-stone-500">Quoted passage (optional)</span>
        <input id={`${idPrefix}-quote`} value={value.quote} disabled={!value.field} onChange={(e) => onChange({ ...value, quote: e.target.value })} className="input py-1" />
      </label>
      <label className="text-xs">
        <span className="mb-0.5 block text-stone-500">Suggested replacement (optional)</span>
        <input id={`${idPrefix}-suggestion`} value={value.suggestion} disabled={!value.quote} onChange={(e) => onChange({ ...value, suggestion: e.target.value })} className="input py-1" />
      </label>
    </div>
  );
}

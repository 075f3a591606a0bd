// A source's LaTeX macros, stored as JSON { "\\name": "expansion" } (KaTeX macro syntax, #1… for arguments).
import { z } from "zod";

const MACRO_NAME = /^\\[A-Za-z@]+$/;
const MAX_MACROS = 500;
const MAX_EXPANSION = 2000;

export const ZMacroMap = z
  .record(z.string().regex(MACRO_NAME, "A macro name is a backslash and letters."), z.string().max(MAX_EXPANSION))
  .refine((m) => Object.keys(m).length <= MAX_MACROS, `At most ${MAX_MACROS} macros.`);

/** Whatever is stored, return only well-formed macros (bad entries are dropped, never rendered). */
export function toMacroMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [name, expansion] of Object.entries(value as Record<string, unknown>)) {
    if (MACRO_NAME.test(name) && typeof expansion === "string" && expansion.length <= MAX_EXPANSION) out[name] = expansion;
    if (Object.keys(out).length >= MAX_MACROS) break;
  }
  return out;
}

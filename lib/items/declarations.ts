// What an item tells the answer checker about its symbols: `e` is a charge (not Euler's number), `\Phi`
// is a function, `m` is positive… The answer spec's argument names are declared automatically.
import { GREEK } from "../equivalence/tokens";
import type { Declarations } from "../equivalence/types";
import type { AnswerSpec } from "./answer-spec";

export type { Declarations };
export const DECLARATION_KINDS = ["symbols", "functions", "positive", "real"] as const;

/** The LaTeX spellings of an argument name: `omega` → `\omega`, `m_pi` → `m_\pi`, `C_A` → `C_A`. */
export function latexNamesOf(name: string): string[] {
  const [base, ...rest] = name.split("_");
  const tex = (part: string) => (GREEK.has(part) ? `\\${part}` : part);
  if (!rest.length) return [...new Set([name, tex(base)])];
  const sub = rest.map(tex).join("_");
  const wrapped = sub.length === 1 || (sub.startsWith("\\") && !sub.includes("_")) ? sub : `{${sub}}`;
  return [...new Set([name, `${tex(base)}_${wrapped}`])];
}

/** The item's declarations plus its answer spec's arguments as symbols. */
export function declarationsFor(declared: Declarations, spec: AnswerSpec): Declarations {
  const args = spec.arguments.filter((a) => a.name).flatMap((a) => latexNamesOf(a.name));
  return { ...declared, symbols: [...new Set([...(declared.symbols ?? []), ...args])] };
}

/** " — the argument θ is declared automatically" / " — the arguments a, b and c are …"; "" without arguments. */
export function autoDeclaredNote(argumentNames: readonly string[]): string {
  if (argumentNames.length === 0) return "";
  if (argumentNames.length === 1) return ` — the argument ${argumentNames[0]} is declared automatically`;
  return ` — the arguments ${argumentNames.slice(0, -1).join(", ")} and ${argumentNames[argumentNames.length - 1]} are declared automatically`;
}

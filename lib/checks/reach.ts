// Does the solution reach the final answer: can the answer be read, and which of the solution's candidate
// formulas equals it (the solution-reaches-answer check; run in a worker thread by the server). Pure.
import { checkEquivalence, wellFormed, type EquivalenceOptions } from "../equivalence";

export type ReachTask = { answer: string; candidates: string[]; declarations?: Parameters<typeof wellFormed>[1]; conventions?: EquivalenceOptions["conventions"] };
/** Whether the answer can be read, and the index of the first candidate equal to it (null: none). */
export type Reach = { readable: ReturnType<typeof wellFormed>; match: number | null };

export function reachOf({ answer, candidates, declarations, conventions }: ReachTask): Reach {
  const readable = wellFormed(answer, declarations, { conventions });
  if (!readable.ok) return { readable, match: null };
  const match = candidates.findIndex((c) => checkEquivalence(answer, c, { declarations, conventions }).equivalent);
  return { readable, match: match < 0 ? null : match };
}

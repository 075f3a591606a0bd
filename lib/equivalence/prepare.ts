// Before two readings are compared, the rules that read one side in the light of the other, or of the
// item's conventions, each in its own module: named unit conventions (conventions.ts), running quantities
// (running.ts) and matrix notation (matrices.ts).
import { applyConventions, CONVENTIONS } from "./conventions";
import { resolveMatrices } from "./matrices";
import { resolveRunning } from "./running";
import { mapAnswer } from "./walk";
import type { Answer, ConventionName } from "./types";

export type Prepared = { gold: Answer; pred: Answer; conventions: string[] };

export function preparePair(gold: Answer, pred: Answer, conventions: readonly ConventionName[] = []): Prepared {
  const applied = new Set<ConventionName>();
  const convert = (a: Answer) => mapAnswer(a, (e) => {
    const r = applyConventions(e, conventions);
    r.applied.forEach((name) => applied.add(name));
    return r.e;
  });
  let [g, p] = [convert(gold), convert(pred)];
  [g, p] = resolveRunning(g, p);
  [g, p] = resolveMatrices(g, p);
  return { gold: g, pred: p, conventions: [...applied].map((name) => `${name}: ${CONVENTIONS[name].description}`) };
}

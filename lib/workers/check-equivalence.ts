import "server-only";
// POST /api/equivalence's checker, run in a worker thread within EQUIVALENCE_MS: two 2,000-element lists once
// held the event loop for 34 s. Past the budget the answer is "cannot decide: too large", a 422. Options are
// passed to lib/equivalence as they come, so its new options need no change here.
import { AppError } from "../errors";
import { isOverBudget, isPoolBusy } from "./errors";
import { runTask } from "./run-task";
import type { EquivalenceTask } from "./tasks";

export async function checkEquivalenceOffThread(gold: string, pred: string, options?: EquivalenceTask["options"]) {
  try {
    return await runTask("equivalence.check", { gold, pred, options });
  } catch (e) {
    if (isOverBudget(e)) throw new AppError("INVALID", `Cannot decide: too large — comparing these answers ${e.message.replace(/^it /, "")} (EQUIVALENCE_MS).`);
    if (isPoolBusy(e)) throw new AppError("RATE_LIMITED", e.message);
    throw e;
  }
}

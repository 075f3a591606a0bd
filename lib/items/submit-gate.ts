import "server-only";
// What must hold before an item may be submitted, beyond its status: every blocking check passes on the
// version being submitted. The newest stored run of that version's fields counts (also when it was stored
// for an earlier version with the same fields); without one, checks run now. Either way the run that decided
// is marked as a submit attempt's (the dashboard counts failures there).
import { getDb } from "../db";
import type { Actor } from "../auth/types";
import { getLatestCheckRun, runChecks, versionFieldsHash } from "../checks/run-checks";
import { blockingFailures, checkStateOf } from "../checks/registry";

export type SubmitBlocker = { check: string; message: string; field: string | null };
export type SubmitGate = { blockers: SubmitBlocker[]; checkState: ReturnType<typeof checkStateOf> };

export async function submitGate(actor: Actor, itemId: string, version: number): Promise<SubmitGate> {
  let run = await getLatestCheckRun(actor, itemId, version);
  if (run) await getDb().checkRun.updateMany({ where: { id: run.runId, purpose: "MANUAL" }, data: { purpose: "SUBMIT" } });
  else run = await runChecks(actor, itemId, "SUBMIT");
  // The item moved on: the version check that follows answers 409.
  if (run.version !== version && run.fieldsHash !== (await versionFieldsHash(itemId, version))) return { blockers: [], checkState: "PASSING" };
  const blockers = blockingFailures(run.results).map((r) => ({ check: r.id, message: r.message, field: r.field }));
  return { blockers, checkState: checkStateOf(run.results) };
}

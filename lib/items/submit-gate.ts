import "server-only";
// What must hold before an item may be submitted, beyond its status. The checks issue adds
// "every blocking check passes on the current version" here; until then nothing blocks.
import type { Tx } from "../db";

export type SubmitBlocker = { check: string; message: string };

export async function submitBlockers(_tx: Tx, _item: { id: string; version: number }): Promise<SubmitBlocker[]> {
  return [];
}

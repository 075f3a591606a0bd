import "server-only";
// The Python reward module as served by GET /api/grade/reward.py (and copied into release bundles as
// reward/fieldwork_reward.py): one file, read from the repository.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";

/** Where the module lives in the repository (the releases feature copies it from here). */
export const REWARD_MODULE_PATH = path.join("lib", "grading", "python", "fieldwork_reward.py");

let cached: Promise<string> | null = null;

export function readRewardModule(): Promise<string> {
  cached ??= readFile(path.join(process.cwd(), REWARD_MODULE_PATH), "utf8");
  return cached;
}

export async function getRewardModule(actor: Actor): Promise<string> {
  assertCan(actor, "item.grade");
  return readRewardModule();
}

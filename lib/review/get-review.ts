import "server-only";
// Everything the review page shows for one item: the item, its seed, what it is compared with ("changes
// since last review"), the check run of this version, the thread, the timeline, and whether the viewer may decide.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { getLatestCheckRun, type CheckRunView } from "../checks/run-checks";
import { fieldsOf, ITEM_SELECT, parseItemId, toItemDetail, type ItemDetail } from "../items/item-record";
import type { ItemFields } from "../items/schemas";
import { getSeed, type SeedDetail } from "../seeds/get-seed";
import { listComments, type CommentView } from "./comments";
import { fourEyesProblem } from "./decide-item";
import { getTimeline, type TimelineEntry } from "./get-timeline";

/** What the current version is compared with: the version last decided on, or (first review) the seed. */
export type ReviewBase = { kind: "version"; version: number; fields: ItemFields } | { kind: "seed"; statement: string; solution: string };

export type ReviewView = {
  item: ItemDetail & { reviewRounds: number; approvedVersion: number | null };
  seed: SeedDetail;
  base: ReviewBase;
  checks: CheckRunView | null;
  comments: CommentView[];
  timeline: TimelineEntry[];
  /** why the viewer may not decide (four eyes), or null */
  decisionBlocked: string | null;
};

export async function getReview(actor: Actor, rawId: unknown): Promise<ReviewView> {
  assertCan(actor, "item.review");
  const id = parseItemId(rawId);
  const row = await getDb().item.findUnique({ where: { id }, select: { ...ITEM_SELECT, reviewRounds: true, approvedVersion: true, lastReviewedVersion: true } });
  if (!row) throw new AppError("NOT_FOUND", "No such item.");
  const [seed, checks, comments, timeline, base] = await Promise.all([
    getSeed(actor, row.seedId),
    getLatestCheckRun(actor, id, row.version),
    listComments(actor, id),
    getTimeline(actor, id),
    reviewBase(id, row.lastReviewedVersion),
  ]);
  return {
    item: { ...toItemDetail(row), reviewRounds: row.reviewRounds, approvedVersion: row.approvedVersion },
    seed,
    base: base ?? { kind: "seed", statement: seed.problem, solution: seed.solution ?? "" },
    checks,
    comments,
    timeline,
    decisionBlocked: fourEyesProblem(actor, { authorId: row.author.id, lastEditorId: row.lastEditor?.id ?? null }),
  };
}

async function reviewBase(itemId: string, version: number | null): Promise<ReviewBase | null> {
  if (version === null) return null;
  const revision = await getDb().itemRevision.findUnique({ where: { itemId_version: { itemId, version } }, select: { snapshot: true } });
  return revision ? { kind: "version", version, fields: fieldsOf(revision.snapshot as Record<string, unknown>) } : null;
}

import "server-only";
// POST /api/items/[id]/reviews: approve, request changes or reject the version the reviewer saw. One
// transaction per decision; approval first re-runs every check on exactly that version in the sandbox.
import { getDb, type Tx } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { blockingFailures } from "../checks/registry";
import { runChecks } from "../checks/run-checks";
import { fieldsOf, parseItemId } from "../items/item-record";
import type { ItemStatus } from "../generated/prisma/enums";
import { locateQuote } from "./comments";
import { ZDecisionInput, type DecisionName, type TDecisionInput } from "./schemas";

export type DecisionResult = { status: ItemStatus; version: number };

const NEXT_STATUS: Record<DecisionName, ItemStatus> = { APPROVE: "APPROVED", REQUEST_CHANGES: "CHANGES_REQUESTED", REJECT: "REJECTED" };

type Facts = { version: number; status: ItemStatus; authorId: string; lastEditorId: string | null };

/** Four eyes: nobody decides on what they wrote or saved last, leads and admins included. */
export function fourEyesProblem(actor: Actor, item: Pick<Facts, "authorId" | "lastEditorId">): string | null {
  if (actor.id === null) return null;
  if (item.authorId === actor.id) return "You wrote this item: another reviewer must decide.";
  if (item.lastEditorId === actor.id) return "You edited this item last: another reviewer must decide.";
  return null;
}

/** Refusals that do not depend on the decision: role, four eyes, version, status. */
function assertDecidable(actor: Actor, item: Facts, version: number): void {
  const problem = fourEyesProblem(actor, item);
  if (problem) throw new AppError("FORBIDDEN", problem);
  if (item.version !== version) {
    throw new AppError("CONFLICT", `The item changed: you reviewed version ${version}, it is now version ${item.version}. Reload to review the new version.`, {
      current: { version: item.version, status: item.status },
    });
  }
  if (item.status !== "SUBMITTED") {
    throw new AppError("CONFLICT", `Only a submitted item can be decided on; this one is ${item.status.toLowerCase().replace("_", " ")}.`, {
      current: { version: item.version, status: item.status },
    });
  }
}

const FACTS = { version: true, status: true, authorId: true, lastEditorId: true } as const;

export async function decideItem(actor: Actor, rawId: unknown, rawInput: unknown): Promise<DecisionResult> {
  assertCan(actor, "item.review");
  if (actor.id === null) throw new AppError("FORBIDDEN", "A review decision needs a signed-in reviewer.");
  const id = parseItemId(rawId);
  const input = ZDecisionInput.parse(rawInput);
  const before = await getDb().item.findUnique({ where: { id } });
  if (!before) throw new AppError("NOT_FOUND", "No such item.");
  assertDecidable(actor, before, input.version);
  if (input.field && input.quote) {
    const found = locateQuote(fieldsOf(before), input.field, input.quote);
    if ("problem" in found) throw new AppError("INVALID", found.problem);
  }
  if (input.decision === "APPROVE") {
    // Checks run code, so outside the transaction; the transaction then makes sure nothing moved.
    const run = await runChecks(actor, id, "APPROVAL");
    if (run.version !== input.version) assertDecidable(actor, { ...before, version: run.version }, input.version);
    const failing = blockingFailures(run.results);
    if (failing.length) {
      throw new AppError("INVALID", `Approval needs every blocking check to pass on version ${input.version}; ${failing.length} failed: ${failing.slice(0, 3).map((f) => f.message).join(" · ")}`, {
        blockers: failing.map((f) => ({ check: f.id, message: f.message, field: f.field })),
      });
    }
  }
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Item" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const item = await tx.item.findUniqueOrThrow({ where: { id }, select: { ...FACTS, seedId: true } });
    assertDecidable(actor, item, input.version);
    return writeDecision(tx, { ...actor, id: actor.id! }, id, item.seedId, input);
  });
}

async function writeDecision(tx: Tx, actor: Actor & { id: string }, id: string, seedId: string, input: TDecisionInput): Promise<DecisionResult> {
  const { version, decision, comment } = input;
  const status = NEXT_STATUS[decision];
  const now = new Date();
  await tx.item.update({
    where: { id },
    data: {
      status,
      lastReviewedVersion: version,
      ...(decision === "APPROVE" ? { approvedAt: now, approvedVersion: version, approvedById: actor.id } : {}),
      ...(decision === "REQUEST_CHANGES" ? { reviewRounds: { increment: 1 } } : {}),
    },
  });
  await tx.review.create({ data: { itemId: id, version, reviewerId: actor.id, decision, comment: comment ?? null } });
  if (comment && decision !== "APPROVE") {
    const anchor = { field: input.field ?? null, quote: input.quote ?? null, suggestion: input.suggestion ?? null };
    await tx.comment.create({ data: { itemId: id, version, authorId: actor.id, body: comment, ...anchor } });
  }
  if (decision === "APPROVE") await tx.seed.updateMany({ where: { id: seedId, status: { in: ["NEW", "ASSIGNED", "IN_PROGRESS"] } }, data: { status: "ADAPTED" } });
  await recordEvent(tx, actor, { action: `item.${decision.toLowerCase().replace("_", "-")}`, entityType: "Item", entityId: id, data: { version, ...(comment ? { comment } : {}) } });
  return { status, version };
}

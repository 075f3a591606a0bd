import "server-only";
// "Adapt": a new DRAFT item from a seed, owned by the person adapting it. A seed may have several items.
// The new item meets the limits every save meets (lib/items/limits.ts): a seed too long for them is refused.
import { getDb } from "../db";
import { AppError } from "../errors";
import { assertCan } from "../auth/permissions";
import type { Actor } from "../auth/types";
import { recordEvent } from "../audit/record-event";
import { emptyAnswerSpec } from "./answer-spec";
import { seedOverLimits } from "./limits";
import { itemPatchSchema, ZCreateItem, type ItemFields } from "./schemas";
import { columnsOf, getItemLimits } from "./item-record";

export async function createItem(actor: Actor, rawInput: unknown): Promise<{ id: string; version: number }> {
  assertCan(actor, "item.create");
  const { seedId } = ZCreateItem.parse(rawInput);
  const authorId = actor.id;
  if (!authorId) throw new AppError("FORBIDDEN", "An item needs an author: sign in to adapt a seed.");
  return getDb().$transaction(async (tx) => {
    const seed = await tx.seed.findUnique({
      where: { id: seedId },
      select: { id: true, status: true, problem: true, solution: true, location: true, source: { select: { license: true } } },
    });
    if (!seed) throw new AppError("NOT_FOUND", "No such seed.");
    if (seed.status === "ARCHIVED") throw new AppError("CONFLICT", "This seed is archived; it cannot be adapted.");
    const limits = getItemLimits();
    const over = seedOverLimits(seed, limits);
    if (over) throw new AppError("INVALID", `This seed is too long to adapt: ${over}. Shorten it in its source and import it again.`);
    // The seed's text is the starting point of the rewrite; everything else starts empty.
    const fields: ItemFields = {
      statement: seed.problem,
      description: "",
      solution: seed.solution ?? "",
      finalAnswer: "",
      referenceCode: "",
      answerSpec: emptyAnswerSpec(),
      testCases: [],
      topic: "",
      level: null,
      difficulty: null,
      split: null,
      sourceLocation: seed.location ?? "",
      license: seed.source.license ?? "",
      declarations: {},
    };
    itemPatchSchema(limits).parse(fields); // (anything else over the limits: a 422 naming the field)
    const item = await tx.item.create({
      data: { ...columnsOf(fields), seedId, authorId, lastEditorId: authorId, version: 1, status: "DRAFT" },
      select: { id: true, version: true },
    });
    await tx.itemRevision.create({ data: { itemId: item.id, version: 1, status: "DRAFT", snapshot: fields as object, editorId: authorId } });
    if (seed.status === "NEW" || seed.status === "ASSIGNED") {
      await tx.seed.update({ where: { id: seedId }, data: { status: "IN_PROGRESS" } });
    }
    await recordEvent(tx, actor, { action: "item.create", entityType: "Item", entityId: item.id, data: { seedId } });
    return item;
  });
}

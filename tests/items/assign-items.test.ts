// Reassigning items (POST /api/items/assign): drafts and items with requested changes move to another
// annotator, others stay; each moved item's timeline says who reassigned it, and to whom the assignment went.
import { describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { createItem } from "../../lib/items/create-item";
import { assignItems } from "../../lib/items/assign-items";
import { saveItem } from "../../lib/items/save-item";
import { submitItem } from "../../lib/items/submit-item";
import { listItems } from "../../lib/items/list-items";
import { getBadges } from "../../lib/review/get-badges";
import { getTimeline } from "../../lib/review/get-timeline";
import { makeSeed, makeUser, useTestDatabase } from "../support/db";
import { GOOD_ITEM } from "../support/item-fixtures";

describe("assignItems", () => {
  useTestDatabase();

  it("moves drafts to another annotator, leaves submitted items, and puts each move on the item's timeline", async () => {
    const [author, other, lead] = [await makeUser("ANNOTATOR"), await makeUser("ANNOTATOR"), await makeUser("LEAD")];
    const draft = await createItem(author, { seedId: (await makeSeed()).id });
    const submitted = await createItem(author, { seedId: (await makeSeed()).id });
    const saved = await saveItem(author, submitted.id, { version: 1, ...GOOD_ITEM });
    await submitItem(author, submitted.id, { version: saved.version });

    expect(await assignItems(lead, { itemIds: [draft.id, submitted.id], assigneeId: other.id })).toEqual({ assigned: 1 });
    const rows = await getDb().item.findMany({ where: { id: { in: [draft.id, submitted.id] } }, select: { id: true, assigneeId: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.assigneeId]))).toEqual({ [draft.id]: other.id, [submitted.id]: null });

    const events = await getDb().auditEvent.findMany({ where: { action: "item.assign", entityId: { in: [draft.id, submitted.id] } } });
    expect(events.map((e) => [e.entityId, e.actorId, e.data])).toEqual([[draft.id, lead.id, { assigneeId: other.id }]]);
    expect((await getTimeline(lead, draft.id))[0]).toMatchObject({ kind: "event", who: lead.name, text: "assigned the item" });
    await expect(assignItems(author, { itemIds: [draft.id], assigneeId: author.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // the new assignee's badge counts the item until they edit it
    expect((await getBadges(other)).newlyAssigned).toBe(1);
    await saveItem(other, draft.id, { version: 1, statement: "Taken over: find the energy levels." });
    expect((await getBadges(other)).newlyAssigned).toBe(0);
  });
});

describe("assignItems by filter", () => {
  useTestDatabase();

  it("reassigns every reassignable item of the filter, counts the filter for the list, and refuses a misspelt filter", async () => {
    const [author, other, lead] = [await makeUser("ANNOTATOR"), await makeUser("ANNOTATOR"), await makeUser("LEAD")];
    const seed = await makeSeed();
    const drafts = [];
    for (let i = 0; i < 3; i++) drafts.push(await createItem(author, { seedId: seed.id }));
    const submitted = await createItem(author, { seedId: seed.id });
    const saved = await saveItem(author, submitted.id, { version: 1, ...GOOD_ITEM });
    await submitItem(author, submitted.id, { version: saved.version });
    const someoneElses = await createItem(other, { seedId: seed.id });

    const page = await listItems(lead, { author: author.id }, { withTotal: true });
    expect(page).toMatchObject({ total: 3, totalCapped: false }); // the three drafts: what a reassignment would move
    expect((await listItems(lead, { author: author.id })).total).toBeUndefined();

    await expect(assignItems(lead, { filter: { autor: author.id }, assigneeId: other.id })).rejects.toThrow(/autor/);
    await expect(assignItems(lead, { assigneeId: other.id })).rejects.toThrow(/either itemIds or a filter/);
    expect(await assignItems(lead, { filter: { author: author.id }, assigneeId: other.id })).toEqual({ assigned: 3 });
    const rows = await getDb().item.findMany({ where: { id: { in: [...drafts.map((d) => d.id), submitted.id, someoneElses.id] } }, select: { id: true, assigneeId: true } });
    const assignee = Object.fromEntries(rows.map((r) => [r.id, r.assigneeId]));
    for (const d of drafts) expect(assignee[d.id]).toBe(other.id);
    expect(assignee[submitted.id]).toBeNull();
    expect(assignee[someoneElses.id]).toBeNull();
  });
});

// "My queue" on the home page: items sent back with requested changes come first, however long ago they were
// last touched and however many newer items the user has.
import { describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { getMyQueue } from "../../lib/dashboard/get-home-summary";
import { createItem } from "../../lib/items/create-item";
import { makeSeed, makeUser, useTestDatabase } from "../support/db";

describe("getMyQueue", () => {
  useTestDatabase();

  it("lists an old item with requested changes first, ahead of 60 newer drafts", async () => {
    const author = await makeUser("ANNOTATOR");
    const seed = await makeSeed();
    const sentBack = await createItem(author, { seedId: seed.id });
    await getDb().item.update({ where: { id: sentBack.id }, data: { status: "CHANGES_REQUESTED", updatedAt: new Date("2025-01-01T00:00:00Z") } });
    for (let i = 0; i < 60; i++) await createItem(author, { seedId: seed.id });
    const queue = await getMyQueue(author);
    expect(queue.items).toHaveLength(20);
    expect(queue.items[0]).toMatchObject({ id: sentBack.id, status: "CHANGES_REQUESTED" });
    expect(queue.items.slice(1).every((i) => i.status === "DRAFT")).toBe(true);
  });
});

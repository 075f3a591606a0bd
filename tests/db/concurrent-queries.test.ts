// Regression: loading an item with its people inside a transaction ran Prisma's relation queries at once on
// the transaction's one pg client (pg's "already executing a query" warning; an error in pg 9).
import { expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { loadItem } from "../../lib/items/item-record";
import { makeSeed, makeUser, useTestDatabase } from "../support/db";

it("loads an item with author, assignee and last editor in a transaction without overlapping queries", async () => {
  useTestDatabase();
  const author = await makeUser("ANNOTATOR");
  const seed = await makeSeed();
  const item = await getDb().item.create({ data: { seedId: seed.id, authorId: author.id, assigneeId: author.id, lastEditorId: author.id } });
  const warnings: string[] = [];
  const listener = (w: Error) => warnings.push(w.message);
  process.on("warning", listener);
  try {
    const row = await getDb().$transaction((tx) => loadItem(tx, item.id, true));
    expect(row.author.id).toBe(author.id);
    expect(row.assignee?.id).toBe(author.id);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", listener);
  }
  expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
});

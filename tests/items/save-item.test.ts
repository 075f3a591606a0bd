// Items in the data layer: adapt, optimistic-concurrency saves (409/403/422 as the API answers them),
// revisions and restore, submit, and the list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { errorResponse } from "../../lib/http/with-route";
import type { SessionUser } from "../../lib/auth/types";
import { createItem } from "../../lib/items/create-item";
import { getItem } from "../../lib/items/get-item";
import { saveItem } from "../../lib/items/save-item";
import { submitItem } from "../../lib/items/submit-item";
import { getRevision, listRevisions, restoreRevision } from "../../lib/items/revisions";
import { listItems } from "../../lib/items/list-items";
import { makeSeed, makeUser, useTestDatabase } from "../support/db";
import { GOOD_ITEM } from "../support/item-fixtures";
import { closeSandboxPool } from "../../lib/sandbox/pool";

/** The HTTP answer the route wrapper gives for whatever `promise` throws. */
async function answer(promise: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const response = errorResponse(error);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  throw new Error("expected the call to fail");
}

const SPEC = {
  functionName: "energy",
  arguments: [{ name: "n", type: "int", description: "level", min: 0 }, { name: "omega", type: "float", description: "frequency" }],
  returns: { type: "float", description: "the energy" },
};

describe("items", () => {
  useTestDatabase();
  let author: SessionUser;
  let other: SessionUser;
  let lead: SessionUser;
  beforeAll(async () => {
    author = await makeUser("ANNOTATOR");
    other = await makeUser("ANNOTATOR");
    lead = await makeUser("LEAD");
  });
  afterAll(() => closeSandboxPool());

  it("adapts a seed into a DRAFT item at version 1 that starts from the seed's text", async () => {
    const seed = await makeSeed("Find $E_n$ for the oscillator.", "$E_n = \\omega(n+1/2)$");
    const { id, version } = await createItem(author, { seedId: seed.id });
    expect(version).toBe(1);
    const item = await getItem(author, id);
    expect(item).toMatchObject({ status: "DRAFT", version: 1, statement: "Find $E_n$ for the oscillator.", sourceLocation: "Problem 1", canEdit: true });
    expect((await getDb().seed.findUniqueOrThrow({ where: { id: seed.id } })).status).toBe("IN_PROGRESS");
    expect(await listRevisions(author, id)).toHaveLength(1);
    // Another item from the same seed is allowed (multi-part problems).
    const second = await createItem(author, { seedId: seed.id });
    expect(second.id).not.toBe(id);
    expect((await getItem(other, id)).canEdit).toBe(false);
  });

  it("saves with the current version, refuses a stale one with 409 and the server's item, and loses nothing", async () => {
    const { id } = await createItem(author, { seedId: (await makeSeed()).id });
    const first = await saveItem(author, id, { version: 1, statement: "Alice's text" });
    expect(first).toEqual({ version: 2, status: "DRAFT", saved: true, fieldsHash: (await getItem(author, id)).fieldsHash });
    const stale = await answer(saveItem(lead, id, { version: 1, statement: "Bob's text" }));
    expect(stale.status).toBe(409);
    const current = (stale.body.details as { current: { version: number; statement: string } }).current;
    expect(current).toMatchObject({ version: 2, statement: "Alice's text" });
    expect((await getItem(author, id)).statement).toBe("Alice's text");
    // Resolving the conflict: save on top of the server's version.
    expect((await saveItem(lead, id, { version: 2, statement: "Bob's text" })).version).toBe(3);
    const texts = await Promise.all([2, 3].map(async (v) => (await getRevision(author, id, v)).fields.statement));
    expect(texts).toEqual(["Alice's text", "Bob's text"]);
  });

  it("makes an unchanged save a no-op (no new version)", async () => {
    const { id } = await createItem(author, { seedId: (await makeSeed()).id });
    const item = await getItem(author, id);
    expect(await saveItem(author, id, { version: 1, statement: item.statement })).toEqual({ version: 1, status: "DRAFT", saved: false, fieldsHash: item.fieldsHash });
  });

  it("answers 403 to another annotator and lets a lead edit", async () => {
    const { id } = await createItem(author, { seedId: (await makeSeed()).id });
    const denied = await answer(saveItem(other, id, { version: 1, statement: "not mine" }));
    expect(denied.status).toBe(403);
    expect((await getItem(author, id)).version).toBe(1);
    expect((await saveItem(lead, id, { version: 1, description: "lead note" })).version).toBe(2);
  });

  it("answers 422 with field paths for oversize text, an invalid spec and mistyped test inputs", async () => {
    const { id } = await createItem(author, { seedId: (await makeSeed()).id });
    const oversize = await answer(saveItem(author, id, { version: 1, statement: "x".repeat(50_001) }));
    expect(oversize.status).toBe(422);
    expect(oversize.body.issues).toEqual([expect.objectContaining({ path: "statement", message: expect.stringContaining("at most 50,000") })]);

    const badSpec = { ...SPEC, functionName: "2fast", arguments: [SPEC.arguments[0], { ...SPEC.arguments[0] }] };
    const spec = await answer(saveItem(author, id, { version: 1, answerSpec: badSpec }));
    expect(spec.status).toBe(422);
    const paths = (spec.body.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(["answerSpec.arguments.1.name", "answerSpec.functionName"]);

    const tests = [{ inputs: { n: 1.5, omega: "fast", nope: 1 }, expected: 2, tolerance: { abs: 1e-6, rel: 1e-6 } }];
    const typed = await answer(saveItem(author, id, { version: 1, answerSpec: SPEC, testCases: tests }));
    expect(typed.status).toBe(422);
    expect((typed.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      "testCases.0.inputs.n", "testCases.0.inputs.nope", "testCases.0.inputs.omega",
    ]);
    expect((await getItem(author, id)).version).toBe(1);

    const ok = await saveItem(author, id, { version: 1, answerSpec: SPEC, testCases: [{ inputs: { n: 1, omega: 2 }, expected: 3, tolerance: { abs: 1e-6, rel: 1e-6 } }] });
    expect(ok.version).toBe(2);
    expect((await getItem(author, id)).answerSpec).toEqual(SPEC);
  });

  it("restores an old revision as a new version", async () => {
    const { id } = await createItem(author, { seedId: (await makeSeed()).id });
    await saveItem(author, id, { version: 1, statement: "first" });
    await saveItem(author, id, { version: 2, statement: "second" });
    const restored = await restoreRevision(author, id, 2, { version: 3 });
    expect(restored.version).toBe(4);
    expect((await getItem(author, id)).statement).toBe("first");
    expect((await listRevisions(author, id)).map((r) => r.version)).toEqual([4, 3, 2, 1]);
    expect((await answer(restoreRevision(author, id, 99, { version: 4 }))).status).toBe(404);
  });

  it("submits a complete draft, refuses an incomplete one and a second submit; an edit sends it back to DRAFT", async () => {
    const { id } = await createItem(author, { seedId: (await makeSeed()).id });
    const incomplete = await answer(submitItem(author, id, { version: 1 }));
    expect(incomplete.status).toBe(422);
    expect(String(incomplete.body.error)).toMatch(/blocking check/);
    await saveItem(author, id, { version: 1, ...GOOD_ITEM });
    const submitted = await submitItem(author, id, { version: 2 });
    expect(submitted).toMatchObject({ version: 3, status: "SUBMITTED" });
    expect((await getItem(author, id)).submittedAt).not.toBeNull();
    expect((await answer(submitItem(author, id, { version: 3 }))).status).toBe(409);
    // Saving a submitted item withdraws it from review, so a save must say it does: no client withdraws silently.
    const silent = await answer(saveItem(author, id, { version: 3, statement: "after submit" }));
    expect(silent.status).toBe(409);
    expect(silent.body).toMatchObject({ error: expect.stringContaining("withdraws it from review"), details: { withdrawRequired: true } });
    expect((await answer(restoreRevision(author, id, 1, { version: 3 }))).status).toBe(409);
    expect((await answer(saveItem(lead, id, { version: 3, statement: "lead's fix" }))).status).toBe(409);
    expect(await getItem(author, id)).toMatchObject({ version: 3, status: "SUBMITTED" });
    const edited = await saveItem(author, id, { version: 3, statement: "after submit", withdraw: true });
    expect(edited).toMatchObject({ version: 4, status: "DRAFT" });
    expect((await getItem(author, id)).submittedAt).toBeNull();
  }, 60_000);

  it("never loses an update under concurrent saves: exactly one of N writers of one version wins", async () => {
    const { id } = await createItem(author, { seedId: (await makeSeed()).id });
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => saveItem(lead, id, { version: 1, statement: `writer ${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const item = await getItem(author, id);
    expect(item.version).toBe(2);
    expect((await getRevision(author, id, 2)).fields.statement).toBe(item.statement);
  });

  it("lists an annotator's own items by default and everyone's on request", async () => {
    const mine = await createItem(other, { seedId: (await makeSeed()).id });
    const page = await listItems(other, {});
    expect(page.author).toBe("me");
    expect(page.items.every((i) => i.author.id === other.id)).toBe(true);
    expect(page.items.map((i) => i.id)).toContain(mine.id);
    const all = await listItems(other, { author: "all", limit: 100 });
    expect(all.items.some((i) => i.author.id === author.id)).toBe(true);
    // Keyset pagination visits every item exactly once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listItems(lead, { author: "all", limit: 3, cursor });
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await getDb().item.count());
  });
});

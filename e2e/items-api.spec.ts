// The items API over HTTP with real sessions: create, read, save with optimistic concurrency (409),
// another annotator (403), field errors (422), submit, and signed-out requests (401).
import { expect, test } from "@playwright/test";
import { createItemFromSeed, expectSignedIn, saveFields, signIn, storageStateFor, USERS } from "./support";
import { GOOD_ITEM } from "../tests/support/item-fixtures";

test.use({ storageState: storageStateFor("annotator") });

test("PUT /api/items/[id] saves with the current version and answers 409 with the server's copy when stale", async ({ page }) => {
  const id = await createItemFromSeed(page, "QED beta function");
  const item = await (await page.request.get(`/api/items/${id}`)).json();
  expect(item).toMatchObject({ id, version: 1, status: "DRAFT", canEdit: true });

  const saved = await page.request.put(`/api/items/${id}`, { data: { version: 1, description: "first" } });
  expect(saved.status()).toBe(200);
  expect(await saved.json()).toEqual({ version: 2, status: "DRAFT", saved: true, fieldsHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

  const stale = await page.request.put(`/api/items/${id}`, { data: { version: 1, description: "second" } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).details.current).toMatchObject({ version: 2, description: "first" });
});

test("PUT answers 422 with field paths and changes nothing", async ({ page }) => {
  const id = await createItemFromSeed(page, "QED beta function");
  const bad = await page.request.put(`/api/items/${id}`, {
    data: { version: 1, answerSpec: { functionName: "def", arguments: [], returns: { type: "matrix", description: "" } }, level: "EXPERT" },
  });
  expect(bad.status()).toBe(422);
  const paths = ((await bad.json()).issues as { path: string }[]).map((i) => i.path).sort();
  expect(paths).toEqual(["answerSpec.functionName", "answerSpec.returns.type", "level"]);
  expect((await (await page.request.get(`/api/items/${id}`)).json()).version).toBe(1);

  const notJson = await page.request.put(`/api/items/${id}`, { data: "{oops", headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(422);
});

test("another annotator gets 403 on save and submit; signed-out requests get 401", async ({ page, browser }) => {
  const id = await createItemFromSeed(page, "QED beta function");
  const ctx = await browser.newContext({ storageState: undefined });
  const other = await ctx.newPage();
  await signIn(other, USERS.annotator2);
  await expectSignedIn(other);
  expect((await other.request.put(`/api/items/${id}`, { data: { version: 1, description: "not mine" } })).status()).toBe(403);
  expect((await other.request.post(`/api/items/${id}/submit`, { data: { version: 1 } })).status()).toBe(403);
  expect((await other.request.get(`/api/items/${id}`)).status()).toBe(200); // everyone signed in reads
  await ctx.close();

  // Without any cookie (plain fetch from the test process).
  const base = test.info().project.use.baseURL!;
  expect((await fetch(`${base}/api/items/${id}`)).status).toBe(401);
  expect((await fetch(`${base}/api/items`, { method: "POST", body: JSON.stringify({ seedId: id }) })).status).toBe(401);
});

test("submit refuses an incomplete item with the failing checks, then moves a complete one to SUBMITTED", async ({ page }) => {
  const id = await createItemFromSeed(page, "QED beta function");
  const refused = await page.request.post(`/api/items/${id}/submit`, { data: { version: 1 } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).details.blockers.map((b: { check: string }) => b.check)).toContain("complete-fields");

  const version = await saveFields(page, id, 1, GOOD_ITEM);
  const checks = await page.request.post(`/api/items/${id}/checks`);
  expect(await checks.json()).toMatchObject({ version, passed: true, isolation: expect.stringMatching(/bwrap|rlimits/) });
  expect((await (await page.request.get(`/api/items/${id}/checks`)).json()).version).toBe(version);
  const expected = await page.request.post(`/api/items/${id}/expected`);
  expect((await expected.json()).outputs).toEqual([{ value: 0.5 }, { value: 3 }, { value: 1.75 }]);

  const submitted = await page.request.post(`/api/items/${id}/submit`, { data: { version } });
  expect(await submitted.json()).toMatchObject({ version: version + 1, status: "SUBMITTED" });
  expect((await page.request.post(`/api/items/${id}/submit`, { data: { version: version + 1 } })).status()).toBe(409);
  // A save that would withdraw the submitted item must say so.
  const silent = await page.request.put(`/api/items/${id}`, { data: { version: version + 1, topic: "QED" } });
  expect(silent.status()).toBe(409);
  expect(await silent.json()).toMatchObject({ error: expect.stringContaining('"withdraw": true'), details: { withdrawRequired: true } });
  const edited = await page.request.put(`/api/items/${id}`, { data: { version: version + 1, topic: "QED", withdraw: true } });
  expect(await edited.json()).toMatchObject({ version: version + 2, status: "DRAFT" });
});

test("POST /api/equivalence decides, explains, and validates its input", async ({ page }) => {
  const same = await page.request.post("/api/equivalence", { data: { gold: "\\frac{g^2}{16\\pi^2}", pred: "g^2/(4\\pi)^2" } });
  expect(same.status()).toBe(200);
  expect(await same.json()).toMatchObject({ equivalent: true, reason: expect.any(String), readAs: { gold: expect.any(String), pred: expect.any(String) } });
  const different = await (await page.request.post("/api/equivalence", { data: { gold: "x^2", pred: "x^3" } })).json();
  expect(different.equivalent).toBe(false);
  // Units are strict unless the caller says they may be left out; conventions are named; "cannot decide" is null.
  const bare = { gold: "m_W = 80.4\\,\\mathrm{GeV}", pred: "80.4" };
  expect(await (await page.request.post("/api/equivalence", { data: bare })).json()).toMatchObject({ equivalent: false, reason: "the unit GeV is missing" });
  expect(await (await page.request.post("/api/equivalence", { data: { ...bare, units: "optional" } })).json()).toMatchObject({ equivalent: true });
  const hl = await (await page.request.post("/api/equivalence", { data: { gold: "\\frac{e^2}{4\\pi}", pred: "\\alpha", conventions: ["natural-HL"] } })).json();
  expect(hl).toMatchObject({ equivalent: true, conventions: [expect.stringMatching(/^natural-HL/)] });
  const undecided = await page.request.post("/api/equivalence", { data: { gold: "\\int f(x)\\,dx", pred: "F(x)" } });
  expect(undecided.status()).toBe(200);
  expect(await undecided.json()).toMatchObject({ equivalent: null, reason: expect.stringMatching(/^cannot decide/) });
  // Past the checker's size caps a request is refused with the reason, at its field.
  const deep = await page.request.post("/api/equivalence", { data: { gold: `${"{".repeat(9000)}x${"}".repeat(9000)}`, pred: "x" } });
  expect(deep.status()).toBe(422);
  expect(await deep.text()).toMatch(/nested too deeply/);
  const big = `\\{${Array.from({ length: 2000 }, (_, i) => i).join(",")}\\}`;
  expect((await page.request.post("/api/equivalence", { data: { gold: big, pred: big } })).status()).toBe(422);
  expect((await page.request.post("/api/equivalence", { data: { gold: "x", pred: "x", conventions: ["planck"] } })).status()).toBe(422);
  expect((await page.request.post("/api/equivalence", { data: { gold: 1 } })).status()).toBe(422);
});

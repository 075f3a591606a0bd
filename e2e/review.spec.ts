// The lead's loop with two people at once: an annotator submits, a lead requests changes with a comment
// anchored to the statement, the annotator sees it, fixes and resubmits, the lead sees what changed and
// approves with the keyboard. Four eyes, rejecting with a reason, and claiming the next seed.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { GOOD_ITEM } from "../tests/support/item-fixtures";
import { createItemFromSeed, saveFields, storageStateFor, type DemoRole } from "./support";

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

/** A complete item by the page's user, with a statement no other test writes, submitted in the editor. */
async function submitInEditor(page: Page, seedTitle: string, tag: string): Promise<string> {
  const id = await createItemFromSeed(page, seedTitle);
  const statement = GOOD_ITEM.statement.replace("Determine the energy", `Determine (${tag}) the energy`);
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement });
  await page.goto(`/items/${id}`);
  await page.getByTestId("submit-item").click();
  await expect(page.getByTestId("item-status")).toHaveText("submitted");
  return id;
}

test("request changes with an anchored comment → the author fixes and resubmits → the lead approves with `a`", async ({ browser }) => {
  test.slow(); // many steps, each waiting on the server (and the sandbox): triple the time budget
  const tag = `loop-${Date.now()}`;
  const annotator = await pageAs(browser, "annotator");
  const lead = await pageAs(browser, "lead");
  const id = await submitInEditor(annotator, "Anomalous dimension at one loop", tag);

  // The lead finds it in the queue (with its check state) and opens it.
  await lead.goto("/review");
  const row = lead.getByTestId(`queue-row-${id}`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("check-state")).not.toHaveText("failing");
  await row.getByRole("link").first().click();
  await expect(lead).toHaveURL(new RegExp(`/review/${id}`));
  await expect(lead.getByTestId("item-statement").locator(".katex").first()).toBeVisible();
  await expect(lead.getByTestId("item-code")).toContainText("def energy");
  await expect(lead.getByTestId("review-diff")).toContainText("First review");

  // `c` opens the comment box; the comment is anchored to a passage of the statement.
  await lead.locator("body").click({ position: { x: 5, y: 5 } });
  await lead.keyboard.press("c");
  await expect(lead.getByTestId("decision-comment")).toBeFocused();
  await lead.keyboard.type("Name the energy as E_n.");
  await lead.locator("#decision-field").selectOption("statement");
  await lead.locator("#decision-quote").fill(`Determine (${tag}) the energy`);
  await lead.locator("#decision-suggestion").fill(`Determine (${tag}) the energy $E_n$`);
  await lead.getByTestId("send-decision").click();
  await expect(lead.getByTestId("decision-outcome")).toHaveText(/Changes requested/);
  await expect(lead.getByTestId("review-status")).toHaveText("changes requested");
  // A second comment, on a metadata field (posted through the API: the anchored comment above took the UI's path).
  expect((await lead.request.post(`/api/items/${id}/comments`, { data: { body: "Use the topic name of the syllabus.", field: "topic" } })).status()).toBe(201);

  // The author sees the badge and the item first in their queue, with the comment.
  await annotator.goto("/");
  await expect(annotator.getByTestId("badge-changes-requested")).toBeVisible();
  await expect(annotator.getByTestId("my-items").locator("li").first()).toContainText("changes requested");
  const thread = await (await annotator.request.get(`/api/items/${id}/comments`)).json();
  const anchored = thread.comments.find((c: { field: string | null }) => c.field === "statement");
  expect(anchored).toMatchObject({ body: "Name the energy as E_n.", quote: `Determine (${tag}) the energy` });

  // In the editor the comment sits beside the statement; the author applies the suggestion with one click.
  await annotator.goto(`/items/${id}`);
  await expect(annotator.getByTestId("changes-requested-note")).toContainText("2 comments beside the fields");
  // a comment on a metadata field shows under Metadata, with the field's name
  await expect(annotator.getByTestId("notes-topic")).toContainText("Use the topic name of the syllabus.");
  await expect(annotator.locator("#section-metadata")).toContainText("On Topic:");
  // the item's timeline tells the author what happened
  await expect(annotator.getByTestId("item-timeline")).toContainText(`requested changes on v`);
  await expect(annotator.getByTestId("item-timeline")).toContainText("commented on topic: Use the topic name of the syllabus.");
  const note = annotator.getByTestId("notes-statement").getByTestId("field-note");
  await expect(note).toContainText("Name the energy as E_n.");
  await expect(note).toContainText(`Determine (${tag}) the energy`);
  await note.getByTestId("apply-suggestion").click();
  await expect(note).toContainText("(applied)");
  await expect(annotator.getByTestId("field-statement")).toContainText("the energy $E_n$");
  await annotator.getByTestId("submit-item").click();
  await expect(annotator.getByTestId("item-status")).toHaveText("submitted");

  // The lead sees what changed since the request and approves with `a`.
  await lead.goto(`/review/${id}`);
  await expect(lead.getByTestId("review-diff").locator("ins")).toContainText("E_n");
  await lead.locator("body").click({ position: { x: 5, y: 5 } });
  await lead.keyboard.press("a");
  await expect(lead.getByTestId("decision-outcome")).toHaveText(/Approved/);
  await expect(lead.getByTestId("review-status")).toHaveText("approved");
  await expect(lead.getByTestId("timeline")).toContainText("approved v");
  // The author's editor says which version is approved and that editing starts a new one.
  await annotator.goto(`/items/${id}`);
  await expect(annotator.getByTestId("approved-note")).toContainText("saving starts version");
  await lead.context().close();
  await annotator.context().close();
});

test("a lead who edited the item last may not decide: the reason is shown and another reviewer decides", async ({ browser }) => {
  test.slow(); // many steps, each waiting on the server (and the sandbox): triple the time budget
  const tag = `foureyes-${Date.now()}`;
  const annotator = await pageAs(browser, "annotator");
  const lead = await pageAs(browser, "lead");
  const id = await createItemFromSeed(annotator, "Harmonic oscillator zero-point energy");
  await saveFields(annotator, id, 1, { ...GOOD_ITEM, statement: GOOD_ITEM.statement.replace("Determine", `Determine (${tag})`) });
  // The lead fixes the description and submits it themselves.
  const version = await saveFields(lead, id, 2, { description: "Harmonic oscillator levels (edited by the lead)." });
  expect((await lead.request.post(`/api/items/${id}/submit`, { data: { version } })).status()).toBe(200);

  await lead.goto("/review");
  await expect(lead.getByTestId(`queue-row-${id}`).getByTestId("edited-by-you")).toBeVisible();
  await lead.goto(`/review/${id}`);
  await expect(lead.getByTestId("decision-blocked")).toHaveText("You edited this item last: another reviewer must decide.");
  await expect(lead.getByTestId("approve")).toBeDisabled();

  const admin = await pageAs(browser, "admin");
  await admin.goto(`/review/${id}`);
  await admin.getByTestId("reject").click();
  await admin.getByTestId("decision-comment").fill("Duplicates an approved item.");
  await admin.getByTestId("send-decision").click();
  await expect(admin.getByTestId("review-status")).toHaveText("rejected");
  await expect(admin.getByTestId("not-submitted")).toContainText("rejected");
  await admin.getByTestId("reopen").click();
  await expect(admin.getByTestId("review-status")).toHaveText("draft");
  for (const p of [annotator, lead, admin]) await p.context().close();
});

test("an annotator claims the next seed from the home page; the seed is theirs", async ({ browser }) => {
  const annotator = await pageAs(browser, "annotator2");
  await annotator.goto("/");
  await annotator.getByTestId("claim-next").click();
  await expect(annotator).toHaveURL(/\/seeds\/[0-9a-f-]{36}$/);
  const seedId = annotator.url().split("/").pop();
  const seed = await (await annotator.request.get(`/api/seeds/${seedId}`)).json();
  expect(seed.seed.status).toBe("ASSIGNED");
  expect(seed.seed.assignee.name).toBe("Paul Annotator");
  await annotator.goto("/");
  await expect(annotator.getByTestId("my-seeds")).toContainText(seed.seed.title ?? seed.seed.location);
  await expect(annotator.getByTestId("badge-newly-assigned")).toBeVisible();
  await annotator.context().close();
});

test("a lead assigns seeds in bulk with shift-click and sees them assigned", async ({ browser }) => {
  const page = await pageAs(browser, "lead");
  const source = `bulk-${Date.now()}`;
  const yaml = [1, 2, 3, 4].map((n) => `problem:\n  type: problem\n  content: "Bulk problem ${n}: find $x_${n}$."\nsolution:\n  type: solution\n  content: "$x_${n} = ${n}$."\n`).join("---\n");
  const imported = await page.request.post("/api/imports", { multipart: { file: { name: "matched_pairs.yaml", mimeType: "application/yaml", buffer: Buffer.from(yaml) }, sourceId: source } });
  expect(imported.status(), await imported.text()).toBe(200);
  await page.goto(`/seeds?source=${source}`);
  const boxes = page.getByTestId("seed-table").locator("tbody input[type=checkbox]");
  await boxes.nth(0).click();
  await boxes.nth(2).click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("selection-count")).toHaveText("3 selected");
  // the boxes show it: the range is checked, the row past it is not
  for (const n of [0, 1, 2]) await expect(boxes.nth(n)).toBeChecked();
  await expect(boxes.nth(3)).not.toBeChecked();
  await page.getByLabel("Assign to").selectOption({ label: "Emmy Annotator (annotator)" });
  await page.getByTestId("assign").click();
  await expect(page.getByTestId("assign-message")).toHaveText("Assigned 3 seeds to Emmy Annotator.");
  await expect(page.getByTestId("seed-table").locator("tbody tr").filter({ hasText: "Emmy Annotator" })).toHaveCount(3);
  await page.context().close();
});

test("a lead reassigns every draft of a filter at once: select the page, then all N matching", async ({ browser }) => {
  const annotator = await pageAs(browser, "annotator");
  const lead = await pageAs(browser, "lead");
  // 26 drafts by the annotator from a source of this test's own: more than one page of /items
  const source = `handover-${Date.now()}`;
  const yaml = `problem:\n  type: problem\n  content: "Handover problem: find $y$."\nsolution:\n  type: solution\n  content: "$y = 1$."\n`;
  const imported = await lead.request.post("/api/imports", { multipart: { file: { name: "matched_pairs.yaml", mimeType: "application/yaml", buffer: Buffer.from(yaml) }, sourceId: source } });
  expect(imported.status(), await imported.text()).toBe(200);
  const seedId = (await (await lead.request.get(`/api/seeds?source=${source}`)).json()).seeds[0].id as string;
  const made: string[] = [];
  for (let i = 0; i < 26; i++) {
    const created = await annotator.request.post("/api/items", { data: { seedId } });
    expect(created.status()).toBe(201);
    made.push((await created.json()).id);
  }
  await lead.goto(`/items?author=all&source=${source}`);
  await lead.getByLabel("Select this page").check();
  const all = lead.getByTestId("select-all-matching");
  await expect(all).toHaveText("Select all 26 matching this filter");
  await all.click();
  await expect(lead.getByTestId("selection-count")).toHaveText("26 selected");
  await lead.getByLabel("Assign to").selectOption({ label: "Paul Annotator (annotator)" });
  await lead.getByTestId("assign").click();
  await expect(lead.getByTestId("assign-message")).toHaveText("Assigned 26 items to Paul Annotator.");
  // every one of them, also those past the first page; the author stays the author
  for (const id of [made[0], made[25]]) {
    expect(await (await lead.request.get(`/api/items/${id}`)).json()).toMatchObject({ assignee: { name: "Paul Annotator" }, author: { name: "Emmy Annotator" } });
  }
  await lead.context().close();
  await annotator.context().close();
});

test("keys move through the queue (keeping its filter), show their help and open the reject box; never while typing", async ({ browser }) => {
  test.slow(); // three submissions, each running the checks in the sandbox
  const topic = `Keys ${Date.now()}`;
  const annotator = await pageAs(browser, "annotator");
  const ids: string[] = [];
  for (const seedTitle of ["Yukawa potential", "Decay rate of a scalar"]) {
    const id = await createItemFromSeed(annotator, seedTitle);
    const version = await saveFields(annotator, id, 1, { ...GOOD_ITEM, topic, statement: GOOD_ITEM.statement.replace("Determine", `Determine (${topic}, ${seedTitle})`) });
    const submitted = await annotator.request.post(`/api/items/${id}/submit`, { data: { version } });
    expect(submitted.status(), await submitted.text()).toBe(200);
    ids.push(id);
  }
  const lead = await pageAs(browser, "lead");
  await lead.goto(`/review?topic=${encodeURIComponent(topic)}`);
  await expect(lead.locator("[data-testid^=queue-row-]")).toHaveCount(2);
  await lead.getByTestId(`queue-row-${ids[0]}`).getByRole("link").first().click();
  await expect(lead).toHaveURL(new RegExp(`/review/${ids[0]}\\?.*topic=`));
  await expect(lead.getByTestId("review-checks")).toContainText("Sandbox: bubblewrap.");

  // j: the next item of the filtered queue; k: back.
  await lead.locator("body").click({ position: { x: 5, y: 5 } });
  await lead.keyboard.press("j");
  await expect(lead).toHaveURL(new RegExp(`/review/${ids[1]}\\?.*topic=`));
  await expect(lead.getByTestId("next-item")).toHaveCount(0); // the last of the filter
  await lead.locator("body").click({ position: { x: 5, y: 5 } });
  await lead.keyboard.press("k");
  await expect(lead).toHaveURL(new RegExp(`/review/${ids[0]}\\?.*topic=`));

  // ?: the keys; x: the reject box, focused — and typing j, k, a or ? there writes them, nothing else happens.
  await lead.locator("body").click({ position: { x: 5, y: 5 } });
  await lead.keyboard.press("?");
  await expect(lead.getByTestId("review-keys")).toContainText("reject (write the reason)");
  await lead.keyboard.press("x");
  await expect(lead.getByTestId("decision-comment")).toBeFocused();
  await expect(lead.getByTestId("send-decision")).toHaveText("Reject the item");
  await lead.keyboard.type("jka?");
  await expect(lead.getByTestId("decision-comment")).toHaveValue("jka?");
  await expect(lead).toHaveURL(new RegExp(`/review/${ids[0]}`));
  await expect(lead.getByTestId("review-status")).toHaveText("submitted");
  await lead.context().close();
  await annotator.context().close();
});

test("a lead reassigns a draft to another annotator from the items list", async ({ browser }) => {
  const annotator = await pageAs(browser, "annotator");
  const id = await createItemFromSeed(annotator, "Compton scattering threshold");
  const lead = await pageAs(browser, "lead");
  await lead.goto("/items?author=all&status=DRAFT");
  const row = lead.getByTestId(`item-row-${id}`);
  await row.locator("input[type=checkbox]").click();
  await expect(lead.getByTestId("selection-count")).toHaveText("1 selected");
  await lead.getByLabel("Assign to").selectOption({ label: "Paul Annotator (annotator)" });
  await lead.getByTestId("assign").click();
  await expect(lead.getByTestId("assign-message")).toHaveText("Assigned 1 item to Paul Annotator.");
  await expect(row).toContainText("assigned to Paul Annotator");
  // Paul may now edit it; he finds it among his items.
  const paul = await pageAs(browser, "annotator2");
  const item = await (await paul.request.get(`/api/items/${id}`)).json();
  expect(item).toMatchObject({ assignee: { name: "Paul Annotator" }, canEdit: true });
  for (const p of [annotator, lead, paul]) await p.context().close();
});

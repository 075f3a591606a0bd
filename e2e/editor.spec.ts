// The adaptation editor, as an annotator uses it: adapt a seed, write with live preview, fill the answer
// spec and test cases, save, recover a local draft, resolve a conflict, restore a revision, submit.
import { expect, test, type Page } from "@playwright/test";
import { createItemFromSeed, expectSignedIn, fieldText, saveFields, signIn, storageStateFor, typeInField, USERS } from "./support";
import { GOOD_ITEM } from "../tests/support/item-fixtures";

test.use({ storageState: storageStateFor("annotator") });

test("adapting a seed opens the editor with the seed beside the new draft", async ({ page }) => {
  await page.goto("/seeds?q=Yukawa");
  await page.getByRole("link", { name: "Yukawa potential" }).click();
  await page.getByTestId("adapt-seed").click();
  await expect(page).toHaveURL(/\/items\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("seed-panel")).toContainText("Yukawa");
  await expect(page.getByTestId("editor-seed-problem").locator(".katex").first()).toBeVisible();
  await expect(page.getByTestId("item-version")).toHaveText("v1");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  // The draft starts from the seed's text, rendered in the live preview.
  await expect(page.getByTestId("preview-statement").locator(".katex").first()).toBeVisible();
  // The seed can be read as source too.
  await page.getByTestId("seed-source-toggle").click();
  await expect(page.getByTestId("editor-seed-problem-source")).toContainText("$V(r)$");
  // And the new item is in the annotator's list.
  await page.goto("/items");
  await expect(page.getByTestId("item-table")).toContainText("Yukawa");
});

test("typing LaTeX renders it live; a broken formula shows its error and keeps the last good render", async ({ page }) => {
  const id = await createItemFromSeed(page, "Harmonic oscillator zero-point energy");
  await page.goto(`/items/${id}`);
  await typeInField(page, "statement", "Find the energy $E_0 = \\frac{\\hbar\\omega}{2}$ of the ground state.");
  const preview = page.getByTestId("preview-statement");
  await expect(preview.locator(".katex .mfrac")).toBeVisible();
  await expect(preview).toHaveAttribute("data-stale", "false");

  await typeInField(page, "statement", "Find the energy $E_0 = \\frac{\\hbar\\omega}{2$ of the ground state.");
  const errors = page.getByTestId("preview-statement-errors");
  await expect(errors).toContainText("Line 1, column");
  await expect(preview).toHaveAttribute("data-stale", "true");
  await expect(preview.locator(".katex .mfrac")).toBeVisible(); // the previous render stays

  // An environment closed by another one is an error at the wrong \end, not text.
  await typeInField(page, "statement", "Find $E_0$.\n\\begin{align} x \\end{equation}");
  await expect(errors).toContainText("Line 2, column 17: \\end{equation} does not match \\begin{align}");

  // The final answer is math: typeset as display math without the author adding delimiters.
  await typeInField(page, "finalAnswer", "E_0=\\frac{\\hbar\\omega}{2}");
  await expect(page.getByTestId("preview-finalAnswer").locator(".katex-display .mfrac")).toBeVisible();
});

test("the answer spec renders its Python skeleton; test cases are typed per argument and saved", async ({ page }) => {
  const id = await createItemFromSeed(page, "Harmonic oscillator zero-point energy");
  await page.goto(`/items/${id}`);
  await page.getByTestId("spec-function-name").fill("energy_level");
  await page.getByTestId("spec-add-argument").click();
  await page.getByLabel("Argument 1 name").fill("n");
  await page.getByLabel("Argument 1 type").selectOption("int");
  await page.getByLabel("Argument 1 description").fill("Level index.");
  await page.getByLabel("Argument 1 minimum").fill("0");
  await page.getByTestId("spec-add-argument").click();
  await page.getByLabel("Argument 2 name").fill("omega");
  await page.getByLabel("Return description").fill("The energy in units of hbar.");
  const skeleton = page.getByTestId("spec-skeleton");
  await expect(skeleton).toContainText("def energy_level(n: int, omega: float) -> float:");
  await expect(skeleton).toContainText("n (int): Level index. Domain: n >= 0.");

  // A bad identifier is refused where it is typed.
  await page.getByLabel("Argument 2 name").fill("2pi");
  await expect(page.getByTestId("spec-arg-1")).toContainText("not starting with a digit");
  await page.getByLabel("Argument 2 name").fill("omega");

  await page.getByTestId("test-add-row").click();
  await page.getByLabel("Row 1 n").fill("1.5");
  await expect(page.getByTestId("test-row-0")).toContainText('"1.5" is not an integer.');
  await page.getByLabel("Row 1 n").fill("1");
  await page.getByLabel("Row 1 omega").fill("2");
  await page.getByLabel("Row 1 expected").fill("3");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await expect(page.getByTestId("item-version")).toHaveText("v2");

  await page.reload();
  await expect(page.getByTestId("spec-skeleton")).toContainText("def energy_level(n: int, omega: float) -> float:");
  await expect(page.getByLabel("Row 1 expected")).toHaveValue("3");
  await expect(page.getByTestId("local-draft-banner")).toHaveCount(0);
});

test("unsaved text survives a reload and is offered back", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await page.goto(`/items/${id}`);
  await typeInField(page, "solution", "Work kept only in this browser.");
  await page.reload(); // well before the 2 s autosave
  await expect(page.getByTestId("local-draft-banner")).toBeVisible();
  await page.getByTestId("local-draft-restore").click();
  await expect.poll(() => fieldText(page, "solution")).toBe("Work kept only in this browser.");
  await page.getByTestId("save-item").click();
  await expect(page.getByTestId("item-version")).toHaveText("v2");
  await page.reload();
  await expect(page.getByTestId("local-draft-banner")).toHaveCount(0);
  await expect.poll(() => fieldText(page, "solution")).toBe("Work kept only in this browser.");
});

test("a dropped connection keeps the work in the browser and saves it when the connection is back", async ({ page, context }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await page.goto(`/items/${id}`);
  await expect(page.getByTestId("item-version")).toHaveText("v1");
  await context.setOffline(true);
  await page.getByTestId("field-description").fill("Written while offline.");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-state")).toHaveText("Offline: kept in this browser");
  await context.setOffline(false);
  // Autosave retries on its own.
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
  await expect(page.getByTestId("item-version")).toHaveText("v2");
});

test("two editors of one item: the second save shows both versions and nothing is lost", async ({ page, browser }) => {
  const id = await createItemFromSeed(page, "Decay rate of a scalar");
  const other = await browser.newContext({ storageState: storageStateFor("annotator") });
  const second = await other.newPage();
  await page.goto(`/items/${id}`);
  await second.goto(`/items/${id}`);
  await expect(second.getByTestId("item-version")).toHaveText("v1");

  await page.getByTestId("field-description").fill("First editor's description.");
  await page.getByTestId("save-item").click();
  await expect(page.getByTestId("item-version")).toHaveText("v2");

  await second.getByTestId("field-description").fill("Second editor's description.");
  await second.getByTestId("save-item").click();
  const conflict = second.getByTestId("conflict-view");
  await expect(conflict).toBeVisible();
  await expect(second.getByTestId("conflict-description-mine-text")).toHaveValue("Second editor's description.");
  await expect(second.getByTestId("conflict-description-theirs-text")).toHaveValue("First editor's description.");
  await second.getByTestId("conflict-save").click(); // keeps "mine" by default
  await expect(conflict).toHaveCount(0);
  await expect(second.getByTestId("item-version")).toHaveText("v3");

  // Both texts survive: the current version and the one before it in history.
  await second.getByTestId("open-history").click();
  await second.getByTestId("revision-2").click();
  await expect(second.getByTestId("revision-diff-description").locator("del")).toHaveText("First");
  await expect(second.getByTestId("revision-diff-description").locator("ins")).toHaveText("Second");
  await other.close();
});

test("an old revision can be compared and restored as a new version", async ({ page }) => {
  const id = await createItemFromSeed(page, "Casimir energy in one dimension");
  await page.goto(`/items/${id}`);
  await page.getByTestId("field-description").fill("Version two text.");
  await page.getByTestId("save-item").click();
  await expect(page.getByTestId("item-version")).toHaveText("v2");
  await page.getByTestId("field-description").fill("Version three text.");
  await page.getByTestId("save-item").click();
  await expect(page.getByTestId("item-version")).toHaveText("v3");

  await page.getByTestId("open-history").click();
  // Saves of one editor minutes apart are one entry; each version stays reachable.
  await expect(page.getByTestId("revision-list").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("revision-list")).toContainText("Versions 1–3");
  await expect(page.getByTestId("revision-list")).toContainText("Draft · 3 saves");
  await page.getByTestId("revision-2").click();
  await expect(page.getByTestId("revision-diff-description").locator("del")).toContainText("two");
  await expect(page.getByTestId("revision-diff-description").locator("ins")).toContainText("three");
  await page.getByTestId("revision-restore").click();
  await expect(page.getByTestId("item-version")).toHaveText("v4");
  await expect(page.getByTestId("field-description")).toHaveValue("Version two text.");
});

test("submitting sends a complete item for review; keyboard help lists the shortcuts", async ({ page }) => {
  const id = await createItemFromSeed(page, "Anomalous dimension at one loop");
  await saveFields(page, id, 1, GOOD_ITEM);
  await page.goto(`/items/${id}`);
  await expect(page.getByTestId("item-version")).toHaveText("v2");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-help")).toContainText("Submit for review");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcut-help")).toHaveCount(0);

  await page.getByTestId("submit-item").click();
  await expect(page.getByTestId("item-status")).toHaveText("submitted");
  await expect(page.getByTestId("item-version")).toHaveText("v3");
  await expect(page.getByTestId("submit-item")).toHaveCount(0);
});

test("checks: a failing check shows at its field, compute expected fills the table, all green, submit", async ({ page }) => {
  const id = await createItemFromSeed(page, "Yukawa potential");
  const statement = "A particle of mass $m$ moves in the potential $V(x) = \\frac12 m\\omega^2 x^2$. Determine the energy of the level $n$.";
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement, testCases: GOOD_ITEM.testCases.map((tc) => ({ ...tc, expected: null })) });
  await page.goto(`/items/${id}`);
  await expect(page.getByTestId("item-version")).toHaveText("v2");

  await page.getByTestId("field-statement").locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("checks-statement")).toContainText("Conventions:");
  await expect(page.getByTestId("checks-testCases")).toContainText("no expected output");
  await expect(page.getByTestId("submit-reason")).toContainText("blocking check");
  await expect(page.getByTestId("submit-item")).toBeDisabled();

  await typeInField(page, "statement", `${statement}\n\nConventions: $\\hbar = 1$; levels are counted from $n = 0$.`);
  await page.getByTestId("compute-expected").click();
  await expect(page.getByLabel("Row 1 expected")).toHaveValue("0.5");
  await expect(page.getByLabel("Row 2 expected")).toHaveValue("3");
  await expect(page.getByLabel("Row 3 expected")).toHaveValue("1.75");

  await page.getByTestId("run-checks").click();
  await expect(page.getByTestId("checks-summary")).toContainText("All blocking checks pass");
  // Only the near-duplicate warning may remain at the statement (other tests wrote the same text).
  await expect(page.getByTestId("checks-statement").filter({ hasText: "Conventions" })).toHaveCount(0);
  await expect(page.getByTestId("submit-item")).toBeEnabled();
  await page.getByTestId("submit-item").click();
  await expect(page.getByTestId("item-status")).toHaveText("submitted");
});

test("another annotator's item opens read-only", async ({ page, browser }) => {
  const id = await createItemFromSeed(page, "Coherent state expectation");
  const ctx = await browser.newContext({ storageState: undefined });
  const other = await ctx.newPage();
  await signIn(other, USERS.annotator2);
  await expectSignedIn(other);
  await other.goto(`/items/${id}`);
  await expect(other.getByTestId("save-state")).toHaveText("Read only");
  await expect(other.getByTestId("save-item")).toHaveCount(0);
  await ctx.close();
});

test("the final answer shows how the checker reads it, and a red message when it cannot", async ({ page }) => {
  const id = await createItemFromSeed(page, "Yukawa potential");
  await page.goto(`/items/${id}`);
  await typeInField(page, "finalAnswer", "V(r) = -\\frac{g^2}{4\\pi r} e^{-m r}");
  const reading = page.getByTestId("final-answer-reading");
  await expect(reading).toHaveAttribute("data-ok", "true");
  await expect(reading).toContainText("Read as");
  await expect(reading.locator(".katex").first()).toBeVisible();
  await typeInField(page, "finalAnswer", "\\frac{g^2}{");
  await expect(reading).toHaveAttribute("data-ok", "false");
  await expect(reading).toContainText("The checker cannot use this answer");

  // A statement in natural units: the answer is read with e² = 4πα and ħ = c = 1, and the reading says so.
  await typeInField(page, "finalAnswer", "V(r) = -\\frac{e^2}{4\\pi r}");
  await expect(reading).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("final-answer-conventions")).toHaveCount(0);
  await typeInField(page, "statement", "Determine the potential between two charges. Conventions: natural units, $\\hbar = c = 1$.");
  await expect(page.getByTestId("final-answer-conventions")).toContainText("natural-HL");
  await expect(page.getByTestId("final-answer-conventions")).toContainText("e² = 4πα");
});

test("the final answer is checked against the code at every test input: a wrong formula is a warning at its field", async ({ page }) => {
  const id = await createItemFromSeed(page, "Yukawa potential");
  const statement = "A particle moves in $V(x) = \\frac12 m\\omega^2 x^2$. Determine the energy of level $n$.\n\nConventions: $\\hbar = 1$.";
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement });
  await page.goto(`/items/${id}`);
  await page.getByTestId("run-checks").click();
  await expect(page.getByTestId("checks-summary")).toContainText("All blocking checks pass");
  const check = page.getByTestId("check-results").locator('[data-check="final-answer-vs-code"]');
  await expect(check).toHaveAttribute("data-status", "pass");

  // The factor ½ dropped: the code and the formula now disagree, which shows at the final answer.
  await typeInField(page, "finalAnswer", "E_n = \\omega n");
  await page.getByTestId("run-checks").click();
  await expect(page.getByTestId("checks-finalAnswer")).toContainText("At test case 1 the final answer gives");
  await expect(check).toHaveAttribute("data-status", "fail");
  await expect(page.getByTestId("checks-summary")).toContainText(/\d warnings?/);
});

// ---- The annotator's day (issue 12) ----

const BROKEN_CODE = "def energy(n: int, omega: float) -> float\n    return omega * (n + 0.5)\n";
/** A statement of its own per test, so near-duplicate warnings of other tests' items stay out of the way. */
const statementFor = (tag: string) => `A particle of mass $m$ moves in $V(x) = \\frac12 m\\omega^2 x^2$ (${tag}). Determine the energy of level $n$.\n\nConventions: $\\hbar = 1$.`;
/** Slow every PUT of the item (an autosave in flight) by `ms`. */
async function slowSaves(page: Page, ms: number): Promise<void> {
  await page.route("**/api/items/*", async (route) => {
    if (route.request().method() === "PUT") await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
}

test("code with a syntax error: the checks of its outputs are 'not run', never passed, and block submitting", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement: statementFor("syntax error"), referenceCode: BROKEN_CODE });
  await page.goto(`/items/${id}`);
  await page.getByTestId("run-checks").click();
  const results = page.getByTestId("check-results");
  await expect(results.locator('[data-check="reference-runs"]')).toHaveAttribute("data-status", "fail");
  for (const check of ["output-types", "expected-matches", "tests-discriminate"]) {
    await expect(results.locator(`[data-check="${check}"]`)).toHaveAttribute("data-status", "not_run");
    await expect(results.locator(`[data-check="${check}"]`)).toContainText("Not run: the reference code did not run (SyntaxError");
  }
  await expect(page.getByTestId("checks-summary")).toContainText("3 blocking checks not run");
  await expect(page.getByTestId("submit-item")).toBeDisabled();
  await expect(page.getByTestId("submit-reason")).toContainText("Outputs have the declared type (blocking check not run): the reference code did not run");
});

test("a submit does not make the checks out of date: the run of the unchanged fields holds", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement: statementFor("submit keeps checks") });
  await page.goto(`/items/${id}`);
  await page.getByTestId("run-checks").click();
  await expect(page.getByTestId("checks-summary")).toContainText("All blocking checks pass");
  await page.getByTestId("submit-item").click();
  await expect(page.getByTestId("item-version")).toHaveText("v3");
  await expect(page.getByTestId("checks-summary")).toContainText("version 2 (same fields as version 3)");
  await expect(page.getByTestId("checks-summary")).not.toContainText("out of date");
  await page.reload();
  await expect(page.getByTestId("checks-summary")).toContainText("All blocking checks pass");
  await expect(page.getByTestId("checks-summary")).not.toContainText("out of date");
});

test("Ctrl+Enter during a slow autosave waits for it, saves what was typed meanwhile, then checks that version", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement: statementFor("slow save") });
  await page.goto(`/items/${id}`);
  await expect(page.getByTestId("item-version")).toHaveText("v2");
  await slowSaves(page, 1500);
  const description = page.getByTestId("field-description");
  await description.fill("First sentence.");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-state")).toHaveText("Saving…");
  await description.fill("First sentence. Typed during the save.");
  await page.keyboard.press("ControlOrMeta+Enter");
  // The save in flight (v3), then the text typed meanwhile (v4), then the checks, on v4.
  await expect(page.getByTestId("checks-summary")).toContainText("version 4", { timeout: 20_000 });
  await expect(page.getByTestId("item-version")).toHaveText("v4");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await page.reload();
  await expect(page.getByTestId("field-description")).toHaveValue("First sentence. Typed during the save.");
});

test("Submit and Compute expected pressed during a slow autosave wait for it and act on what was typed", async ({ page }) => {
  const id = await createItemFromSeed(page, "Yukawa potential");
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement: statementFor("slow save, then submit"), testCases: GOOD_ITEM.testCases.map((tc) => ({ ...tc, expected: null })) });
  await page.goto(`/items/${id}`);
  await expect(page.getByTestId("item-version")).toHaveText("v2");
  await slowSaves(page, 1500);
  const description = page.getByTestId("field-description");
  // Compute expected during a save: the save lands, the text typed meanwhile is saved, then the code runs.
  await description.fill("Harmonic oscillator levels.");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-state")).toHaveText("Saving…");
  await description.fill("Harmonic oscillator levels, typed during the save.");
  await page.getByTestId("compute-expected").click();
  await expect(page.getByLabel("Row 1 expected")).toHaveValue("0.5", { timeout: 20_000 });
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 20_000 });
  // Submit during a save: it waits, saves the newest text, and submits that version.
  await description.fill("Harmonic oscillator spectrum.");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-state")).toHaveText("Saving…");
  await description.fill("Harmonic oscillator spectrum, as a function of level and frequency.");
  await page.getByTestId("submit-item").click();
  await expect(page.getByTestId("item-status")).toHaveText("submitted", { timeout: 30_000 });
  const item = await (await page.request.get(`/api/items/${id}`)).json();
  expect(item).toMatchObject({ status: "SUBMITTED", description: "Harmonic oscillator spectrum, as a function of level and frequency." });
  expect(item.testCases.map((tc: { expected: unknown }) => tc.expected)).toEqual(GOOD_ITEM.testCases.map((tc) => tc.expected));
});

test("text typed while Compute expected runs survives, and the expected values appear", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement: statementFor("compute while typing"), testCases: GOOD_ITEM.testCases.map((tc) => ({ ...tc, expected: null })) });
  await page.goto(`/items/${id}`);
  await page.route("**/api/items/*/expected", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByTestId("compute-expected").click();
  await expect(page.getByTestId("compute-expected")).toHaveText("Computing…");
  await page.getByTestId("field-description").fill("Typed while the code ran.");
  await expect(page.getByLabel("Row 1 expected")).toHaveValue("0.5");
  await expect(page.getByLabel("Row 3 expected")).toHaveValue("1.75");
  await expect(page.getByTestId("field-description")).toHaveValue("Typed while the code ran.");
  await expect(page.getByTestId("editor-notice")).toContainText("Expected outputs filled in for 3 cases");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
  await page.reload();
  await expect(page.getByTestId("field-description")).toHaveValue("Typed while the code ran.");
  await expect(page.getByLabel("Row 2 expected")).toHaveValue("3");
});

test("an over-long field is refused in the browser at the top of the field, its preview capped, and nothing is sent", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  let puts = 0;
  page.on("request", (r) => {
    if (r.method() === "PUT" && r.url().endsWith(`/api/items/${id}`)) puts++;
  });
  await page.clock.install();
  await page.goto(`/items/${id}`);
  await typeInField(page, "statement", "Determine $x$. ".repeat(14_000)); // 210,000 characters
  const errors = page.getByTestId("errors-statement");
  await expect(errors).toContainText("Too long: at most 50,000 characters. This text has 210,000");
  await expect(page.getByTestId("save-state")).toHaveText("Not saved: fix the marked fields");
  await expect(page.getByTestId("preview-statement-capped")).toContainText("of 210,000 characters");
  // The message is where the author looks: above the field, not under its preview.
  expect((await errors.boundingBox())!.y).toBeLessThan((await page.getByTestId("field-statement").boundingBox())!.y);
  await page.clock.runFor(30_000); // many autosave intervals
  expect(puts).toBe(0);
  await typeInField(page, "statement", "Determine $x$.\n\nConventions: none.");
  await page.clock.runFor(3_000);
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  expect(puts).toBe(1);
});

test("a save the server refuses (422) is not sent again until the text changes", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  const sent: string[] = [];
  await page.route(`**/api/items/${id}`, async (route) => {
    if (route.request().method() !== "PUT") return route.continue();
    const body = route.request().postDataJSON() as { description?: string };
    sent.push(body.description ?? "");
    if (body.description === "Refused text.") {
      return route.fulfill({ status: 422, json: { error: "Invalid input.", issues: [{ path: "description", message: "The server refused this description." }] } });
    }
    return route.continue();
  });
  await page.clock.install();
  await page.goto(`/items/${id}`);
  await page.getByTestId("field-description").fill("Refused text.");
  await page.clock.runFor(3_000);
  await expect(page.getByTestId("save-state")).toHaveText("Not saved: the server refused it");
  await expect(page.getByTestId("errors-description")).toContainText("The server refused this description.");
  await page.clock.runFor(30_000);
  await page.getByTestId("field-description").fill("Accepted text.");
  await page.clock.runFor(3_000);
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  expect(sent).toEqual(["Refused text.", "Accepted text."]);
});

test("a refused submit says what was refused and why, and the fields stay saved", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  const stale = GOOD_ITEM.testCases.map((tc) => ({ ...tc, expected: 9 }));
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement: statementFor("refused submit"), testCases: stale });
  await page.goto(`/items/${id}`);
  await page.getByTestId("submit-item").click();
  const notice = page.getByTestId("editor-notice");
  await expect(notice).toHaveAttribute("data-tone", "error");
  await expect(notice).toContainText("Not submitted: 3 blocking check results fail on the saved version (your changes are saved).");
  await expect(notice).toContainText("Test case 1: the code now gives");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await expect(page.getByTestId("item-status")).toHaveText("draft");
});

test("numbers as physicists write them: pi in a domain bound, pi/2 in a cell, kept as typed and stored as numbers", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await page.goto(`/items/${id}`);
  await page.getByTestId("spec-function-name").fill("scattered_energy");
  await page.getByTestId("spec-add-argument").click();
  await page.getByLabel("Argument 1 name").fill("theta");
  await page.getByLabel("Argument 1 description").fill("Scattering angle in radians");
  await page.getByLabel("Argument 1 minimum").fill("0");
  await page.getByLabel("Argument 1 maximum").fill("pi");
  await expect(page.getByTestId("spec-skeleton")).toContainText("theta (float): Scattering angle in radians. Domain: 0 <= theta <= pi.");
  // A bound that is not a number is never dropped silently.
  await page.getByLabel("Argument 1 maximum").fill("pi/");
  await expect(page.getByTestId("spec-arg-0")).toContainText("“pi/” is not a number: the expression ends too early.");
  await expect(page.getByTestId("save-state")).toHaveText("Not saved: fix the marked fields");
  await page.getByLabel("Argument 1 maximum").fill("pi");

  await page.getByTestId("test-add-row").click();
  await page.getByLabel("Row 1 theta").fill("pi/2");
  await expect(page.getByTestId("test-row-0")).toContainText("= 1.5707963");
  await page.getByLabel("Row 1 expected").fill("sqrt(2)/2");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");

  await page.reload();
  await expect(page.getByLabel("Row 1 theta")).toHaveValue("pi/2");
  await expect(page.getByLabel("Row 1 expected")).toHaveValue("sqrt(2)/2");
  await expect(page.getByLabel("Argument 1 maximum")).toHaveValue("pi");
  const stored = await (await page.request.get(`/api/items/${id}`)).json();
  expect(stored.answerSpec.arguments[0]).toMatchObject({ min: 0, max: Math.PI });
  expect(stored.testCases[0]).toMatchObject({ inputs: { theta: Math.PI / 2 }, expected: Math.SQRT2 / 2 });
});

test("required fields are marked before any check runs, counted beside Submit, and all listed", async ({ page }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await page.goto(`/items/${id}`);
  await expect(page.getByTestId("checks-summary")).toHaveText("Not run yet.");
  for (const field of ["description", "finalAnswer", "referenceCode", "answerSpec", "topic", "level", "difficulty"]) {
    await expect(page.getByTestId(`missing-${field}`)).toBeVisible();
  }
  const count = page.getByTestId("missing-count");
  await expect(count).toHaveText(/^\d+ required fields missing$/);
  const before = Number((await count.textContent())!.split(" ")[0]);
  await expect(page.getByTestId("submit-item")).toBeDisabled();
  const reason = page.getByTestId("submit-reason");
  for (const text of ["Description is empty", "Final answer is empty", "Reference code is empty", "Topic is empty", "Level is not set", "Difficulty is not set", "no function name"]) {
    await expect(reason).toContainText(text);
  }
  await page.getByTestId("field-description").fill("Compton shift for a photon on an electron at rest.");
  await expect(page.getByTestId("missing-description")).toHaveCount(0);
  await expect(count).toHaveText(`${before - 1} required fields missing`);
  await page.getByLabel("Level").selectOption({ label: "Advanced undergraduate" });
  await expect(page.getByTestId("missing-level")).toHaveCount(0);
});

test("after submit: a confirmation, then read-only until editing is confirmed to withdraw it; a lead is asked the same", async ({ page, browser }) => {
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await saveFields(page, id, 1, { ...GOOD_ITEM, statement: statementFor("withdraw") });
  await page.goto(`/items/${id}`);
  await page.getByTestId("submit-item").click();
  await expect(page.getByTestId("editor-notice")).toContainText("Submitted for review.");
  await expect(page.getByTestId("submitted-banner")).toContainText("Submitted for review — editing will withdraw it.");
  await expect(page.getByTestId("field-description")).toBeDisabled();
  await expect(page.getByTestId("field-statement").locator(".cm-content")).toHaveAttribute("contenteditable", "false");

  // A lead who opens it is asked too, and nothing changes until they confirm.
  const leadContext = await browser.newContext({ storageState: storageStateFor("lead") });
  const lead = await leadContext.newPage();
  await lead.goto(`/items/${id}`);
  await expect(lead.getByTestId("submitted-banner")).toBeVisible();
  await expect(lead.getByTestId("field-description")).toBeDisabled();
  await leadContext.close();

  await page.getByTestId("withdraw-edit").click();
  await expect(page.getByTestId("withdraw-dialog")).toContainText("Withdraw this item from review?");
  await page.getByTestId("withdraw-cancel").click();
  await expect(page.getByTestId("field-description")).toBeDisabled();
  await page.getByTestId("withdraw-edit").click();
  await page.getByTestId("withdraw-confirm").click();
  await expect(page.getByTestId("submitted-banner")).toHaveCount(0);
  await page.getByTestId("field-description").fill("Edited after submitting.");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("item-status")).toHaveText("draft");
  await expect(page.getByTestId("item-version")).toHaveText("v4");
});

test("small things: 4-space Python indentation, the favicon, the empty table's minimum for no arguments", async ({ page }) => {
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);
  const id = await createItemFromSeed(page, "Compton scattering threshold");
  await page.goto(`/items/${id}`);
  await expect(page.getByTestId("test-cases-empty")).toContainText("needs 1");
  await page.getByTestId("spec-add-argument").click();
  await expect(page.getByTestId("test-cases-empty")).toContainText("at least 3");
  await page.getByTestId("field-referenceCode").locator(".cm-content").click();
  await page.keyboard.type("def f():");
  await page.keyboard.press("Enter");
  await page.keyboard.type("return 1");
  await expect.poll(() => fieldText(page, "referenceCode")).toBe("def f():\n    return 1");
});

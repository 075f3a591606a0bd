// The adaptation editor, as an annotator uses it: adapt a seed, write with live preview, fill the answer
// spec and test cases, save, recover a local draft, resolve a conflict, restore a revision, submit.
import { expect, test } from "@playwright/test";
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
  await expect(page.getByTestId("submit-item")).toBeDisabled();
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

// Browsing seeds: list, filters, rendered LaTeX with the source's macros, and an inline LaTeX error.
import { expect, test } from "@playwright/test";
import { createItemFromSeed, storageStateFor } from "./support";

test.use({ storageState: storageStateFor("annotator") });

test("the seed list shows the demo problems and filters by text", async ({ page }) => {
  await page.goto("/seeds?source=fieldwork-demo-qft"); // other tests import more seeds from other sources
  const rows = page.getByTestId("seed-table").locator("tbody tr");
  await expect(rows).toHaveCount(11);
  await page.getByLabel("Search").fill("Casimir");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=Casimir/);
  await expect(page).toHaveURL(/source=fieldwork-demo-qft/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Casimir energy in one dimension");
  // The excerpt is typeset math, not LaTeX source: MathML, which the browser lays out (a fraction has height).
  const formula = rows.first().locator(".latex-excerpt .katex math").first();
  await expect(formula).toBeVisible();
  expect((await formula.boundingBox())!.width).toBeGreaterThan(5);
  await expect(rows.first().locator(".latex-excerpt .katex-html")).toHaveCount(0);
  await expect(rows.first()).not.toContainText("$");
});

test("items are named by their seed's title and show a typeset excerpt; home counts lead to the filtered lists", async ({ page, browser }) => {
  const id = await createItemFromSeed(page, "Casimir energy in one dimension");
  await page.goto("/items");
  const row = page.getByTestId(`item-row-${id}`);
  await expect(row.getByRole("link", { name: "Casimir energy in one dimension" })).toBeVisible();
  await expect(row.locator(".latex-excerpt .katex math").first()).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("my-seeds")).toContainText("Casimir energy in one dimension");

  const lead = await (await browser.newContext({ storageState: storageStateFor("lead") })).newPage();
  await lead.goto("/");
  await lead.getByTestId("seed-counts").getByRole("link", { name: "new" }).first().click();
  await expect(lead).toHaveURL(/\/seeds\?status=NEW$/);
  await expect(lead.getByTestId("seed-table").locator("tbody tr").first()).toContainText("new");
  await lead.context().close();
});

test("a seed page renders its problem and solution as math, with the source's macros", async ({ page }) => {
  await page.goto("/seeds?source=fieldwork-demo-qft"); // newer seeds (imports, the demo's review history) come first
  await page.getByRole("link", { name: "Trace of gamma matrices" }).click();
  const problem = page.getByTestId("seed-problem");
  await expect(problem.locator(".katex").first()).toBeVisible();
  await expect(problem.locator(".latex-error")).toHaveCount(0); // \Tr and \slashed come from the source's macros
  await expect(page.getByTestId("seed-solution").locator(".katex-display")).toBeVisible();
});

test("the broken seed shows the LaTeX error in place, with its source, and the rest still renders", async ({ page }) => {
  await page.goto("/seeds?q=broken");
  await page.getByRole("link", { name: "Propagator pole (broken LaTeX)" }).click();
  const problem = page.getByTestId("seed-problem");
  const error = problem.locator(".latex-error");
  await expect(error).toHaveCount(1);
  await expect(error).toContainText("line 2");
  await expect(error.locator(".latex-error-source")).toContainText("\\frac{i}{p^2 - m^2 + i\\epsilon");
  await expect(problem.locator(".katex").first()).toBeVisible();
  await expect(page.getByTestId("seed-solution").locator(".katex")).toBeVisible();
});

// Importing seeds as an admin does: upload, preview (with one located error), import, find the seeds
// rendered with math; uploading the same file again finds only duplicates.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support";

test.use({ storageState: storageStateFor("admin") });

const YAML = [
  "problem:",
  "  type: problem",
  '  content: "A photon of energy $E$ scatters off an electron at rest. Determine the Compton shift $\\\\Delta\\\\lambda$ at angle $\\\\theta$."',
  "solution:",
  "  type: solution",
  '  content: "$\\\\Delta\\\\lambda = \\\\frac{h}{m_e c}(1 - \\\\cos\\\\theta)$"',
  "---",
  "problem: {content: [unterminated",
  "---",
  "problem:",
  '  content: "Find the de Broglie wavelength $\\\\lambda = h/p$ of a proton with momentum $p$."',
].join("\n");

test("an admin uploads a YAML file, previews, imports, and finds the seeds rendered; re-upload is all duplicates", async ({ page }) => {
  const source = `e2e-${randomUUID().slice(0, 8)}`;
  await page.goto("/imports");
  await page.getByTestId("new-import").click();
  await expect(page).toHaveURL(/\/imports\/new$/);
  const upload = { name: "matched_pairs.yaml", mimeType: "application/x-yaml", buffer: Buffer.from(YAML) };
  await page.getByTestId("import-file").setInputFiles(upload);
  await page.getByTestId("import-source-id").fill(source);
  await page.getByTestId("import-preview").click();

  await expect(page.getByTestId("import-created")).toHaveText("2");
  await expect(page.getByTestId("import-duplicates")).toHaveText("0");
  const errors = page.getByTestId("import-errors").locator("tbody tr");
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toContainText("matched_pairs.yaml");
  await expect(errors.first()).toContainText("doc 2");
  await expect(page.getByTestId("import-seed-0").locator(".katex").first()).toBeVisible();

  await page.getByTestId("import-commit").click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("batch-created")).toHaveText("2");
  await page.getByTestId("batch-seeds").click();
  const rows = page.getByTestId("seed-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(source);
  await rows.filter({ hasText: "Compton" }).getByRole("link").first().click();
  await expect(page.getByTestId("seed-problem").locator(".katex").first()).toBeVisible();
  await expect(page.getByTestId("seed-solution").locator(".katex .mfrac")).toBeVisible();

  // The same file again: nothing new.
  await page.goto("/imports/new");
  await page.getByTestId("import-file").setInputFiles(upload);
  await page.getByTestId("import-source-id").fill(source);
  await page.getByTestId("import-preview").click();
  await expect(page.getByTestId("import-created")).toHaveText("0");
  await expect(page.getByTestId("import-duplicates")).toHaveText("2");
  await expect(page.getByTestId("import-commit")).toBeDisabled();
});

test("an annotator may not import", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("annotator") });
  const page = await context.newPage();
  await page.goto("/imports/new");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  const response = await page.request.post("/api/imports", { data: { arxivId: "2101.00001" } });
  expect(response.status()).toBe(403);
  await context.close();
});

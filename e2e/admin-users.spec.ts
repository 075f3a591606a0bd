// An admin manages accounts in the browser: create, change role, deactivate (and the account stops working).
import { expect, test } from "@playwright/test";
import { signIn, storageStateFor } from "./support";

test.use({ storageState: storageStateFor("admin") });

test("create a user, promote them, deactivate them", async ({ page, browser }) => {
  const email = `new-${Date.now()}@fieldwork.local`;
  await page.goto("/admin/users");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Nora New");
  await page.getByLabel("Initial password").fill("a fine long password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toHaveText(`Created ${email}.`);

  const row = page.getByTestId(`user-${email}`);
  await expect(row).toContainText("Nora New");
  await row.getByLabel(`Role of ${email}`).selectOption("LEAD");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText(`Updated ${email}.`);

  // The new lead can sign in and sees the lead home page.
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const otherPage = await other.newPage();
  await signIn(otherPage, email, "a fine long password");
  await expect(otherPage.getByTestId("current-user")).toContainText("lead");

  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("deactivated");

  // Deactivation applies at once, even to an existing session.
  await otherPage.goto("/seeds");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});

test("bad input gets a clear message and creates nothing", async ({ page }) => {
  await page.goto("/admin/users");
  await page.getByLabel("Email").fill("admin@fieldwork.local");
  await page.getByLabel("Initial password").fill("a fine long password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("action-message")).toHaveText("A user with email admin@fieldwork.local already exists.");
  await expect(page.getByTestId("user-table").getByText("admin@fieldwork.local")).toHaveCount(1);

  await page.getByLabel("Email").fill("someone-else@fieldwork.local");
  await page.getByLabel("Initial password").fill("short");
  // The browser's own minLength check is bypassed to exercise the server's validation.
  await page.getByLabel("Initial password").evaluate((el) => el.removeAttribute("minlength"));
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("action-message")).toHaveText(/at least 10 characters/);
  await expect(page.getByTestId("user-table").getByText("someone-else@fieldwork.local")).toHaveCount(0);
});

// Signing in and out as a person does, including the errors they can meet.
import { expect, test } from "@playwright/test";
import { expectSignedIn, signIn, storageStateFor, USERS } from "./support";

test("a wrong password shows an error and keeps the visitor on the sign-in page", async ({ page }) => {
  await signIn(page, USERS.lead, "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("sign in returns to the page asked for; sign out ends the session", async ({ page }) => {
  await page.goto("/seeds");
  await page.getByLabel("Email").fill(USERS.annotator);
  await page.getByLabel("Password").fill("e2e-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/seeds$/);
  await expectSignedIn(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("too many failures lock the account for this address with a clear message", async ({ page, browser }) => {
  // An account of its own: other tests sign in as the demo users from this same address, in the same run.
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const email = `lockout-${Date.now()}@fieldwork.local`;
  const created = await admin.request.post("/api/users", { data: { email, role: "ANNOTATOR", password: "lockout-password" } });
  expect(created.status(), await created.text()).toBe(201);
  await admin.close();
  for (let i = 0; i < 10; i++) {
    await signIn(page, email, `wrong-${i}`);
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  }
  await signIn(page, email, "lockout-password");
  await expect(page.getByTestId("login-error")).toHaveText(/Too many sign-in attempts/);
});

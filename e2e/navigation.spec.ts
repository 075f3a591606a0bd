// Each role sees the navigation it may use, and is refused what it may not (page and API).
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support";

const EXPECTED_NAV = {
  admin: ["Home", "Seeds", "Items", "Review", "Dashboard", "Imports", "Releases", "Users", "Tokens"],
  lead: ["Home", "Seeds", "Items", "Review", "Dashboard", "Imports", "Releases", "Tokens"],
  annotator: ["Home", "Seeds", "Items", "Tokens"],
} as const;

for (const [role, links] of Object.entries(EXPECTED_NAV)) {
  test.describe(`${role} navigation`, () => {
    test.use({ storageState: storageStateFor(role as keyof typeof EXPECTED_NAV) });

    test(`shows ${links.join(", ")}`, async ({ page }) => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link")).toHaveText([...links]);
      await expect(page.getByTestId("current-user")).toContainText(role);
    });
  });
}

test.describe("role-specific home pages", () => {
  test("a lead sees counts by status", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("lead") });
    const page = await context.newPage();
    await page.goto("/");
    const counts = page.getByTestId("seed-counts");
    await expect(counts).toContainText("new");
    // Every demo seed is counted once, whatever status other tests moved it to (imports may add more).
    const numbers = await counts.locator("td:last-child").allInnerTexts();
    expect(numbers.reduce((sum, n) => sum + Number(n), 0)).toBeGreaterThanOrEqual(11);
    await context.close();
  });

  test("an admin sees users and sources", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("admin") });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByTestId("user-counts")).toBeVisible();
    await expect(page.getByRole("link", { name: "fieldwork-demo-qft" })).toBeVisible();
    await context.close();
  });
});

test.describe("an annotator is refused user management", () => {
  test.use({ storageState: storageStateFor("annotator") });

  test("on the page and over the API", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page.getByTestId("forbidden")).toHaveText(/do not have access/);
    await expect(page.getByTestId("user-table")).toHaveCount(0);

    const list = await page.request.get("/api/users");
    expect(list.status()).toBe(403);
    const create = await page.request.post("/api/users", { data: { email: "sneaky@x.local", role: "ADMIN", password: "0123456789ab" } });
    expect(create.status()).toBe(403);
  });
});

test.describe("an annotator is refused the review queue", () => {
  test.use({ storageState: storageStateFor("annotator") });

  test("on the page and over the API", async ({ page }) => {
    await page.goto("/review");
    await expect(page.getByTestId("forbidden")).toHaveText(/do not have access to the review queue/);
    await expect(page.getByTestId("review-queue")).toHaveCount(0);
    expect((await page.request.get("/api/review/queue")).status()).toBe(403);
  });
});

test("the signed-out are sent to /login, and the API answers 401", async ({ page }) => {
  await page.goto("/seeds");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fseeds/);
  expect((await page.request.get("/api/seeds")).status()).toBe(401);
});

// The lead dashboard in the browser: a chart (SVG) per panel, a chart switched to its table with the numbers
// of the demo's review history, the date range kept in the URL, a CSV download, dark mode; annotators are
// refused the dashboard (page and API) and see their own numbers on their home page instead.
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support";

const PANELS = ["funnel", "throughput", "quality", "turnaround", "people", "coverage"];
// The demo's history source: no other test touches it, so its numbers are known (lib/demo/demo-history.ts).
const HISTORY = "fieldwork-demo-history";

test.describe("a lead's dashboard", () => {
  test.use({ storageState: storageStateFor("lead") });

  test("shows a chart per panel, a chart's numbers as a table, and keeps the date range in the URL", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    for (const panel of PANELS) {
      await expect(page.getByTestId(`panel-${panel}`).locator("svg.recharts-surface").first(), panel).toBeVisible();
    }

    await page.getByTestId("source-select").selectOption(HISTORY);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`source=${HISTORY}`));
    const coverage = page.getByTestId("chart-coverage");
    await coverage.getByTestId("toggle-coverage").click();
    await expect(coverage.getByTestId("toggle-coverage")).toHaveAttribute("aria-pressed", "true");
    const row = coverage.getByTestId("table-coverage").locator("tbody tr");
    await expect(row).toHaveCount(1);
    await expect(row.locator("td")).toHaveText([HISTORY, /review history/, "16", "16", "9", "56 %"]);

    const rounds = page.getByTestId("chart-rounds");
    await rounds.getByTestId("toggle-rounds").click();
    await expect(rounds.getByTestId("table-rounds").locator("tbody tr")).toHaveText([/^0\s*6$/, /^1\s*2$/, /^2\s*1$/, /^3\+\s*0$/]);

    await page.getByTestId("range-select").selectOption("7");
    await expect(page).toHaveURL(/days=7/);
    await expect(page).toHaveURL(new RegExp(`source=${HISTORY}`));
    const today = new Date().toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
    await expect(page.getByTestId("dashboard-range")).toContainText(`${weekAgo} to ${today}`);
    // Nothing was approved in the history's last week: the empty state says what to do.
    await expect(page.getByTestId("empty-rounds")).toHaveText(/No approvals in this range — widen the dates/);
  });

  test("downloads a chart's numbers as CSV", async ({ page }) => {
    await page.goto(`/dashboard?days=30&source=${HISTORY}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-coverage").click()]);
    expect(download.suggestedFilename()).toMatch(/^fieldwork-coverage-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    expect(text.split("\r\n")[0]).toBe("Source,Title,Imported,Adapted,Approved,Approved of imported");
    expect(text.split("\r\n")[1]).toMatch(new RegExp(`^${HISTORY},.*,16,16,9,0\\.5625$`));
  });

  test("draws in dark mode with the dark axis colours", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`/dashboard?source=${HISTORY}`);
    const tick = page.getByTestId("chart-coverage").locator(".recharts-cartesian-axis-tick-value").first();
    await expect(tick).toBeVisible();
    expect(await tick.evaluate((el) => getComputedStyle(el).fill)).toBe("rgb(168, 162, 158)");
  });

  test("answers the same numbers over the API", async ({ page }) => {
    const response = await page.request.get(`/api/dashboard?days=30&source=${HISTORY}`);
    expect(response.status()).toBe(200);
    const data = await response.json();
    expect(data.funnel.items).toEqual({ DRAFT: 0, SUBMITTED: 3, CHANGES_REQUESTED: 1, APPROVED: 9, REJECTED: 3 });
    expect(data.coverage).toEqual([expect.objectContaining({ source: HISTORY, imported: 16, adapted: 16, approved: 9 })]);
    expect(data.approvedPerDay.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(9);
    expect(data.checkFailures.map((f: { check: string }) => f.check)).toContain("statement-wording");
    expect(data.turnaround.weeks.length).toBeGreaterThan(0);
    expect((await page.request.get("/api/dashboard?days=12")).status()).toBe(422);
  });
});

test.describe("an annotator", () => {
  test.use({ storageState: storageStateFor("annotator") });

  test("is refused the dashboard (page and API) and sees their own numbers at home", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("forbidden")).toHaveText(/do not have access to the dashboard/);
    await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
    expect((await page.request.get("/api/dashboard")).status()).toBe(403);
    await page.goto("/");
    await expect(page.getByTestId("my-numbers")).toContainText("Items approved");
  });
});

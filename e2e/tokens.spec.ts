// API tokens end to end: created in the browser and shown once, used by a script (no cookies) to grade a
// correct and a wrong response, revoked in the browser → the script gets 401.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { GOOD_ITEM } from "../tests/support/item-fixtures";
import { storageStateFor } from "./support";

test.use({ storageState: storageStateFor("annotator") });

const GROUND_TRUTH = JSON.stringify({
  function_name: GOOD_ITEM.answerSpec.functionName, arguments: GOOD_ITEM.answerSpec.arguments, returns: GOOD_ITEM.answerSpec.returns,
  test_cases: GOOD_ITEM.testCases,
});
const CORRECT = "The energy levels are equally spaced.\n```python\ndef energy(n, omega):\n    return omega * (n + 0.5)\n```";
const WRONG = "```python\ndef energy(n, omega):\n    return omega * n\n```";

test("a token made in the browser grades from a script until it is revoked", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  const name = `e2e grader ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await expect(page.getByRole("checkbox", { name: /grade/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /import/ })).toHaveCount(0); // not for an annotator's role
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token-secret");
  await expect(shown).toHaveText(/^fw_[0-9A-Za-z]{43}$/);
  const token = (await shown.textContent())!;
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  // Shown once: gone after "Done" and after a reload; the list shows its prefix only.
  await page.getByRole("button", { name: "Done" }).click();
  await page.reload();
  const row = page.getByTestId(`token-${token.slice(0, 11)}`);
  await expect(row).toContainText(name);
  await expect(row.getByTestId("token-status")).toHaveText("active");
  expect(await page.content()).not.toContain(token);

  const script = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  try {
    const good = await script.post("/api/grade", { data: { groundTruth: GROUND_TRUTH, response: CORRECT } });
    expect(good.status(), await good.text()).toBe(200);
    expect(await good.json()).toMatchObject({ passed: true, score: 1, casesPassed: 3, casesTotal: 3, isolation: "bwrap" });
    const bad = await script.post("/api/grade", { data: { groundTruth: GROUND_TRUTH, response: WRONG } });
    expect(await bad.json()).toMatchObject({ passed: false, score: 0, casesPassed: 0 });
    // The grade scope does not read items.
    expect((await script.get("/api/items")).status()).toBe(403);

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(row.getByTestId("token-status")).toHaveText("revoked");
    const refused = await script.post("/api/grade", { data: { groundTruth: GROUND_TRUTH, response: CORRECT } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error).toMatch(/revoked/);
  } finally {
    await script.dispose();
  }
});

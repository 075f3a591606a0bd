// A lead cuts a release: items written and approved through the API, then in the browser a filter, the
// preview's counts, Create, the release's page, and the .tar.gz download — unpacked here to check the
// manifest's checksums and a verl row. Annotators are refused.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { expect, test, type Browser, type Page } from "@playwright/test";
import * as tar from "tar-stream";
import { GOOD_ITEM } from "../tests/support/item-fixtures";
import { createItemFromSeed, saveFields, storageStateFor, type DemoRole } from "./support";

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role), acceptDownloads: true });
  return context.newPage();
}

async function untarGz(bytes: Buffer): Promise<Map<string, Buffer>> {
  const extract = tar.extract();
  Readable.from([bytes]).pipe(createGunzip()).pipe(extract);
  const files = new Map<string, Buffer>();
  for await (const entry of extract) {
    const parts: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) parts.push(chunk);
    files.set(entry.header.name, Buffer.concat(parts));
  }
  return files;
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

test("a lead creates a release of approved items with a filter, previews it, creates it and downloads the bundle", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = `${Date.now()}`;
  const topic = `Release e2e ${tag}`;
  const annotator = await pageAs(browser, "annotator");
  const lead = await pageAs(browser, "lead");

  // Two approved items with this run's topic, written by the annotator and approved by the lead over the API.
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const id = await createItemFromSeed(annotator, "Harmonic oscillator zero-point energy");
    const statement = GOOD_ITEM.statement.replace("Determine the energy", `Determine (${tag}-${n}) the energy`);
    const version = await saveFields(annotator, id, 1, { ...GOOD_ITEM, statement, topic });
    const submitted = await annotator.request.post(`/api/items/${id}/submit`, { data: { version } });
    expect(submitted.status(), await submitted.text()).toBe(200);
    const approved = await lead.request.post(`/api/items/${id}/reviews`, { data: { version: (await submitted.json()).version, decision: "APPROVE" } });
    expect(approved.status(), await approved.text()).toBe(200);
    ids.push(id);
  }

  // The lead finds Releases in the navigation, previews with the topic filter, then creates the release.
  await lead.goto("/");
  await lead.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Releases" }).click();
  await lead.getByTestId("new-release").click();
  const name = `e2e-${tag}`;
  await lead.locator("#release-name").fill(name);
  await lead.locator("#release-description").fill("Created by the browser test.");
  await lead.locator("#release-topic").fill(topic.toLowerCase());
  await expect(lead.getByTestId("create-release")).toBeDisabled();
  await lead.getByTestId("preview-release").click();
  await expect(lead.getByTestId("preview-total")).toContainText("2 approved items");
  await expect(lead.getByTestId("preview-topics")).toContainText(topic);
  await lead.getByTestId("create-release").click();
  await expect(lead).toHaveURL(new RegExp(`/releases/${name}$`));
  await expect(lead.getByTestId("release-manifest")).toContainText(`topic = ${topic.toLowerCase()}`);
  await expect(lead.getByTestId("release-chart").locator("svg").first()).toBeVisible();
  await expect(lead.getByTestId("release-items").locator("tbody tr")).toHaveCount(2);
  const manifestSha = (await lead.getByTestId("manifest-sha256").innerText()).trim();

  // A frozen item opens read-only at its frozen version.
  await lead.getByTestId("release-items").locator("tbody a").first().click();
  await expect(lead.getByTestId("frozen-version")).toContainText(`as frozen in ${name}`);
  await lead.goBack();

  // Download the bundle; unpack it; the manifest's checksums hold and a verl row is what verl reads.
  const [download] = await Promise.all([lead.waitForEvent("download"), lead.getByTestId("download-release").click()]);
  expect(download.suggestedFilename()).toBe(`${name}.tar.gz`);
  const files = await untarGz(readFileSync((await download.path())!));
  const manifestBytes = files.get("manifest.json")!;
  expect(sha256(manifestBytes)).toBe(manifestSha);
  const manifest = JSON.parse(manifestBytes.toString("utf8")) as { name: string; counts: { total: number }; files: { path: string; bytes: number; sha256: string }[] };
  expect(manifest).toMatchObject({ name, counts: { total: 2 } });
  expect([...files.keys()].sort()).toEqual(["manifest.json", ...manifest.files.map((f) => f.path)].sort());
  for (const f of manifest.files) expect({ path: f.path, bytes: files.get(f.path)!.byteLength, sha256: sha256(files.get(f.path)!) }).toEqual({ path: f.path, bytes: f.bytes, sha256: f.sha256 });
  expect(files.get("README.md")!.toString("utf8")).toMatch(/^---\npretty_name: /);
  const verlJson = [...files.keys()].filter((p) => p.startsWith("verl/") && p.endsWith(".json"));
  const rows = verlJson.flatMap((p) => files.get(p)!.toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)));
  expect(rows.map((r) => r.extra_info.item_id).sort()).toEqual([...ids].sort());
  const row = rows[0];
  expect(row).toMatchObject({ data_source: name, ability: "physics", reward_model: { style: "rule" }, extra_info: { version: expect.any(Number), topic } });
  expect(row.prompt).toEqual([{ role: "user", content: expect.stringContaining("def energy(n: int, omega: float) -> float:") }]);
  expect(JSON.parse(row.reward_model.ground_truth)).toEqual({
    function_name: "energy",
    arguments: GOOD_ITEM.answerSpec.arguments,
    returns: GOOD_ITEM.answerSpec.returns,
    test_cases: GOOD_ITEM.testCases.map((tc) => ({ inputs: tc.inputs, expected: tc.expected, tolerance: tc.tolerance })),
  });
  expect(files.has(verlJson[0].replace(/\.json$/, ".parquet"))).toBe(true);

  // The same file over the files route has the manifest's checksum.
  const readme = await lead.request.get(`/api/releases/${name}/files/README.md`);
  expect(readme.status()).toBe(200);
  expect(sha256(await readme.body())).toBe(manifest.files.find((f) => f.path === "README.md")!.sha256);
  await lead.context().close();
  await annotator.context().close();
});

test.describe("an annotator is refused releases", () => {
  test.use({ storageState: storageStateFor("annotator") });

  test("on the page and over the API", async ({ page }) => {
    await page.goto("/releases");
    await expect(page.getByTestId("forbidden")).toHaveText(/do not have access to releases/);
    expect((await page.request.get("/api/releases")).status()).toBe(403);
    expect((await page.request.post("/api/releases", { data: { name: "sneaky", dryRun: true } })).status()).toBe(403);
  });
});

import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_PASSWORD } from "../playwright.config";

export const USERS = {
  admin: "admin@fieldwork.local",
  lead: "lead@fieldwork.local",
  annotator: "annotator1@fieldwork.local",
  annotator2: "annotator2@fieldwork.local",
} as const;
export type DemoRole = "admin" | "lead" | "annotator" | "annotator2";

export const storageStateFor = (role: DemoRole) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedIn(page: Page): Promise<void> {
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A fresh DRAFT item from the demo seed with this title, created over the API as the page's user. */
export async function createItemFromSeed(page: Page, seedTitle: string): Promise<string> {
  const seeds = await page.request.get(`/api/seeds?q=${encodeURIComponent(seedTitle)}`);
  expect(seeds.ok()).toBe(true);
  const seed = ((await seeds.json()) as { seeds: { id: string; title: string }[] }).seeds.find((s) => s.title === seedTitle);
  expect(seed, `demo seed "${seedTitle}"`).toBeDefined();
  const created = await page.request.post("/api/items", { data: { seedId: seed!.id } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Replace the text of a CodeMirror field (data-testid="field-<name>"). */
export async function typeInField(page: Page, field: string, text: string): Promise<void> {
  const content = page.getByTestId(`field-${field}`).locator(".cm-content");
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

export async function fieldText(page: Page, field: string): Promise<string> {
  return (await page.getByTestId(`field-${field}`).locator(".cm-content").innerText()).replace(/\u00a0/g, " ");
}

/** Save fields over the API on top of `version` (the item must be the page user's to edit). */
export async function saveFields(page: Page, id: string, version: number, fields: Record<string, unknown>): Promise<number> {
  const saved = await page.request.put(`/api/items/${id}`, { data: { version, ...fields } });
  expect(saved.status(), await saved.text()).toBe(200);
  return ((await saved.json()) as { version: number }).version;
}

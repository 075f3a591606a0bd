import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_PASSWORD } from "../playwright.config";

export const USERS = {
  admin: "admin@fieldwork.local",
  lead: "lead@fieldwork.local",
  annotator: "annotator1@fieldwork.local",
  annotator2: "annotator2@fieldwork.local",
} as const;
export type DemoRole = "admin" | "lead" | "annotator";

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

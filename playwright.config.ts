// Browser tests against the production build, started exactly as users start it (`fieldwork start`),
// on a fresh data dir with the demo data. Debian's Chromium when present, Playwright's own otherwise.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://localhost:${PORT}`;
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
export const DEMO_PASSWORD = "e2e-demo-password";
export const E2E_PG_PORT = process.env.E2E_PG_PORT ?? "54339";

// A fresh data dir per run, under the temp dir so the `postgres` OS user can reach it even when the
// checkout sits in a private home folder (CI runs as root). Deterministic per checkout.
export const E2E_DATA_DIR = path.join(os.tmpdir(), `fieldwork-e2e-${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12)}`);

const serverEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  FIELDWORK_DATA_DIR: E2E_DATA_DIR,
  FIELDWORK_PG_PORT: E2E_PG_PORT,
  PORT: String(PORT),
  NEXTAUTH_URL: BASE_URL,
  DEMO_PASSWORD,
  // Every browser and request of the suite comes from one socket address (127.0.0.1), so the per-address
  // limit across emails would count the whole suite's deliberate failures; the per-email limit is what the
  // sign-in tests exercise (tests/auth covers the per-address one).
  SIGNIN_MAX_FAILURES_PER_ADDRESS: "100000",
};
delete serverEnv.DATABASE_URL;
delete serverEnv.NEXTAUTH_SECRET;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: existsSync(SYSTEM_CHROMIUM)
      ? {
          executablePath: SYSTEM_CHROMIUM,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        }
      : {},
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `rm -rf '${E2E_DATA_DIR}' && node scripts/fieldwork.mjs start`,
    url: `${BASE_URL}/api/health`,
    env: serverEnv,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});

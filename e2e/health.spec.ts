// GET /api/health on the production server as `npm start` runs it: the database, and the Python sandbox's
// state and isolation (bubblewrap: what CI installs), reached without signing in.
import { expect, test } from "@playwright/test";

test("GET /api/health reports the sandbox's isolation, and the sandbox becomes ready", async ({ request }) => {
  await expect(async () => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ ok: true, sandbox: { state: "ready", isolation: "bwrap" } });
  }).toPass({ timeout: 60_000 });
});

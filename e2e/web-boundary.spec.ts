// The web boundary as an attacker meets it: a spoofed X-Forwarded-For against the sign-in limit, open
// redirects after sign-in, cross-site requests from another port of the same host, the nonce CSP, methods
// the app does not serve, oversized and absurd bodies, and where the server listens.
import http from "node:http";
import { networkInterfaces } from "node:os";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { expectSignedIn, signIn, storageStateFor } from "./support";
import { DEMO_PASSWORD } from "../playwright.config";

const PASSWORD = "a long enough password";

async function newUser(browser: Browser, role = "ANNOTATOR"): Promise<string> {
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const email = `boundary-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.local`;
  const created = await admin.request.post("/api/users", { data: { email, role, password: PASSWORD } });
  expect(created.status(), await created.text()).toBe(201);
  await admin.close();
  return email;
}

/** Sign in through next-auth's credentials callback as a script would; → the URL next-auth sends it to. */
async function credentialsSignIn(api: APIRequestContext, email: string, password: string, forwardedFor: string): Promise<string> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers: { "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor },
  });
  // next-auth answers 200 with the URL to go to, or 401 with its error page's URL.
  expect([200, 401]).toContain(response.status());
  return ((await response.json()) as { url: string }).url;
}

test("a rotated X-Forwarded-For does not reset the sign-in limit; the message names the configured window", async ({ playwright, browser, baseURL }) => {
  test.slow(); // many steps, each waiting on the server (and the sandbox): triple the time budget
  const email = await newUser(browser);
  const api = await playwright.request.newContext({ baseURL });
  // The limit is 10 failures per email and address; each guess claims a new address.
  for (let i = 0; i < 12; i++) {
    const url = decodeURIComponent(await credentialsSignIn(api, email, `wrong-${i}`, `203.0.113.${i + 1}`));
    expect(url).toContain(i < 10 ? "error=CredentialsSignin" : "error=TOO_MANY_ATTEMPTS:15");
  }
  const refused = await credentialsSignIn(api, email, PASSWORD, "198.51.100.77");
  expect(decodeURIComponent(refused)).toContain("error=TOO_MANY_ATTEMPTS:15");
  await api.dispose();

  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("login-error")).toHaveText("Too many sign-in attempts. Wait 15 minutes and try again.");
  await page.context().close();
});

const BAD_CALLBACKS = ["/\\evil.com", "//evil.com", "/%5Cevil.com", "/%09/evil.com", "/%2F%2Fevil.com", "https://evil.com", "javascript:alert(1)"];

test("after signing in, only paths of this app are followed", async ({ browser, baseURL }) => {
  test.slow(); // many steps, each waiting on the server (and the sandbox): triple the time budget
  const origin = new URL(baseURL!).origin;
  for (const callback of [...BAD_CALLBACKS, "/items?status=DRAFT"]) {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callback)}`);
    await page.getByLabel("Email").fill("annotator1@fieldwork.local");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectSignedIn(page);
    const landed = new URL(page.url());
    expect(landed.origin, callback).toBe(origin);
    expect(`${landed.pathname}${landed.search}`, callback).toBe(callback.startsWith("/items") ? callback : "/");
    await context.close();
  }
});

test("when already signed in, the sign-in page redirects only within the app", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const context = await browser.newContext({ storageState: storageStateFor("annotator") });
  const page = await context.newPage();
  for (const callback of BAD_CALLBACKS) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callback)}`);
    await expectSignedIn(page);
    expect(new URL(page.url()).origin, callback).toBe(origin);
    expect(new URL(page.url()).pathname, callback).toBe("/");
  }
  await context.close();
});

/** A page on another port of the same host (same site, another origin) that attacks the app. */
async function attackerSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test("a form and a fetch from another port of this host cannot act as the signed-in admin", async ({ browser, baseURL }) => {
  const stamp = Date.now();
  const formEmail = `csrf-form-${stamp}@test.local`;
  const fetchEmail = `csrf-fetch-${stamp}@test.local`;
  const body = (email: string) => JSON.stringify({ email, role: "ADMIN", password: PASSWORD });
  // A text/plain form whose body is JSON: name = everything up to the last quote, value closes it.
  const formName = body(formEmail).replace(/"}$/, "").replace(/"password":"[^"]*/, `"password":"${PASSWORD}","pad":"`);
  const site = await attackerSite(`<!doctype html><html><body>
    <form id="f" method="POST" action="${baseURL}/api/users" enctype="text/plain"><input name='${formName}' value='"}'></form>
    <script>
      fetch(${JSON.stringify(`${baseURL}/api/users`)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(body(fetchEmail))} })
        .finally(() => document.getElementById("f").submit());
    </script></body></html>`);
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  const page = await context.newPage();
  const posts: number[] = [];
  page.on("response", (r) => {
    if (r.url().endsWith("/api/users") && r.request().method() === "POST") posts.push(r.status());
  });
  await page.goto(site.url);
  await expect.poll(() => posts.length).toBe(2);
  expect(posts).toEqual([403, 403]);
  await expect(page.locator("body")).toContainText("Cross-site request refused");

  const users = (await (await context.request.get("/api/users")).json()) as { users: { email: string }[] };
  expect(users.users.map((u) => u.email)).not.toContain(formEmail);
  expect(users.users.map((u) => u.email)).not.toContain(fetchEmail);
  await context.close();
  await site.close();
});

test("state-changing requests need a JSON body type; the app's own pages still work", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  const plain = await context.request.post("/api/users", { data: body(), headers: { "content-type": "text/plain" } });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error).toMatch(/application\/json/);
  const form = await context.request.post("/api/users", { form: { email: "x@test.local" } });
  expect(form.status()).toBe(415);
  await context.close();

  function body() {
    return JSON.stringify({ email: `plain-${Date.now()}@test.local`, role: "ADMIN", password: PASSWORD });
  }
});

test("every page carries a fresh script nonce and no inline-script allowance", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("lead") });
  const page = await context.newPage();
  const nonces: string[] = [];
  for (const path of ["/", "/seeds"]) {
    const response = await page.goto(path);
    const csp = response!.headers()["content-security-policy"];
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
    nonces.push(nonce);
    // Next.js put this response's nonce on its inline scripts, and the page hydrated (the nav works).
    const scriptNonces = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(scriptNonces.every((n) => n === nonce)).toBe(true);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  await page.getByRole("link", { name: "Items" }).click();
  await expect(page).toHaveURL(/\/items$/);
  await context.close();
});

test("TRACE and other unserved methods get 405 with the security headers", async ({ request }) => {
  // (Node's HTTP parser itself answers 400 to methods it does not know, such as TRACK.)
  for (const method of ["TRACE", "PROPFIND"]) {
    const response = await request.fetch("/api/health", { method });
    expect(response.status(), method).toBe(405);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(await response.text()).not.toMatch(/\bat \w+ \(/); // no stack trace
  }
});

test("oversized and absurdly nested JSON bodies get 413 and 422 with a message", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("annotator") });
  const big = await context.request.post("/api/equivalence", { data: { gold: "x".repeat(2 * 1024 * 1024), pred: "x" } });
  expect(big.status()).toBe(413);
  expect((await big.json()).error).toMatch(/larger than the limit of 1,048,576 bytes/);
  const deep = `{"gold":"x","pred":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
  const nested = await context.request.post("/api/equivalence", { data: deep, headers: { "content-type": "application/json" } });
  expect(nested.status()).toBe(422);
  expect(JSON.stringify(await nested.json())).toMatch(/nested more than 64 levels/);
  await context.close();
});

test("the zero-config server listens on loopback only", async ({ baseURL }) => {
  const external = Object.values(networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal);
  test.skip(!external, "this machine has no non-loopback IPv4 address to try");
  const port = new URL(baseURL!).port;
  const reached = await fetch(`http://${external!.address}:${port}/api/health`).then(() => true, () => false);
  expect(reached).toBe(false);
  expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
});

// No request stalls the server: while a LaTeX bomb (a check run, a seed page), an equivalence bomb and an
// inflation bomb run against the production build, GET /api/health keeps answering from a connection of its
// own, and each bomb ends as a located 4xx or check failure. In the browser, the same LaTeX does not freeze the
// editor. The one wall-clock bound asserted is the availability bound: health answers within 200 ms
// while a bomb runs — the median of the samples taken meanwhile, so one scheduling hiccup does not decide, and
// counted above what health takes on this machine just before and just after, so that a CI machine loaded by
// other work does not decide either. A stall, the failure this guards against, is seconds.
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { heavyParagraph } from "../tests/support/latex-bombs";
import { GOOD_ITEM } from "../tests/support/item-fixtures";
import { createItemFromSeed, storageStateFor, typeInField } from "./support";

const HEALTH_BOUND_MS = 200;

type Probe = { samples: number[]; baseline: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeHealth(probe: APIRequestContext): Promise<number> {
  const started = performance.now();
  const response = await probe.get("/api/health");
  const ms = performance.now() - started;
  expect(response.status()).toBe(200);
  return ms;
}

/** Health latencies, from a connection of its own, for as long as `start()`'s work runs (the first one at once),
 * and the machine's baseline: the larger median latency of just before and just after it. */
async function healthWhile<T>(probe: APIRequestContext, start: () => Promise<T>): Promise<{ outcome: T } & Probe> {
  const before: number[] = [];
  for (let i = 0; i < 5; i++) before.push(await timeHealth(probe));
  const work = start();
  let finished = false;
  const settled = work.finally(() => {
    finished = true;
  });
  const samples: number[] = [];
  do {
    samples.push(await timeHealth(probe));
    await new Promise((r) => setTimeout(r, 50));
  } while (!finished);
  const outcome = await settled;
  const after: number[] = [];
  for (let i = 0; i < 5; i++) after.push(await timeHealth(probe));
  return { outcome, samples, baseline: Math.max(median(before), median(after)) };
}

function expectAvailable({ samples, baseline }: Probe, what: string): void {
  const during = median(samples);
  const slowest = Math.max(...samples);
  console.log(`${what}: ${samples.length} health checks meanwhile, median ${during.toFixed(0)} ms (${baseline.toFixed(0)} ms around it), max ${slowest.toFixed(0)} ms`);
  expect(during, `median health latency while ${what}, above the ${baseline.toFixed(0)} ms around it`).toBeLessThan(baseline + HEALTH_BOUND_MS);
  expect(slowest, `slowest health check while ${what} (a stall would be seconds)`).toBeLessThan(2000);
}

test.describe("availability under hostile input", () => {
  let probe: APIRequestContext;
  test.beforeAll(async ({ playwright, baseURL }) => {
    probe = await playwright.request.newContext({ baseURL });
    expect((await probe.get("/api/health")).status()).toBe(200);
  });
  test.afterAll(async () => {
    await probe.dispose();
  });

  test.describe("as an annotator", () => {
    test.use({ storageState: storageStateFor("annotator") });

    test("a check run on a LaTeX bomb: health answers meanwhile; 'LaTeX renders' fails at the statement", async ({ page }) => {
      test.setTimeout(120_000);
      const id = await createItemFromSeed(page, "Harmonic oscillator zero-point energy");
      const statement = `${GOOD_ITEM.statement}\n\nAlso: ${heavyParagraph(150)}`;
      expect(statement.length).toBeLessThan(50_000);
      const saved = await page.request.put(`/api/items/${id}`, { data: { version: 1, ...GOOD_ITEM, statement } });
      expect(saved.status(), await saved.text()).toBe(200);
      const { outcome, ...probed } = await healthWhile(probe, () => page.request.post(`/api/items/${id}/checks`, { timeout: 90_000 }));
      expect(outcome.status()).toBe(200);
      const latex = ((await outcome.json()) as { results: { id: string; status: string; field: string; line: number; message: string }[] }).results.filter((r) => r.id === "latex-renders" && r.status === "fail");
      expect(latex.length).toBeGreaterThan(0);
      expect(latex[0]).toMatchObject({ field: "statement", line: statement.split("\n").length, message: expect.stringMatching(/too complex to render|Macro expansion produces too much/) });
      expectAvailable(probed, "a check run renders a LaTeX bomb");
    });

    test("an equivalence bomb (two 2,000-element lists): health answers meanwhile; it ends 'cannot decide: too large'", async ({ page }) => {
      const list = Array.from({ length: 2000 }, (_, i) => `x_{${i}}`).join(", ");
      const reversed = list.split(", ").reverse().join(", ");
      const bombs = () => Promise.all([0, 1].map(() => page.request.post("/api/equivalence", { data: { gold: list, pred: reversed }, timeout: 60_000 })));
      const { outcome, ...probed } = await healthWhile(probe, bombs);
      for (const response of outcome) {
        const body = (await response.json()) as { error?: string; equivalent?: boolean | null; reason?: string };
        // Refused at the boundary by the checker's size caps, or by our time budget (both 422, saying so); the checker
        // may also give such lists up itself, as an undecided verdict.
        if (response.status() === 422) expect(body.error).toMatch(/^Cannot decide: too large|^Invalid input: gold: too large/);
        else expect(body).toMatchObject({ equivalent: null, reason: expect.stringMatching(/too large/i) });
      }
      expectAvailable(probed, "two equivalence bombs run");
    });

    test("the editor stays responsive while its preview renders a LaTeX bomb, which ends as an error at its place", async ({ page }) => {
      test.setTimeout(90_000);
      const id = await createItemFromSeed(page, "Harmonic oscillator zero-point energy");
      await page.goto(`/items/${id}`);
      await expect(page.getByTestId("preview-statement").locator(".katex").first()).toBeVisible();
      // A heartbeat in the page: a frozen main thread shows as a long gap between beats.
      await page.evaluate(() => {
        const w = window as unknown as { maxGap: number; last: number };
        w.maxGap = 0;
        w.last = performance.now();
        setInterval(() => {
          const now = performance.now();
          w.maxGap = Math.max(w.maxGap, now - w.last);
          w.last = now;
        }, 20);
      });
      await typeInField(page, "statement", `Find $E$.\n\n${heavyParagraph(150)}`);
      await expect(page.getByTestId("preview-statement-errors")).toContainText(/Line 3, column \d+: (too complex to render|Macro expansion produces too much)/, { timeout: 30_000 });
      // Typing elsewhere still works at once.
      await typeInField(page, "finalAnswer", "E=\\frac{1}{2}");
      await expect(page.getByTestId("preview-finalAnswer").locator(".katex .mfrac")).toBeVisible();
      const maxGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
      console.log(`editor: longest main-thread gap while the bomb rendered ${maxGap.toFixed(0)} ms`);
      expect(maxGap, "the tab froze (it froze 13.6 s before)").toBeLessThan(1500);
    });
  });

  test.describe("as an admin", () => {
    test.use({ storageState: storageStateFor("admin") });

    test("an inflation bomb and a heavy import: health answers meanwhile; the bomb is a 422 naming the file", async ({ page }) => {
      test.setTimeout(120_000);
      // A 10 KB .tex.gz that inflates to 10 MB (it held the server 29 s and took 5 GB).
      const bomb = gzipSync(Buffer.from(`\\documentclass{article}\\begin{document}${"a ".repeat(5_000_000)}\\end{document}`), { level: 9 });
      // And a real 200 KB problem set, a second or more of parsing in the import worker.
      const problem = String.raw`\begin{problem} Consider $\mathcal{L} = \frac12(\partial_\mu\phi)^2 - \frac{m^2}{2}\phi^2$. Find $\beta(\lambda)$ at one loop, case NUMBER. \end{problem}`;
      let body = "";
      for (let i = 0; body.length < 200_000; i++) body += `${problem.replace("NUMBER", String(i))}\n\n`;
      const heavy = Buffer.from(`\\documentclass{article}\n\\begin{document}\n${body}\\end{document}\n`);
      const source = `avail-${randomUUID().slice(0, 8)}`;
      const post = (name: string, buffer: Buffer) =>
        page.request.post("/api/imports", { multipart: { file: { name, mimeType: "application/octet-stream", buffer }, dryRun: "true", sourceId: source }, timeout: 90_000 });
      const { outcome, ...probed } = await healthWhile(probe, () => Promise.all([post("bomb.tex.gz", bomb), post("problems.tex", heavy)]));
      const [refused, parsed] = outcome;
      expect(refused.status()).toBe(422);
      expect(((await refused.json()) as { error: string }).error).toBe("bomb.tex.gz expands to more than 1,048,576 bytes, 100 times its compressed size (a compression bomb?); nothing was imported");
      expect(parsed.status(), await parsed.text()).toBe(200);
      expect(((await parsed.json()) as { created: number }).created).toBeGreaterThan(500);
      expectAvailable(probed, "an inflation bomb and a 200 KB LaTeX import are read");
    });

    test("a seed page of a LaTeX bomb: health answers meanwhile; the page shows the error where the render stopped", async ({ page }) => {
      test.setTimeout(120_000);
      const source = `avail-seed-${randomUUID().slice(0, 8)}`;
      const row = JSON.stringify({ problem: `Find $E$.\n\n${heavyParagraph(150)}`, source, location: "Problem 1" });
      const imported = await page.request.post("/api/imports", { multipart: { file: { name: "bomb.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(row) } } });
      expect(imported.status(), await imported.text()).toBe(200);
      const seeds = (await (await page.request.get(`/api/seeds?source=${source}`)).json()) as { seeds: { id: string }[] };
      const { outcome, ...probed } = await healthWhile(probe, () => page.request.get(`/seeds/${seeds.seeds[0].id}`, { timeout: 90_000 }));
      expect(outcome.status()).toBe(200);
      expect(await outcome.text()).toMatch(/LaTeX error — line 3, column \d+: (too complex to render|Macro expansion produces too much)/);
      expectAvailable(probed, "a seed page renders a LaTeX bomb");
    });
  });
});

// Imports that would stall or overload the server end as located 422s, parsed in a worker thread within their
// budgets; seeds and items meet the limits saves meet; a batch that fails while committing is marked FAILED,
// and a batch records every source it touched.
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { resetEnvCache } from "../../lib/env";
import { errorResponse } from "../../lib/http/with-route";
import type { SessionUser } from "../../lib/auth/types";
import { createItem } from "../../lib/items/create-item";
import { getImport } from "../../lib/imports/list-imports";
import { runImport } from "../../lib/imports/run-import";
import { closeWorkerPools } from "../../lib/workers/run-task";
import { makeSource, makeUser, useTestDatabase } from "../support/db";

const ENV_KEYS = ["IMPORT_PARSE_MS", "IMPORT_MEMORY_MB"] as const;

async function refusal(promise: Promise<unknown>): Promise<{ status: number; error: string }> {
  const response = errorResponse(await promise.then(() => new Error("expected a refusal"), (e: unknown) => e));
  return { status: response.status, error: ((await response.json()) as { error: string }).error };
}

/** A realistic LaTeX problem set of about `kb` kilobytes. */
function problemSet(kb: number): string {
  const problem = String.raw`\begin{problem} Consider $\mathcal{L} = \frac12(\partial_\mu\phi)^2 - \frac{m^2}{2}\phi^2$ in $d = 4 - 2\epsilon$.
\begin{equation} \Gamma^{(4)} = -\lambda + \frac{\lambda^2}{32\pi^2}\left[\frac{3}{\epsilon} - \log\frac{-s}{\mu^2}\right] \end{equation}
Find $\beta(\lambda)$. \end{problem}`;
  let body = "";
  for (let i = 0; body.length < kb * 1000; i++) body += `${problem.replace("Find", `Find (${i})`)}\n\n`;
  return `\\documentclass{article}\n\\begin{document}\n${body}\\end{document}\n`;
}

describe("import limits", () => {
  useTestDatabase();
  let lead: SessionUser;
  beforeAll(async () => {
    lead = await makeUser("LEAD");
  });
  afterEach(async () => {
    for (const key of ENV_KEYS) delete process.env[key];
    resetEnvCache();
    await closeWorkerPools(); // pools read their heap limit when they start
  });
  afterAll(() => closeWorkerPools());

  it("refuses a 10 KB .tex.gz that inflates to 10 MB after 1 MB, as a 422 naming the file, and writes nothing", async () => {
    const fileName = `bomb-${randomUUID().slice(0, 6)}.tex.gz`;
    const bytes = gzipSync(Buffer.from(`\\documentclass{article}\\begin{document}${"a ".repeat(5_000_000)}\\end{document}`), { level: 9 });
    expect(await refusal(runImport(lead, { fileName, bytes }, {}))).toEqual({
      status: 422, error: `${fileName} expands to more than 1,048,576 bytes, 100 times its compressed size (a compression bomb?); nothing was imported`,
    });
    expect(await getDb().importBatch.count({ where: { fileName } })).toBe(0);
  });

  it("refuses a YAML alias bomb as a 422 at its document and line", async () => {
    const rows = ["a: &a [1,1,1,1,1,1,1,1,1]", ..."bcdefg".split("").map((l, i) => `${l}: &${l} [${Array(9).fill(`*${"abcdefg"[i]}`).join(",")}]`)];
    const yaml = `problem: Fine.\n---\nproblem: Boom.\n${rows.join("\n")}\n`;
    const { status, error } = await refusal(runImport(lead, { fileName: "laughs.yaml", bytes: Buffer.from(yaml) }, { sourceId: `yaml-${randomUUID().slice(0, 6)}` }));
    expect(status).toBe(422);
    expect(error).toMatch(/^laughs\.yaml:3 \(document 2\): YAML aliases that expand too much/);
  });

  it("stops parsing past IMPORT_PARSE_MS and past IMPORT_MEMORY_MB with a 422 naming the limit; the next import works", async () => {
    const tex = Buffer.from(problemSet(1000)); // a 1 MB problem set: seconds of parsing and over a GB of heap
    process.env.IMPORT_PARSE_MS = "300";
    resetEnvCache();
    expect(await refusal(runImport(lead, { fileName: "slow.tex", bytes: tex }, { dryRun: true, sourceId: "slow" }))).toEqual({
      status: 422, error: "slow.tex is too large or complex to import: reading it took longer than 300 ms (IMPORT_PARSE_MS); nothing was imported.",
    });
    await closeWorkerPools();
    delete process.env.IMPORT_PARSE_MS;
    process.env.IMPORT_MEMORY_MB = "64";
    resetEnvCache();
    expect(await refusal(runImport(lead, { fileName: "big.tex", bytes: tex }, { dryRun: true, sourceId: "big" }))).toEqual({
      status: 422, error: "big.tex is too large or complex to import: reading it needed more than 64 MB of memory (IMPORT_MEMORY_MB); nothing was imported.",
    });
    const small = await runImport(lead, { fileName: "small.tex", bytes: Buffer.from(problemSet(2)) }, { dryRun: true, sourceId: "small" });
    expect(small.created).toBeGreaterThan(0);
  }, 120_000);

  it("reports seeds longer than an item may be, imports the others, and refuses to adapt such a seed", async () => {
    const source = `long-${randomUUID().slice(0, 6)}`;
    const rows = [{ problem: "Find $x$.", source }, { problem: `Find ${"$y$ ".repeat(20_000)}.`, source }, { problem: "Find $z$.", source }];
    const report = await runImport(lead, { fileName: "rows.jsonl", bytes: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")) }, {});
    expect(report.created).toBe(2);
    expect(report.errors).toEqual([{ file: "rows.jsonl", line: 2, message: "rows.jsonl:2: the problem has 80,006 characters, over the limit of 50,000 (ITEM_MAX_TEXT_CHARS); not imported" }]);
    // A seed stored before the limits applied (or under other limits) cannot become an over-long item.
    const old = await makeSource();
    const seed = await getDb().seed.create({ data: { sourceId: old.id, problem: "p".repeat(1_000_000), contentHash: randomUUID() } });
    expect(await refusal(createItem(lead, { seedId: seed.id }))).toEqual({
      status: 422, error: "This seed is too long to adapt: the problem has 1,000,000 characters, over the limit of 50,000 (ITEM_MAX_TEXT_CHARS). Shorten it in its source and import it again.",
    });
    expect(await getDb().item.count({ where: { seedId: seed.id } })).toBe(0);
  });

  it("records every source a batch touched", async () => {
    const [a, b] = [`src-a-${randomUUID().slice(0, 6)}`, `src-b-${randomUUID().slice(0, 6)}`];
    const rows = [{ problem: "Find $p$.", source: a }, { problem: "Find $q$.", source: b }, { problem: "Find $r$.", source: a }];
    const report = await runImport(lead, { fileName: "two-sources.jsonl", bytes: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")) }, {});
    expect(await getImport(lead, report.batchId)).toMatchObject({ status: "COMMITTED", created: 3, sources: [a, b].sort() });
  });

  it("marks a batch that fails while committing as FAILED with the error, keeping what was written and its sources", async () => {
    const fileName = `crash-${randomUUID().slice(0, 6)}.jsonl`;
    const [a, b] = [`crash-a-${randomUUID().slice(0, 6)}`, `crash-b-${randomUUID().slice(0, 6)}`];
    // The database refuses to mark this batch COMMITTED: a failure after the files were written.
    const fn = `fail_${randomUUID().replaceAll("-", "")}`;
    await getDb().$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger AS $$ BEGIN
      IF NEW."status" = 'COMMITTED' AND NEW."fileName" = '${fileName}' THEN RAISE EXCEPTION 'disk full (test)'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await getDb().$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE UPDATE ON "ImportBatch" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const rows = [{ problem: "Find $u$.", source: a }, { problem: "Find $v$.", source: b }];
      const failed = await runImport(lead, { fileName, bytes: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")) }, {}).catch((e: unknown) => e);
      expect(String(failed)).toMatch(/disk full \(test\)/);
    } finally {
      await getDb().$executeRawUnsafe(`DROP TRIGGER ${fn} ON "ImportBatch"`);
      await getDb().$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const batch = await getDb().importBatch.findFirstOrThrow({ where: { fileName } });
    const stored = await getImport(lead, batch.id);
    expect(stored).toMatchObject({ status: "FAILED", created: 2, sources: [a, b].sort() });
    expect(stored.errors.at(-1)).toMatchObject({ file: fileName, message: expect.stringMatching(/^the import failed while saving \(2 seeds from the files before were kept\): .*disk full \(test\)/) });
  });
});

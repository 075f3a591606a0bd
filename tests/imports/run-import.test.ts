// Imports in the data layer against PostgreSQL: preview writes nothing, commit creates seeds and sources
// with a stored report, re-importing creates nothing, a failing file rolls back alone, roles are enforced.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { resetEnvCache } from "../../lib/env";
import { errorResponse } from "../../lib/http/with-route";
import type { SessionUser } from "../../lib/auth/types";
import { runImport } from "../../lib/imports/run-import";
import { getImport } from "../../lib/imports/list-imports";
import { inputFor } from "../../scripts/cli/commands/import";
import { makeTarGz, makeZip } from "../support/archives";
import { makeUser, useTestDatabase } from "../support/db";

const PAIRS = readFileSync(new URL("../../lib/imports/parsers/fixtures/pairs.yaml", import.meta.url), "utf8");

describe("runImport", () => {
  useTestDatabase();
  let lead: SessionUser;
  let annotator: SessionUser;
  beforeAll(async () => {
    lead = await makeUser("LEAD");
    annotator = await makeUser("ANNOTATOR");
  });

  it("previews without writing, commits once, and a re-import is all duplicates", async () => {
    const folder = `course-${randomUUID().slice(0, 6)}`;
    const zip = await makeZip([{ name: `${folder}/matched_pairs.yaml`, data: PAIRS }]);
    const preview = await runImport(lead, { fileName: "pairs.zip", bytes: zip }, { dryRun: true });
    expect(preview).toMatchObject({ batchId: null, status: "PREVIEW", created: 2, duplicates: 0, skipped: 1, formats: ["yaml"] });
    expect(preview.errors.map((e) => e.line)).toEqual([17, 20]);
    expect(preview.preview[0]).toMatchObject({ sourceIdentifier: folder, location: "matched_pairs.yaml document 1" });
    expect(await getDb().source.count({ where: { identifier: folder } })).toBe(0);

    const committed = await runImport(lead, { fileName: "pairs.zip", bytes: zip }, {});
    expect(committed).toMatchObject({ status: "COMMITTED", created: 2, duplicates: 0 });
    const seeds = await getDb().seed.findMany({ where: { source: { identifier: folder } } });
    expect(seeds.map((s) => s.importBatchId)).toEqual([committed.batchId, committed.batchId]);
    const stored = await getImport(lead, committed.batchId);
    expect(stored).toMatchObject({ status: "COMMITTED", created: 2, errorCount: 2, source: folder });
    expect(stored.errors[0]).toMatchObject({ file: `${folder}/matched_pairs.yaml`, line: 17 });

    const again = await runImport(lead, { fileName: "pairs.zip", bytes: zip }, {});
    expect(again).toMatchObject({ created: 0, duplicates: 2 });
    expect(await getDb().seed.count({ where: { source: { identifier: folder } } })).toBe(2);
  });

  it("counts a document repeated within one upload (even with other spacing and comments) as a duplicate", async () => {
    const source = `dup-${randomUUID().slice(0, 6)}`;
    const yaml = 'problem: "Find  $x$.\\n% note"\n---\nproblem: "Find $x$."\n---\nproblem: "Find $y$."\n';
    const report = await runImport(lead, { fileName: "p.yaml", bytes: Buffer.from(yaml) }, { sourceId: source });
    expect(report).toMatchObject({ created: 2, duplicates: 1, errors: [] });
  });

  it("imports JSONL rows with a column mapping and a license for new sources", async () => {
    const source = `paper-${randomUUID().slice(0, 6)}`;
    const jsonl = [{ q: "Find the Bohr radius $a_0$.", a: "$a_0 = \\hbar^2/me^2$", src: source }, { q: "Find $E_1$.", src: source }].map((r) => JSON.stringify(r)).join("\n");
    const report = await runImport(lead, { fileName: "rows.jsonl", bytes: Buffer.from(jsonl) }, { map: "problem=q,solution=a,source=src", license: "CC-BY-4.0" });
    expect(report).toMatchObject({ created: 2, errors: [], columns: ["q", "a", "src"] });
    expect(await getDb().source.findUniqueOrThrow({ where: { identifier: source } })).toMatchObject({ license: "CC-BY-4.0" });
  });

  it("imports pipeline items as a seed plus a DRAFT item with the parsed answer spec and test cases", async () => {
    const item = JSON.parse(readFileSync(new URL("../../lib/imports/parsers/fixtures/pipeline/single.json", import.meta.url), "utf8"));
    const source = `pipe-${randomUUID().slice(0, 6)}`;
    item.original_seed.source = source;
    const report = await runImport(lead, { fileName: "item.json", bytes: Buffer.from(JSON.stringify(item)) }, {});
    expect(report).toMatchObject({ formats: ["pipeline"], created: 1, itemsCreated: 1, errors: [] });
    const seed = await getDb().seed.findFirstOrThrow({ where: { source: { identifier: source } }, include: { items: { include: { revisions: true } } } });
    expect(seed.status).toBe("IN_PROGRESS");
    expect(seed.items).toHaveLength(1);
    expect(seed.items[0]).toMatchObject({ status: "DRAFT", authorId: lead.id, version: 1, topic: "Quantum field theory", level: "GRADUATE", difficulty: "MEDIUM" });
    expect(seed.items[0].answerSpec).toMatchObject({ functionName: "beta_function", arguments: [{ name: "g", type: "float", min: 0, max: 4 }, { name: "N", type: "int", min: 2 }] });
    expect(seed.items[0].testCases).toHaveLength(3);
    expect(seed.items[0].revisions).toHaveLength(1);
    // Re-importing creates neither the seed nor the item again.
    expect(await runImport(lead, { fileName: "item.json", bytes: Buffer.from(JSON.stringify(item)) }, {})).toMatchObject({ created: 0, itemsCreated: 0, duplicates: 1 });
  });

  it("rolls back a file whose write fails and keeps the other files", async () => {
    const good = `good-${randomUUID().slice(0, 6)}`;
    const bad = `bad-${randomUUID().slice(0, 6)}`;
    // A problem with a NUL byte cannot be stored in PostgreSQL text: that file's transaction fails.
    const tgz = await makeTarGz([
      { name: `${good}/matched_pairs.yaml`, data: "problem: Fine $x$.\n---\nproblem: Also fine.\n" },
      { name: `${bad}/matched_pairs.yaml`, data: 'problem: "First."\n---\nproblem: "Broken \\0 byte."\n' },
    ]);
    const report = await runImport(lead, { fileName: "two.tar.gz", bytes: tgz }, {});
    expect(report.created).toBe(2);
    expect(report.errors).toEqual([expect.objectContaining({ file: `${bad}/matched_pairs.yaml`, message: expect.stringMatching(/^not saved, nothing from this file was imported/) })]);
    expect(await getDb().seed.count({ where: { source: { identifier: good } } })).toBe(2);
    expect(await getDb().seed.count({ where: { source: { identifier: bad } } })).toBe(0);
    expect(await getDb().source.count({ where: { identifier: bad } })).toBe(0);
  });

  it("answers clearly for hostile or unreadable uploads, and refuses annotators", async () => {
    const traversal = Buffer.from((await makeTarGz([{ name: "a/../../x.yaml", data: "problem: x" }])));
    expect(errorResponse(await runImport(lead, { fileName: "t.tar.gz", bytes: traversal }, {}).catch((e: unknown) => e)).status).toBe(422);
    const latin1 = await runImport(lead, { fileName: "l.yaml", bytes: Buffer.from([0x70, 0x3a, 0x20, 0xe9]) }, { sourceId: "x" });
    expect(latin1.errors[0].message).toMatch(/not UTF-8/);
    // A file uploaded on its own (the browser) has no folder: the source id has to be given.
    const single = await runImport(lead, { fileName: "matched_pairs.yaml", bytes: Buffer.from(PAIRS) }, { dryRun: true });
    expect(single.errors[0]).toMatchObject({ file: "matched_pairs.yaml", message: expect.stringMatching(/no source id.*give a source id/) });
    expect(errorResponse(await runImport(annotator, { fileName: "a.yaml", bytes: Buffer.from("") }, {}).catch((e: unknown) => e)).status).toBe(403);
  });

  it("takes the containing folder's name as the source id of one matched_pairs.yaml read from disk", async () => {
    const folder = `single-${randomUUID().slice(0, 6)}`;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "fieldwork-single-")), folder, "matched_pairs.yaml");
    mkdirSync(path.dirname(file));
    writeFileSync(file, "problem: A spring of constant $k$ holds a mass $m$. Find the period.\n---\nproblem: Find the escape speed from a planet of mass $M$ and radius $R$.\n");
    const report = await runImport(lead, inputFor(file), {});
    expect(report).toMatchObject({ created: 2, errors: [], formats: ["yaml"] });
    expect(await getDb().seed.count({ where: { source: { identifier: folder } } })).toBe(2);
    // --source-id still wins over the folder name.
    const named = await runImport(lead, inputFor(file), { sourceId: `${folder}-named`, dryRun: true });
    expect(named.preview[0].sourceIdentifier).toBe(`${folder}-named`);
  });

  it("refuses an upload over IMPORT_MAX_BYTES, naming the file and the limit, and writes nothing", async () => {
    const source = `big-${randomUUID().slice(0, 6)}`;
    const fileName = `${source}.yaml`;
    const bytes = Buffer.from(`problem: "Find $x$. ${"Pad. ".repeat(600)}"\n`);
    const previous = process.env.IMPORT_MAX_BYTES;
    process.env.IMPORT_MAX_BYTES = "2048";
    resetEnvCache();
    try {
      const response = errorResponse(await runImport(lead, { fileName, bytes }, { sourceId: source }).catch((e: unknown) => e));
      expect(response.status).toBe(422);
      const size = bytes.byteLength.toLocaleString("en");
      expect((await response.json()).error).toBe(`${fileName} is ${size} bytes, over the import limit of 2,048 bytes (IMPORT_MAX_BYTES); nothing was imported.`);
    } finally {
      if (previous === undefined) delete process.env.IMPORT_MAX_BYTES;
      else process.env.IMPORT_MAX_BYTES = previous;
      resetEnvCache();
    }
    expect(await getDb().source.count({ where: { identifier: source } })).toBe(0);
    expect(await getDb().importBatch.count({ where: { fileName } })).toBe(0);
  });
});

// Each format's rows against its JSON Schema (docs/formats), the Parquet read back with an independent
// reader, the pipeline rows imported back into a fresh database, and a failure mid-stream.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "../../lib/db";
import { resetEnvCache } from "../../lib/env";
import type { SessionUser } from "../../lib/auth/types";
import { createRelease } from "../../lib/export/create-release";
import { FORMATS } from "../../lib/export/formats";
import { canonicalJson, canonicalJsonPretty } from "../../lib/export/model/canonical-json";
import { tarGzStream } from "../../lib/export/bundle/tar";
import { runImport } from "../../lib/imports/run-import";
import { fieldsOf } from "../../lib/items/item-record";
import { startScratchDatabase } from "../support/scratch-database";
import { makeUser, useTestDatabase } from "../support/db";
import { VARIANTS, insertApprovedItem, makeReleaseSource, type ApprovedItem } from "../support/release-fixtures";
import { bundleBytes, collect, jsonLines } from "../support/bundle";

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

let files: Map<string, Buffer>;
let items: ApprovedItem[];
let releaseName: string;
let sourceIdentifier: string;
let author: SessionUser;

const filesOf = (dir: string, ext: string) => [...files.keys()].filter((p) => p.startsWith(`${dir}/`) && p.endsWith(`.${ext}`));

describe("export formats", () => {
  const testDatabaseUrl = useTestDatabase();
  beforeAll(async () => {
    author = await makeUser("ANNOTATOR");
    const lead = await makeUser("LEAD");
    const source = await makeReleaseSource("formats");
    sourceIdentifier = source.identifier;
    items = [];
    for (const fields of Object.values(VARIANTS)) items.push(await insertApprovedItem(source.id, author, lead, fields));
    releaseName = `formats-${source.identifier}`;
    await createRelease(lead, { name: releaseName, description: "Every kind of answer spec.", filter: { source: source.identifier } });
    files = await bundleBytes(releaseName);
    if (process.env.DUMP_BUNDLE) for (const [p, b] of files) { const { mkdirSync, writeFileSync } = await import("node:fs"); mkdirSync(`/tmp/bundle/${p.split("/").slice(0, -1).join("/")}`, { recursive: true }); writeFileSync(`/tmp/bundle/${p}`, b); }
  });

  it("documents every format's JSON Schema in docs/formats, and every row validates against it", () => {
    for (const format of Object.values(FORMATS)) {
      const documented = readFileSync(`docs/formats/${format.name}.schema.json`, "utf8");
      expect(documented, `docs/formats/${format.name}.schema.json is stale: run scripts/write-format-schemas.ts`).toBe(canonicalJsonPretty(format.jsonSchema));
      const validate = ajv.compile(JSON.parse(documented));
      const paths = format.name === "verl" ? filesOf("verl", "json") : filesOf(format.name, "jsonl");
      expect(paths.length).toBeGreaterThan(0);
      let rows = 0;
      for (const path of paths) {
        for (const line of files.get(path)!.toString("utf8").split("\n").filter(Boolean)) {
          rows++;
          const row = JSON.parse(line) as unknown;
          expect(validate(row), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          expect(line, `${path}: not canonical JSON`).toBe(canonicalJson(row));
        }
      }
      expect(rows).toBe(items.length);
    }
  });

  it("writes the verl ground truth exactly as graders read it", () => {
    const schema = JSON.parse(readFileSync("docs/formats/verl.schema.json", "utf8")) as { $id: string };
    const validate = ajv.getSchema(`${schema.$id}#/$defs/groundTruth`)!;
    const rows = filesOf("verl", "json").flatMap((p) => jsonLines(files.get(p)!)) as { reward_model: { ground_truth: string }; extra_info: { item_id: string } }[];
    for (const row of rows) {
      const truth = JSON.parse(row.reward_model.ground_truth) as Record<string, unknown>;
      expect(validate(truth), ajv.errorsText(validate.errors)).toBe(true);
      expect(Object.keys(truth).sort()).toEqual(["arguments", "function_name", "returns", "test_cases"]);
      const item = items.find((i) => i.id === row.extra_info.item_id)!;
      expect(truth.function_name).toBe(item.fields.answerSpec.functionName);
      expect(truth.test_cases).toEqual(item.fields.testCases.map((tc) => ({ inputs: tc.inputs, expected: tc.expected, tolerance: tc.tolerance })));
    }
    for (const row of rows) expect(row.reward_model.ground_truth).toBe(canonicalJson(JSON.parse(row.reward_model.ground_truth)));
    const complex = rows.map((r) => JSON.parse(r.reward_model.ground_truth)).find((t) => t.function_name === "amplitude");
    expect(complex.test_cases[0].expected).toEqual({ re: 0.8, im: 0.4 });
    expect(complex.returns).toEqual({ type: "complex", description: "The amplitude $t(k)$." });
  });

  it("writes Parquet whose prompt is a list of structs and whose rows equal the JSON rows", async () => {
    for (const path of filesOf("verl", "parquet")) {
      const bytes = files.get(path)!;
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const schema = parquetMetadata(buffer).schema;
      const prompt = schema.findIndex((e) => e.name === "prompt");
      expect(schema[prompt]).toMatchObject({ converted_type: "LIST", num_children: 1 });
      expect(schema[prompt + 1]).toMatchObject({ name: "list", repetition_type: "REPEATED" });
      expect(schema[prompt + 2]).toMatchObject({ name: "element", num_children: 2 });
      expect(schema.find((e) => e.name === "reward_model")).toMatchObject({ num_children: 2 });
      expect(schema.find((e) => e.name === "ground_truth")).toMatchObject({ type: "BYTE_ARRAY", converted_type: "UTF8" });
      const rows = await parquetReadObjects({ file: buffer });
      const json = jsonLines(files.get(path.replace(/\.parquet$/, ".json"))!);
      const normal = rows.map((r) => JSON.parse(JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v))));
      expect(normal).toEqual(json);
      for (const row of normal) {
        expect(Array.isArray(row.prompt)).toBe(true);
        expect(row.prompt[0]).toEqual({ role: "user", content: expect.stringContaining("```python") });
      }
    }
  });

  it("hashes every native row over its canonical JSON without the hash", () => {
    for (const path of filesOf("native", "jsonl")) {
      for (const line of files.get(path)!.toString("utf8").split("\n").filter(Boolean)) {
        const row = JSON.parse(line) as Record<string, unknown>;
        expect(canonicalJson(row)).toBe(line);
        const { contentHash, ...rest } = row;
        expect(createHash("sha256").update(canonicalJson(rest)).digest("hex")).toBe(contentHash);
        expect(row).toMatchObject({ checks: { passed: true, total: 2, failedBlocking: 0, failedWarnings: 1, failing: ["near-duplicates"] }, approval: { at: expect.any(String) } });
      }
    }
  });

  it("the SFT rows end with the reference code in a python block; prompt and completion are the two turns", () => {
    for (const path of filesOf("sft", "jsonl")) {
      for (const row of jsonLines(files.get(path)!) as { messages: { content: string }[]; prompt: unknown[]; completion: unknown[]; extra_info: { item_id: string } }[]) {
        const item = items.find((i) => i.id === row.extra_info.item_id)!;
        expect(row.messages[1].content).toContain(`\`\`\`python\n${item.fields.referenceCode.trimEnd()}\n\`\`\``);
        expect(row.prompt).toEqual([row.messages[0]]);
        expect(row.completion).toEqual([row.messages[1]]);
      }
    }
  });

  describe("the pipeline rows import back into a fresh database with the same fields", () => {
    let scratch: Awaited<ReturnType<typeof startScratchDatabase>>;
    afterAll(async () => {
      await disconnectDb();
      await scratch?.stop();
      process.env.DATABASE_URL = testDatabaseUrl;
      resetEnvCache();
    });

    it("round trip", async () => {
      const text = filesOf("pipeline", "jsonl").map((p) => files.get(p)!.toString("utf8")).join("");
      await disconnectDb();
      scratch = await startScratchDatabase("fieldwork_roundtrip");
      const importer = await makeUser("LEAD");
      const report = await runImport(importer, { fileName: "release.jsonl", bytes: Buffer.from(text) }, { format: "pipeline" });
      expect(report.errors).toEqual([]);
      expect(report.itemsCreated).toBe(items.length);
      const imported = await getDb().item.findMany({ include: { seed: { include: { source: true } } } });
      expect(imported).toHaveLength(items.length);
      for (const original of items) {
        const row = imported.find((i) => i.statement === original.fields.statement)!;
        expect(row, original.fields.answerSpec.functionName).toBeDefined();
        const back = fieldsOf(row);
        const o = original.fields;
        expect({ ...back, referenceCode: back.referenceCode.trimEnd() }).toMatchObject({
          statement: o.statement, description: o.description, solution: o.solution, finalAnswer: o.finalAnswer,
          referenceCode: o.referenceCode.trimEnd(), answerSpec: o.answerSpec, testCases: o.testCases, topic: o.topic, level: o.level, difficulty: o.difficulty,
        });
        expect(row.seed.source.identifier).toBe(sourceIdentifier);
        expect(row.seed.location).toBe("Problem 1");
      }
    });
  });
});

describe("a failure mid-stream", () => {
  it("ends the .tar.gz with an error, never a whole-looking archive", async () => {
    async function* failing() {
      yield Buffer.alloc(600, 1);
      throw new Error("database went away");
    }
    const entries = [
      { path: "a.txt", bytes: 3, body: async function* () { yield Buffer.from("abc"); } },
      { path: "b.txt", bytes: 1200, body: failing },
    ];
    await expect(collect(tarGzStream(entries, new Date(0)))).rejects.toThrow(/database went away/);
    const short = [{ path: "c.txt", bytes: 10, body: async function* () { yield Buffer.from("abc"); } }];
    await expect(collect(tarGzStream(short, new Date(0)))).rejects.toThrow(/3 bytes instead of the 10 declared/);
  });
});

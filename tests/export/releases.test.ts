// Releases against a real PostgreSQL: the freeze (filters, split ratios, frozen versions, immutability), and
// the bundle rebuilt from it byte for byte.
import { createHash } from "node:crypto";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/types";
import { createRelease } from "../../lib/export/create-release";
import { previewRelease } from "../../lib/export/preview-release";
import { deprecateRelease } from "../../lib/export/deprecate-release";
import { listReleases } from "../../lib/export/list-releases";
import { getReleaseItem } from "../../lib/export/get-release-item";
import { buildManifest } from "../../lib/export/build-manifest";
import { loadRelease } from "../../lib/export/release-record";
import { assignSplit } from "../../lib/export/model/split";
import { saveItem } from "../../lib/items/save-item";
import { makeUser, useTestDatabase } from "../support/db";
import { VARIANTS, insertApprovedItem, makeReleaseSource, type ApprovedItem } from "../support/release-fixtures";
import { bundleBytes, collect, jsonLines, tarGzBytes, untarGz } from "../support/bundle";
import { bundleFiles } from "../../lib/export/bundle-files";
import { REWARD_MODULE_BUNDLE_PATH } from "../../lib/export/bundle/layout";
import { readRewardModule } from "../../lib/grading/reward-module";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

let author: SessionUser;
let lead: SessionUser;
let annotator: SessionUser;
let source: { id: string; identifier: string };
let items: Record<string, ApprovedItem>;

describe("releases", () => {
  useTestDatabase();
  beforeAll(async () => {
    author = await makeUser("ANNOTATOR");
    annotator = await makeUser("ANNOTATOR");
    lead = await makeUser("LEAD");
    source = await makeReleaseSource();
    items = {};
    for (const [name, fields] of Object.entries(VARIANTS)) items[name] = await insertApprovedItem(source.id, author, lead, fields, new Date("2026-11-20T10:00:00Z"));
  });

  it("previews the counts, then freezes exactly those items with the same counts", async () => {
    const input = { name: `preview-${source.identifier}`, filter: { source: source.identifier } };
    const preview = await previewRelease(lead, input);
    expect(preview.total).toBe(5);
    expect(await getDb().release.count({ where: { name: input.name } })).toBe(0);
    const created = await createRelease(lead, input);
    expect(created.counts.total).toBe(5);
    expect(created.counts.bySplit).toEqual(preview.bySplit);
    expect(created.counts.byTopic).toEqual(preview.byTopic);
    expect(created.counts.bySource).toEqual({ [source.identifier]: 5 });
    const frozen = await getDb().releaseItem.findMany({ where: { releaseId: created.id }, orderBy: { position: "asc" } });
    expect(frozen.map((f) => f.position)).toEqual([0, 1, 2, 3, 4]);
    for (const f of frozen) {
      const item = Object.values(items).find((i) => i.id === f.itemId)!;
      expect(f).toMatchObject({ version: 1, revisionId: item.revisionId });
    }
    // positions are grouped by split in the order train, validation, test
    const order = { TRAIN: 0, VAL: 1, TEST: 2 };
    expect(frozen.map((f) => order[f.split])).toEqual([...frozen.map((f) => order[f.split])].sort());
    // a frozen item by id, and by its row in its split (as the verl rows' extra_info says)
    const first = frozen[0];
    const split = ({ TRAIN: "train", VAL: "validation", TEST: "test" } as const)[first.split];
    const byId = await getReleaseItem(lead, input.name, first.itemId);
    expect(byId).toMatchObject({ itemId: first.itemId, version: 1, revisionId: first.revisionId, split, position: 0 });
    expect(await getReleaseItem(lead, input.name, { split, index: 0 })).toMatchObject({ itemId: first.itemId });
    await expect(getReleaseItem(lead, input.name, { split, index: 99 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const listed = (await listReleases(lead)).releases.find((r) => r.name === input.name)!;
    expect(listed).toMatchObject({ itemCount: 5, manifestSha256: created.manifestSha256, createdBy: lead.name, deprecated: null });
  });

  it("assigns the split of items without one from the hash of item id and release name, and keeps declared splits", async () => {
    const name = `split-${source.identifier}`;
    const created = await createRelease(lead, { name, filter: { source: source.identifier }, splitRatios: { train: 0.5, validation: 0.25, test: 0.25 } });
    const frozen = await getDb().releaseItem.findMany({ where: { releaseId: created.id } });
    const ratios = { train: 0.5, validation: 0.25, test: 0.25 };
    const db = { TRAIN: "train", VAL: "validation", TEST: "test" } as const;
    for (const f of frozen) {
      const item = Object.values(items).find((i) => i.id === f.itemId)!;
      const expected = item.fields.split ? db[item.fields.split] : assignSplit(f.itemId, name, ratios);
      expect(db[f.split], `item ${f.itemId}`).toBe(expected);
    }
    // all-train ratios put every item without a declared split in train
    const allTrain = await previewRelease(lead, { name: `${name}-b`, filter: { source: source.identifier }, splitRatios: { train: 1, validation: 0, test: 0 } });
    expect(allTrain.bySplit).toEqual({ train: 3, validation: 1, test: 1 });
    await expect(previewRelease(lead, { filter: {}, splitRatios: { train: 0.5, validation: 0.5, test: 0.5 } })).rejects.toThrow(/add up to 1/);
    // the page that creates releases lives at /releases/new: no release may take that name
    await expect(createRelease(lead, { name: "new", filter: { source: source.identifier } })).rejects.toThrow(/names the page that creates releases/);
  });

  it("filters by source, topic (any case), level, difficulty, split and approval date", async () => {
    const base = { source: source.identifier };
    const total = async (filter: Record<string, string>) => (await previewRelease(lead, { name: "f", filter: { ...base, ...filter } })).total;
    expect(await total({ topic: "qed" })).toBe(1);
    expect(await total({ level: "RESEARCH" })).toBe(1);
    expect(await total({ difficulty: "EASY" })).toBe(3);
    expect(await total({ split: "test" })).toBeGreaterThanOrEqual(1);
    expect(await total({ split: "VAL" })).toBeGreaterThanOrEqual(1);
    expect(await total({ approvedBefore: "2026-11-20" })).toBe(0);
    expect(await total({ approvedBefore: "2026-11-21" })).toBe(5);
    expect(await total({ source: "no-such-source" })).toBe(0);
  });

  it("an item edited after the release keeps its frozen version in the release", async () => {
    const name = `frozen-${source.identifier}`;
    const edited = await insertApprovedItem(source.id, author, lead, { topic: "Frozen topic" });
    await createRelease(lead, { name, filter: { source: source.identifier, topic: "Frozen topic" } });
    const before = await bundleBytes(name);
    const tarBefore = sha256(await tarGzBytes(name));
    const saved = await saveItem(author, edited.id, { version: 1, statement: `${edited.fields.statement} (edited later)` });
    expect(saved).toMatchObject({ version: 2, status: "DRAFT" });
    const after = await bundleBytes(name);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(sha256(after.get(path)!), path).toBe(sha256(bytes));
    expect(sha256(await tarGzBytes(name))).toBe(tarBefore);
    const split = [...after.keys()].find((p) => p.startsWith("native/"))!;
    const [row] = jsonLines(after.get(split)!);
    expect(row).toMatchObject({ id: edited.id, version: 1, revisionId: edited.revisionId });
    expect((row.item as { statement: string }).statement).toBe(edited.fields.statement);
  });

  it("rebuilds byte for byte: the .tar.gz twice, and the manifest from the database again", async () => {
    const name = `rebuild-${source.identifier}`;
    await createRelease(lead, { name, description: "Rebuild test.", filter: { source: source.identifier } });
    const first = await tarGzBytes(name);
    const second = await tarGzBytes(name);
    expect(sha256(second)).toBe(sha256(first));
    const release = await loadRelease(getDb(), name);
    const rebuilt = await buildManifest(getDb(), release);
    expect(rebuilt.sha256).toBe(release.manifestSha256);
    // the manifest's checksums are the files' checksums; tar headers are fixed
    const entries = await untarGz(first);
    const manifest = JSON.parse(entries.find((e) => e.path === "manifest.json")!.bytes.toString("utf8")) as { files: { path: string; bytes: number; sha256: string }[] };
    expect(entries.map((e) => e.path)).toEqual([...entries.map((e) => e.path)].sort());
    for (const f of manifest.files) {
      const entry = entries.find((e) => e.path === f.path)!;
      expect(entry, f.path).toBeDefined();
      expect({ bytes: entry.bytes.byteLength, sha256: sha256(entry.bytes) }).toEqual({ bytes: f.bytes, sha256: f.sha256 });
    }
    expect(entries.length).toBe(manifest.files.length + 1);
    for (const e of entries) {
      expect(e.header).toMatchObject({ uid: 0, gid: 0, mode: 0o644, uname: "", gname: "", type: "file" });
      expect(e.header.mtime!.getTime()).toBe(Math.floor(release.createdAt.getTime() / 1000) * 1000);
    }
    // gzip: no file name, mtime 0
    expect(first.subarray(0, 4)).toEqual(Buffer.from([0x1f, 0x8b, 8, 0]));
    expect(first.readUInt32LE(4)).toBe(0);
  });

  it("carries the reward module as it was when the release was created, and builds it from that stored copy", async () => {
    const name = `reward-${source.identifier}`;
    await createRelease(lead, { name, filter: { source: source.identifier } });
    const release = await loadRelease(getDb(), name);
    const rewardModule = await readRewardModule();
    expect(release.schemaVersion).toBe(2);
    expect(release.staticFiles).toEqual({ [REWARD_MODULE_BUNDLE_PATH]: rewardModule });
    expect(release.manifest.files.find((f) => f.path === REWARD_MODULE_BUNDLE_PATH)).toEqual({ path: REWARD_MODULE_BUNDLE_PATH, bytes: Buffer.byteLength(rewardModule), rows: null, sha256: sha256(Buffer.from(rewardModule)) });
    const files = await bundleBytes(name);
    expect(files.get(REWARD_MODULE_BUNDLE_PATH)!.toString("utf8")).toBe(rewardModule);
    const card = files.get("README.md")!.toString("utf8");
    expect(card).toContain(`custom_reward_function.path=${REWARD_MODULE_BUNDLE_PATH}`);
    // `datasets` loads every config of a folder with the loader of the first config's files: all JSON Lines
    // (the verl config names verl/*.json; the Parquet files are for verl's trainer), with declared features.
    const header = parse(card.split("---\n")[1]) as { configs: { config_name: string; data_files: { path: string }[] }[]; dataset_info: { config_name: string; features: { name: string }[] }[] };
    expect(header.configs.map((c) => c.config_name)).toEqual(["verl", "sft", "native", "pipeline"]);
    for (const c of header.configs) for (const f of c.data_files) expect(f.path, c.config_name).toMatch(/\.jsonl?$/);
    expect(header.dataset_info.map((d) => d.config_name)).toEqual(["verl", "sft", "native"]);
    expect(header.dataset_info[0].features.map((f) => f.name)).toEqual(["ability", "data_source", "extra_info", "prompt", "reward_model"]);
    // The bundle is built from the stored copy, never from the app's current module: a different copy fails the manifest.
    const changed = { ...release, staticFiles: { [REWARD_MODULE_BUNDLE_PATH]: `${rewardModule}\n# improved later\n` } };
    const file = (await bundleFiles(changed)).find((f) => f.path === REWARD_MODULE_BUNDLE_PATH)!;
    await expect(collect(file.body())).rejects.toThrow(/reward\/fieldwork_reward.py rebuilt as .* but the manifest says/);
    // The stored copy is frozen with the rest of the release.
    await expect(getDb().$executeRaw`UPDATE "Release" SET "staticFiles" = '{}' WHERE "name" = ${name}`).rejects.toThrow(/releases are immutable/);
  });

  it("is immutable: no edits or deletions, names never reused, nothing written when nothing matches", async () => {
    const name = `immutable-${source.identifier}`;
    const created = await createRelease(lead, { name, filter: { source: source.identifier } });
    await expect(getDb().$executeRaw`UPDATE "ReleaseItem" SET "version" = 2 WHERE "releaseId" = ${created.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(getDb().$executeRaw`DELETE FROM "ReleaseItem" WHERE "releaseId" = ${created.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(getDb().$executeRaw`UPDATE "Release" SET "description" = 'changed' WHERE "id" = ${created.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(getDb().$executeRaw`DELETE FROM "Release" WHERE "id" = ${created.id}::uuid`).rejects.toThrow(/never deleted/);
    await expect(createRelease(lead, { name, filter: {} })).rejects.toMatchObject({ code: "CONFLICT" });
    const empty = `empty-${source.identifier}`;
    await expect(createRelease(lead, { name: empty, filter: { source: "no-such-source" } })).rejects.toMatchObject({ code: "INVALID" });
    expect(await getDb().release.count({ where: { name: empty } })).toBe(0);
    await expect(createRelease(annotator, { name: `x-${source.identifier}` })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createRelease(lead, { name: "Not A Slug" })).rejects.toThrow(/lower-case/);
  });

  it("deprecates with a reason, once; the bundle does not change", async () => {
    const name = `deprecate-${source.identifier}`;
    await createRelease(lead, { name, filter: { source: source.identifier } });
    const before = sha256(await tarGzBytes(name));
    const result = await deprecateRelease(lead, name, { reason: "A test case was wrong." });
    expect(result.deprecated.reason).toBe("A test case was wrong.");
    await expect(deprecateRelease(lead, name, { reason: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(getDb().$executeRaw`UPDATE "Release" SET "deprecationReason" = 'rewritten' WHERE "name" = ${name}`).rejects.toThrow(/immutable/);
    expect(sha256(await tarGzBytes(name))).toBe(before);
    expect((await listReleases(lead)).releases.find((r) => r.name === name)!.deprecated).toMatchObject({ reason: "A test case was wrong." });
  });
});

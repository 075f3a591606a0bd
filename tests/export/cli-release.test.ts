// `fieldwork release create|list` and `fieldwork export` as a script would use them: the folder and the
// .tar.gz hold the same bytes as the download, and a failed export leaves nothing behind.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeUser, useTestDatabase } from "../support/db";
import { VARIANTS, insertApprovedItem, makeReleaseSource } from "../support/release-fixtures";
import { tarGzBytes, untarGz } from "../support/bundle";

function fieldwork(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, ["scripts/fieldwork.mjs", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]));
}

describe("fieldwork release and export", () => {
  const url = useTestDatabase();
  let source: string;
  beforeAll(async () => {
    const author = await makeUser("ANNOTATOR");
    const lead = await makeUser("LEAD");
    const s = await makeReleaseSource("cli");
    source = s.identifier;
    for (const fields of Object.values(VARIANTS)) await insertApprovedItem(s.id, author, lead, fields);
  });

  it("creates a release with a filter, lists it, and exports the same bytes as a folder and a .tar.gz", async () => {
    const name = `cli-${source}`;
    const dry = fieldwork(["release", "create", "--name", name, "--source", source, "--dry-run", "--json"], url);
    expect(dry.status, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ total: 5 });
    const created = fieldwork(["release", "create", "--name", name, "--source", source, "--ratios", "0.6,0.2,0.2", "--json"], url);
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name, counts: { total: 5 } });
    const listed = JSON.parse(fieldwork(["release", "list", "--json"], url).stdout) as { releases: { name: string; createdBy: string }[] };
    expect(listed.releases.find((r) => r.name === name)).toMatchObject({ createdBy: "Command line" });

    const dir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-export-"));
    const folder = path.join(dir, "bundle");
    const archive = path.join(dir, "bundle.tar.gz");
    expect(fieldwork(["export", name, "--out", folder, "--json"], url).status).toBe(0);
    const exported = fieldwork(["export", name, "--out", archive, "--json"], url);
    expect(exported.status, exported.stderr).toBe(0);
    expect(sha256(readFileSync(archive))).toBe(sha256(await tarGzBytes(name)));
    const entries = await untarGz(readFileSync(archive));
    expect(walk(folder).sort()).toEqual(entries.map((e) => e.path).sort());
    for (const e of entries) expect(sha256(readFileSync(path.join(folder, e.path))), e.path).toBe(sha256(e.bytes));

    // an existing target is refused; nothing partial is left next to it
    const again = fieldwork(["export", name, "--out", archive, "--json"], url);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout).error).toMatch(/exists already/);
    const missing = fieldwork(["export", "no-such-release", "--out", path.join(dir, "x.tar.gz")], url);
    expect(missing.stderr).toBe("fieldwork: No such release.");
    expect(readdirSync(dir).sort()).toEqual(["bundle", "bundle.tar.gz"]);
  }, 240_000);
});

// The `fieldwork` command as a script would use it: one JSON object with --json, non-zero exit with a
// one-line message on error.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createItem } from "../../lib/items/create-item";
import { listMigrationFiles } from "../../lib/db/migrate";
import { saveItem } from "../../lib/items/save-item";
import { makeSeed, makeUser, uniqueEmail, useTestDatabase } from "../support/db";
import { GOOD_ITEM } from "../support/item-fixtures";

function fieldwork(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, ["scripts/fieldwork.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe("fieldwork CLI", () => {
  const url = useTestDatabase();

  it("adds a user with a generated password and lists it", () => {
    const email = uniqueEmail("cli");
    const added = fieldwork(["user", "add", "--email", email, "--role", "lead", "--json"], url);
    expect(added.status).toBe(0);
    const body = JSON.parse(added.stdout);
    expect(body.user).toMatchObject({ email, role: "LEAD", active: true });
    expect(body.password).toMatch(/^[\w-]{16}$/);

    const listed = fieldwork(["user", "list", "--json"], url);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout).users.map((u: { email: string }) => u.email)).toContain(email);
  });

  it("fails with exit 1 and one line naming the problem", () => {
    const bad = fieldwork(["user", "add", "--email", "x@test.local", "--role", "wizard", "--json"], url);
    expect(bad.status).toBe(1);
    expect(bad.stderr.split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^fieldwork: role: /);
    expect(JSON.parse(bad.stdout).error).toMatch(/role/);
  });

  it("reports migrations as up to date on a migrated database", () => {
    const res = fieldwork(["db", "migrate", "--json"], url);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ applied: [], alreadyApplied: listMigrationFiles().length });
  });

  it("runs a function in the sandbox once per input object", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-cli-"));
    writeFileSync(path.join(dir, "f.py"), "import math\ndef f(x):\n    return math.sqrt(x)\n\ndef const():\n    return 'ok'\n");
    writeFileSync(path.join(dir, "in.json"), JSON.stringify([{ x: 4 }, { x: -1 }]));
    writeFileSync(path.join(dir, "none.json"), "[{}]");
    const run = fieldwork(["sandbox", "run", "--code", path.join(dir, "f.py"), "--function", "f", "--inputs", path.join(dir, "in.json"), "--json"], url);
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body).toMatchObject({ ok: false, isolation: expect.stringMatching(/bwrap|rlimits/) });
    expect(body.results).toEqual([{ output: 2, ms: expect.any(Number) }, { error: "ValueError: math domain error", ms: expect.any(Number) }]);
    const none = fieldwork(["sandbox", "run", "--code", path.join(dir, "f.py"), "--function", "const", "--inputs", path.join(dir, "none.json"), "--json"], url);
    expect(JSON.parse(none.stdout)).toMatchObject({ ok: true, results: [{ output: "ok" }] });
    const bad = fieldwork(["sandbox", "run", "--code", path.join(dir, "f.py"), "--function", "f", "--inputs", path.join(dir, "f.py")], url);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^fieldwork: .*f\.py is not valid JSON/);
  }, 60_000);

  it("runs an item's checks and prints the same object as the API", async () => {
    const author = await makeUser("ANNOTATOR");
    const { id } = await createItem(author, { seedId: (await makeSeed()).id });
    await saveItem(author, id, { version: 1, ...GOOD_ITEM });
    const checked = fieldwork(["check", id, "--json"], url);
    expect(checked.status).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ version: 2, passed: true, results: expect.arrayContaining([expect.objectContaining({ id: "reference-runs", status: "pass" })]) });
    expect(fieldwork(["check", "not-an-id"], url).stderr).toBe("fieldwork: No such item.");
  }, 60_000);

  it("imports a folder tree with --json (folder names are source ids) and fails with exit 1 on an unreadable target", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "fieldwork-import-"));
    const course = `course-${Date.now()}`;
    mkdirSync(path.join(root, "pairs", course), { recursive: true });
    writeFileSync(path.join(root, "pairs", course, "matched_pairs.yaml"), "problem: {type: problem, content: 'Find $k$.'}\n---\nproblem: [oops\n");
    const run = fieldwork(["import", path.join(root, "pairs"), "--json"], url);
    expect(run.status).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body).toMatchObject({ batchId: expect.any(String), created: 1, duplicates: 0, skipped: 0 });
    expect(body.errors).toEqual([{ file: `pairs/${course}/matched_pairs.yaml`, line: expect.any(Number), document: 2, message: expect.stringMatching(/^YAML: /) }]);
    const again = JSON.parse(fieldwork(["import", path.join(root, "pairs"), "--json", "--dry-run"], url).stdout);
    expect(again).toMatchObject({ batchId: null, created: 0, duplicates: 1 });
    const missing = fieldwork(["import", path.join(root, "nope.yaml")], url);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/is neither a file, a folder nor an arXiv id/);
  }, 60_000);

  it("decides equivalence of two answers and scores a file of pairs", () => {
    const one = fieldwork(["equiv", "\\frac{1}{2}", "0.5", "--json"], url);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ equivalent: true, readAs: { gold: expect.any(String), pred: expect.any(String) } });
    const dir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-equiv-"));
    const pairs = [
      { id: "a", gold: "2x", pred: "x+x", expected: true },
      { id: "b", gold: "x^2", pred: "x^3", expected: false },
      { id: "c", gold: "\\sin x", pred: "\\cos x", expected: true },
      { id: "d", gold: "\\int f(x)\\,dx", pred: "F(x)", expected: true },
      { id: "e", gold: "m_W = 80.4\\,\\mathrm{GeV}", pred: "80.4", expected: false },
    ];
    writeFileSync(path.join(dir, "pairs.json"), JSON.stringify(pairs));
    const scored = JSON.parse(fieldwork(["equiv", "--file", path.join(dir, "pairs.json"), "--json"], url).stdout);
    expect(scored).toMatchObject({ total: 5, correct: 3, falsePositives: 0, falseNegatives: 1, undecided: 1, errors: 0 });
    expect(scored.cases.map((c: { id: string; equivalent: boolean }) => [c.id, c.equivalent])).toEqual([["a", true], ["b", false], ["c", false], ["d", null], ["e", false]]);
    // Units optional, and a convention, for the whole file.
    const lenient = JSON.parse(fieldwork(["equiv", "--file", path.join(dir, "pairs.json"), "--units", "optional", "--json"], url).stdout);
    expect(lenient.cases[4]).toMatchObject({ id: "e", equivalent: true });
    const hl = JSON.parse(fieldwork(["equiv", "\\frac{e^2}{4\\pi}", "\\alpha", "--conventions", "natural-HL", "--json"], url).stdout);
    expect(hl).toMatchObject({ equivalent: true, conventions: [expect.stringMatching(/^natural-HL/)] });
    // A bad pair is an error for that pair; the others are still scored, and the exit status says so.
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify([{ id: "x", gold: "1" }, { id: "y", gold: "1", pred: "1", expected: true }]));
    const bad = fieldwork(["equiv", "--file", path.join(dir, "bad.json"), "--json"], url);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ total: 2, correct: 1, errors: 1 });
  }, 120_000);

  it("lists the review queue and assigns a source's seeds to a user by email", async () => {
    const author = await makeUser("ANNOTATOR");
    const seed = await makeSeed();
    const { id } = await createItem(author, { seedId: seed.id });
    const saved = await saveItem(author, id, { version: 1, ...GOOD_ITEM });
    const { submitItem } = await import("../../lib/items/submit-item");
    await submitItem(author, id, { version: saved.version });
    const queue = fieldwork(["review", "list", "--author", author.email, "--json"], url);
    expect(queue.status, queue.stderr).toBe(0);
    const page = JSON.parse(queue.stdout);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id, author: { id: author.id }, version: saved.version + 1 });
    const later = fieldwork(["review", "list", "--author", author.email, "--submitted-after", "2999-01-01", "--json"], url);
    expect(JSON.parse(later.stdout).total, later.stderr).toBe(0);
    const earlier = fieldwork(["review", "list", "--author", author.email, "--submitted-before", "2999-01-01", "--json"], url);
    expect(JSON.parse(earlier.stdout).total, earlier.stderr).toBe(1);

    const { getDb } = await import("../../lib/db");
    const source = await getDb().source.findUniqueOrThrow({ where: { id: seed.sourceId } });
    await getDb().seed.create({ data: { sourceId: source.id, problem: "Another one: find $k$.", contentHash: `${source.identifier}-2` } });
    const assigned = fieldwork(["assign", "--to", author.email, "--source", source.identifier, "--json"], url);
    expect(assigned.status, assigned.stderr).toBe(0);
    // The adapted seed is in progress, so only the new one is assignable.
    expect(JSON.parse(assigned.stdout)).toEqual({ assigned: 1 });
    const neither = fieldwork(["assign", "--to", author.email, "--json"], url);
    expect(neither.status).toBe(1);
    expect(neither.stderr).toMatch(/either --source or --ids/);

    // --ids with --count: the oldest of the listed seeds, no more
    const older = await getDb().seed.create({ data: { sourceId: source.id, problem: "Older: find $a$.", contentHash: `${source.identifier}-3`, createdAt: new Date(Date.now() - 60_000) } });
    const newer = await getDb().seed.create({ data: { sourceId: source.id, problem: "Newer: find $b$.", contentHash: `${source.identifier}-4` } });
    const ids = path.join(mkdtempSync(path.join(os.tmpdir(), "fieldwork-ids-")), "ids.txt");
    writeFileSync(ids, `${newer.id}\n${older.id}\n`);
    const counted = fieldwork(["assign", "--to", author.email, "--ids", ids, "--count", "1", "--json"], url);
    expect(JSON.parse(counted.stdout), counted.stderr).toEqual({ assigned: 1 });
    const after = await getDb().seed.findMany({ where: { id: { in: [older.id, newer.id] } }, select: { id: true, assigneeId: true } });
    expect(Object.fromEntries(after.map((s) => [s.id, s.assigneeId]))).toEqual({ [older.id]: author.id, [newer.id]: null });
  });

  it("creates a token once, lists it without the secret, revokes it", async () => {
    const user = await makeUser("ANNOTATOR");
    const created = fieldwork(["token", "create", "--user", user.email, "--name", "cli script", "--scopes", "grade,items:read", "--days", "30", "--json"], url);
    expect(created.status).toBe(0);
    const body = JSON.parse(created.stdout);
    expect(body).toMatchObject({ id: expect.any(String), token: expect.stringMatching(/^fw_[0-9A-Za-z]{43}$/), expiresAt: expect.any(String), scopes: ["grade", "items:read"] });
    const listed = fieldwork(["token", "list", "--user", user.email, "--json"], url);
    expect(listed.stdout).not.toContain(body.token);
    expect(JSON.parse(listed.stdout).tokens.map((t: { id: string; status: string }) => [t.id, t.status])).toEqual([[body.id, "active"]]);
    const revoked = fieldwork(["token", "revoke", body.id, "--json"], url);
    expect(JSON.parse(revoked.stdout).token.status).toBe("revoked");
    const refused = fieldwork(["token", "create", "--user", user.email, "--name", "x", "--scopes", "import", "--json"], url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/may not have "import"/);
  }, 120_000);

  it("grades a response against a ground truth file: exit 0 when it passes, 2 when it fails", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fieldwork-cli-"));
    const gt = { function_name: "double", arguments: [{ name: "x", type: "float" }], returns: { type: "float" }, test_cases: [{ inputs: { x: 1 }, expected: 2 }, { inputs: { x: 2.5 }, expected: 5 }] };
    writeFileSync(path.join(dir, "gt.json"), JSON.stringify(gt));
    writeFileSync(path.join(dir, "good.md"), "```python\ndef double(x):\n    return 2 * x\n```");
    writeFileSync(path.join(dir, "bad.md"), "```python\ndef double(x):\n    return x + 1\n```");
    const good = fieldwork(["grade", "--ground-truth", path.join(dir, "gt.json"), "--response", path.join(dir, "good.md"), "--json"], url);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ passed: true, score: 1, casesPassed: 2, casesTotal: 2 });
    const bad = fieldwork(["grade", "--ground-truth", path.join(dir, "gt.json"), "--response", path.join(dir, "bad.md")], url);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/^FAILED 1\/2 cases/);
  }, 60_000);
});

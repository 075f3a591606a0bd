// The grading API against a real PostgreSQL and the real sandbox: by an item's approved (or current) version,
// by a release's frozen item, by ground truth; a batch with bad slots; hostile responses; the OpenRLHF
// adapter; tokens on the routes; the Python module on a release's items gives the API's verdicts.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as gradeRoute } from "../../app/api/grade/route";
import { POST as batchRoute } from "../../app/api/grade/batch/route";
import { GET as rewardModuleRoute } from "../../app/api/grade/reward.py/route";
import { POST as openrlhfRoute } from "../../app/api/reward/openrlhf/route";
import type { SessionUser } from "../../lib/auth/types";
import { getDb } from "../../lib/db";
import { resetEnvCache } from "../../lib/env";
import { gradeBatch, gradeOne, type Graded, type SlotError } from "../../lib/grading/grade-requests";
import { rewardOpenRLHF } from "../../lib/grading/openrlhf";
import { bundleOfFields, toGroundTruth } from "../../lib/grading/test-bundle";
import { createRelease } from "../../lib/export/create-release";
import { REWARD_MODULE_BUNDLE_PATH } from "../../lib/export/bundle/layout";
import { SPLIT_NAMES, SPLIT_OF_DB, type SplitName } from "../../lib/export/model/release-row";
import { createItem } from "../../lib/items/create-item";
import { saveItem } from "../../lib/items/save-item";
import { submitItem } from "../../lib/items/submit-item";
import { decideItem } from "../../lib/review/decide-item";
import { closeSandboxPool, getSandboxPool } from "../../lib/sandbox/pool";
import { createToken } from "../../lib/tokens/create-token";
import { makeSeed, makeUser, useTestDatabase } from "../support/db";
import { GOOD_ITEM } from "../support/item-fixtures";
import { bundleBytes, jsonLines } from "../support/bundle";
import { gradeWithModule } from "../support/reward-module";
import { callRoute } from "../support/route-call";
import { bwrapAvailable, clearSandboxEnv, probeMode } from "../support/sandbox";

const bwrap = await bwrapAvailable();
const PRELUDE = readFileSync(path.join(process.cwd(), "tests", "sandbox", "hostile", "_prelude.py"), "utf8");
const py = (code: string) => `Reasoning…\n\`\`\`python\n${code}\n\`\`\`\n`;
const CORRECT = py("def energy(n, omega):\n    return omega * (n + 0.5)");
const SHIFTED = py("def energy(n, omega):\n    return omega * (n + 1)");
const FAST = { wallMs: 3000, cpuMs: 2000 };
const GT = toGroundTruth(bundleOfFields(GOOD_ITEM));

let author: SessionUser;
let lead: SessionUser;
let itemId: string;
let approvedVersion: number;
let release: string;
let split: SplitName;

const isGraded = (r: Graded | SlotError): r is Graded => "cases" in r;

describe.runIf(bwrap.ok)("grading API", () => {
  useTestDatabase();
  beforeAll(async () => {
    closeSandboxPool();
    await probeMode("bwrap");
    expect(await getSandboxPool().warm()).toBeNull();
    author = await makeUser("ANNOTATOR");
    lead = await makeUser("LEAD");
    // An approved item, then edited: its current version expects omega·(n + 1).
    const seed = await makeSeed();
    ({ id: itemId } = await createItem(author, { seedId: seed.id }));
    const saved = await saveItem(author, itemId, { version: 1, ...GOOD_ITEM });
    const submitted = await submitItem(author, itemId, { version: saved.version });
    await decideItem(lead, itemId, { version: submitted.version, decision: "APPROVE" });
    approvedVersion = submitted.version;
    await saveItem(author, itemId, {
      version: approvedVersion,
      referenceCode: "def energy(n: int, omega: float) -> float:\n    return omega * (n + 1)\n",
      testCases: GOOD_ITEM.testCases.map((tc) => ({ ...tc, expected: (tc.inputs.omega as number) * ((tc.inputs.n as number) + 1) })),
    });
    // A release of this item's source: it freezes the approved version (the edit above comes later).
    const { source } = await getDb().seed.findUniqueOrThrow({ where: { id: seed.id }, select: { source: { select: { identifier: true } } } });
    release = `grading-test-${Date.now()}`;
    await createRelease(lead, { name: release, filter: { source: source.identifier } });
    split = SPLIT_OF_DB[(await getDb().releaseItem.findFirstOrThrow({ where: { release: { name: release } } })).split];
  }, 180_000);
  afterAll(() => {
    closeSandboxPool();
    clearSandboxEnv();
  });

  it("grades against an item's last approved version, with every case reported", async () => {
    const good = await gradeOne(author, { item: itemId, response: CORRECT });
    expect(good).toMatchObject({ passed: true, score: 1, casesPassed: 3, casesTotal: 3, functionName: "energy", isolation: "bwrap", item: { id: itemId, version: approvedVersion } });
    expect(good.code).toBe("def energy(n, omega):\n    return omega * (n + 0.5)\n");
    expect(good.cases[1]).toEqual({ index: 1, inputs: { n: 1, omega: 2 }, expected: 3, got: 3, passed: true, error: null });
    const bad = await gradeOne(author, { item: itemId, response: SHIFTED });
    expect(bad).toMatchObject({ passed: false, score: 0, casesPassed: 0, casesTotal: 3 });
    expect(bad.cases[0].error).toBe("1 ≠ 0.5 (tolerance abs 0.000001, rel 0.000001)");
  });

  it("grades against the current version for leads and admins (?version=current), not annotators", async () => {
    expect(await gradeOne(lead, { item: itemId, response: SHIFTED }, { version: "current" })).toMatchObject({ passed: true, item: { version: approvedVersion + 1 } });
    expect((await gradeOne(lead, { item: itemId, response: CORRECT }, { version: "current" })).passed).toBe(false);
    await expect(gradeOne(author, { item: itemId, response: CORRECT }, { version: "current" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const draft = await createItem(author, { seedId: (await makeSeed()).id });
    await expect(gradeOne(author, { item: draft.id, response: CORRECT })).rejects.toThrow(/has no approved version yet/);
    await expect(gradeOne(lead, { item: draft.id, response: CORRECT })).rejects.toThrow(/\?version=current/);
    await expect(gradeOne(author, { item: "00000000-0000-4000-8000-000000000000", response: CORRECT })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("grades against a release's frozen item, by index (in the release, or within a split) or item id", async () => {
    expect(await gradeOne(author, { release, index: 0, response: CORRECT })).toMatchObject({ passed: true, item: { id: itemId, version: approvedVersion } });
    expect(await gradeOne(author, { release, split, index: 0, response: CORRECT })).toMatchObject({ passed: true, item: { id: itemId, version: approvedVersion } });
    const other = SPLIT_NAMES.find((s) => s !== split)!;
    await expect(gradeOne(author, { release, split: other, index: 0, response: CORRECT })).rejects.toThrow(`Release ${release} has no ${other} item at index 0 (its ${other} split has 0).`);
    await expect(gradeOne(author, { release, split, index: 1, response: CORRECT })).rejects.toThrow(`Release ${release} has no ${split} item at index 1 (its ${split} split has 1).`);
    await expect(gradeOne(author, { release, split, response: CORRECT })).rejects.toMatchObject({ name: "ZodError" });
    expect((await gradeOne(author, { release, itemId, response: SHIFTED })).passed).toBe(false);
    await expect(gradeOne(author, { release, index: 1, response: CORRECT })).rejects.toThrow(`Release ${release} has no item at index 1.`);
    await expect(gradeOne(author, { release: "no-such-release", index: 0, response: CORRECT })).rejects.toThrow("No release named no-such-release.");
    await expect(gradeOne(author, { release, response: CORRECT })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("grades against a ground truth sent along, as a JSON string or an object", async () => {
    expect((await gradeOne(author, { groundTruth: JSON.stringify(GT), response: CORRECT })).passed).toBe(true);
    expect((await gradeOne(author, { groundTruth: GT, response: SHIFTED })).casesPassed).toBe(0);
    const noBlock = await gradeOne(author, { groundTruth: GT, response: "omega (n + 1/2)" });
    expect(noBlock).toMatchObject({ passed: false, code: null, isolation: null });
    await expect(gradeOne(author, { groundTruth: { ...GT, test_cases: [] }, response: CORRECT })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["groundTruth", "test_cases"] })] });
  });

  it("grades a batch in order; a bad request is an error in its slot", async () => {
    const { results } = await gradeBatch(author, {
      requests: [
        { item: itemId, response: CORRECT },
        { item: "not-an-id", response: CORRECT },
        { groundTruth: "{broken", response: CORRECT },
        { item: "00000000-0000-4000-8000-000000000000", response: CORRECT },
        { release, index: 0, response: SHIFTED },
        { groundTruth: GT, response: CORRECT },
        { response: CORRECT },
      ],
    });
    expect(results.map((r) => (isGraded(r) ? r.passed : r.status))).toEqual([true, 422, 422, 404, false, true, 422]);
    expect((results[2] as SlotError).issues?.[0]).toEqual({ path: "groundTruth", message: "The ground truth is not valid JSON." });
    await expect(gradeBatch(author, { requests: Array.from({ length: 257 }, () => ({ groundTruth: GT, response: CORRECT })) })).rejects.toThrow(/At most 256/);
  });

  it("fails hostile responses cleanly, with the audit hook taken out of the way first, and keeps the pool healthy", async () => {
    // Each attack is followed by the right answer: a case that passes is an attack that got through.
    const hostile = [
      "def energy(n, omega):\n    while True:\n        pass",
      "import os\ndef energy(n, omega):\n    os.fork()\n    return omega * (n + 0.5)",
      "import socket\ndef energy(n, omega):\n    socket.create_connection(('127.0.0.1', 5432), timeout=1)\n    return omega * (n + 0.5)",
      "def energy(n, omega):\n    open('/usr/fieldwork-owned', 'w').write('x')\n    return omega * (n + 0.5)",
      `def energy(n, omega):\n    open(${JSON.stringify(`${process.cwd()}/package.json`)}).read()\n    return omega * (n + 0.5)`,
      "def energy(n, omega):\n    x = [bytearray(10 ** 8) for _ in range(100)]\n    return omega * (n + 0.5)",
      "import os\ndef energy(n, omega):\n    os.kill(1, 9)\n    return omega * (n + 0.5)",
      "import subprocess\ndef energy(n, omega):\n    subprocess.run(['/bin/true'])\n    return omega * (n + 0.5)",
    ];
    const { results } = await gradeBatch(author, { requests: hostile.map((code) => ({ groundTruth: GT, response: py(`${PRELUDE}\nunhook()\n${code}`) })) }, { limits: FAST });
    for (const [i, r] of results.entries()) {
      if (process.env.SHOW_HOSTILE) console.log(hostile[i].split("\n").slice(-2, -1)[0], "→", (r as Graded).cases?.[0]?.error);
      expect(isGraded(r), hostile[i]).toBe(true);
      expect((r as Graded).casesPassed, hostile[i]).toBe(0);
      expect((r as Graded).cases.every((c) => c.error && !/audit|not allowed in the sandbox/.test(c.error)), hostile[i]).toBe(true);
    }
    const after = await gradeBatch(author, { requests: Array.from({ length: 6 }, () => ({ groundTruth: GT, response: CORRECT })) });
    expect(after.results.map((r) => isGraded(r) && r.passed)).toEqual(Array(6).fill(true));
    expect(getSandboxPool().status().state).toBe("ready");
  });

  it("answers OpenRLHF's remote reward request, grading the response after the prompt", async () => {
    // The prompt's own python block (a correct one!) is not what is graded: only what follows the prompt.
    const prompt = `Write energy(n, omega). Example:\n${CORRECT}`;
    const reward = await rewardOpenRLHF(author, { query: [prompt + CORRECT, prompt + SHIFTED, `${prompt}I give up.`], prompts: [prompt, prompt, prompt], labels: [JSON.stringify(GT), JSON.stringify(GT), JSON.stringify(GT)] });
    expect(reward).toEqual({ rewards: [1, 0, 0], scores: [1, 0, 0], extra_logs: { cases_passed: [3, 0, 0], cases_total: [3, 3, 3], cases_fraction: [1, 0, 0] } });
    await expect(rewardOpenRLHF(author, { query: ["x"], prompts: ["p"], labels: ["not json"] })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["labels", 0], message: "The ground truth is not valid JSON." })] });
    await expect(rewardOpenRLHF(author, { query: ["x", "y"], labels: ["{}"] })).rejects.toThrow(/1 labels for 2 queries/);
  });

  it("serves the routes to tokens with the grade scope only", async () => {
    const grader = (await createToken(author, { name: "grader", scopes: ["grade"] })).token;
    const reader = (await createToken(author, { name: "reader", scopes: ["items:read"] })).token;
    const one = await callRoute(gradeRoute, { method: "POST", url: "/api/grade", token: grader, body: { item: itemId, response: CORRECT } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ passed: true, score: 1 });
    const refused = await callRoute(gradeRoute, { method: "POST", url: "/api/grade", token: reader, body: { item: itemId, response: CORRECT } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/lacks the scope "grade"/);
    const current = await callRoute(gradeRoute, { method: "POST", url: "/api/grade?version=current", token: grader, body: { item: itemId, response: CORRECT } });
    expect(current.status).toBe(403);
    const batch = await callRoute(batchRoute, { method: "POST", url: "/api/grade/batch", token: grader, body: { requests: [{ groundTruth: GT, response: CORRECT }, { groundTruth: GT, response: SHIFTED }] } });
    expect(batch.status).toBe(200);
    expect((batch.body.results as Graded[]).map((r) => r.score)).toEqual([1, 0]);
    const rlhf = await callRoute(openrlhfRoute, { method: "POST", url: "/api/reward/openrlhf", token: grader, body: { query: [CORRECT], prompts: [""], labels: [JSON.stringify(GT)] } });
    expect(rlhf.body).toMatchObject({ rewards: [1], scores: [1] });
    const served = await callRoute(rewardModuleRoute, { url: "/api/grade/reward.py", token: grader });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toMatch(/text\/x-python/);
    expect(String(served.body.text)).toContain("def compute_score(");
    expect((await callRoute(rewardModuleRoute, { url: "/api/grade/reward.py", token: reader })).status).toBe(403);
  });

  it("the reward module shipped in the release's bundle, on the bundle's verl rows, gives the API's verdicts on that release's items", async () => {
    const files = await bundleBytes(release);
    const rewardModule = files.get(REWARD_MODULE_BUNDLE_PATH);
    expect(rewardModule, "the bundle carries the reward module").toBeDefined();
    const modulePath = path.join(mkdtempSync(path.join(tmpdir(), "fw-reward-")), "fieldwork_reward.py");
    writeFileSync(modulePath, rewardModule!);
    const rows = jsonLines(files.get(`verl/${split}.json`)!) as { reward_model: { ground_truth: string }; extra_info: { split: SplitName; index: number; item_id: string } }[];
    expect(rows.map((r) => r.extra_info)).toEqual([expect.objectContaining({ split, index: 0, item_id: itemId })]);
    const responses = [CORRECT, SHIFTED, py("def energy(n, omega):\n    return omega * n + omega / 2"), py("def energy(n, omega):\n    return 1 / n"), "no code"];
    const api = await gradeBatch(author, { requests: responses.map((response) => ({ release, split: rows[0].extra_info.split, index: rows[0].extra_info.index, response })) });
    const local = await gradeWithModule(responses, responses.map(() => rows[0].reward_model.ground_truth), { module: modulePath });
    expect(local.map((r) => r.passed)).toEqual([true, false, true, false, false]);
    expect(local.map((r) => [r.passed, r.cases.map((c) => [c.passed, c.error])])).toEqual(api.results.map((r) => {
      const g = r as Graded;
      return [g.passed, g.cases.map((c) => [c.passed, c.error])];
    }));
  });

  it("answers 503, not a failed grade, when the sandbox cannot run anything", async () => {
    closeSandboxPool();
    process.env.SANDBOX_PYTHON = "/nonexistent/python3";
    resetEnvCache();
    try {
      await expect(gradeOne(author, { groundTruth: GT, response: CORRECT })).rejects.toMatchObject({ code: "UNAVAILABLE", status: 503 });
    } finally {
      closeSandboxPool();
      delete process.env.SANDBOX_PYTHON;
      resetEnvCache();
    }
  });
});

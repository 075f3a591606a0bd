// The Python reward module's entry points, called as verl, TRL and OpenRLHF call them, in local mode and in
// remote mode (FIELDWORK_URL + FIELDWORK_TOKEN, against the real /api/grade/batch route): same rewards.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as batchRoute } from "../../app/api/grade/batch/route";
import { bundleOfFields, toGroundTruth } from "../../lib/grading/test-bundle";
import { closeSandboxPool, getSandboxPool } from "../../lib/sandbox/pool";
import { createToken } from "../../lib/tokens/create-token";
import { makeUser, useTestDatabase } from "../support/db";
import { GOOD_ITEM } from "../support/item-fixtures";
import { REWARD_MODULE, SYSTEM_PYTHON } from "../support/reward-module";
import { bwrapAvailable, clearSandboxEnv, probeMode } from "../support/sandbox";

const bwrap = await bwrapAvailable();
const GT = JSON.stringify(toGroundTruth(bundleOfFields(GOOD_ITEM)));
const INPUT = {
  groundTruth: GT,
  correct: "Final:\n```python\ndef energy(n, omega):\n    return omega * (n + 0.5)\n```",
  wrong: "```python\ndef energy(n, omega):\n    return omega * n\n```",
  prompt: "Write energy(n, omega). A skeleton:\n```python\ndef energy(n, omega):\n    return omega * (n + 0.5)\n```\n",
};

type Outcome = { value?: unknown; raised?: string; message?: string };

function entrypoints(env: Record<string, string> = {}): Promise<Record<string, Outcome>> {
  return new Promise((resolve, reject) => {
    const child = spawn(SYSTEM_PYTHON, [path.join(process.cwd(), "tests", "grading", "reward_entrypoints.py"), REWARD_MODULE], { env: { ...process.env, FIELDWORK_URL: "", FIELDWORK_TOKEN: "", ...env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, Outcome>) : reject(new Error(err))));
    child.stdin.end(JSON.stringify(INPUT));
  });
}

/** A server that answers /api/grade/batch with the real route handler. */
function bridge(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = req.url === "/api/grade/batch" ? await batchRoute(request, { params: Promise.resolve({}) }) : Response.json({ error: "not here" }, { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe.runIf(bwrap.ok)("the Python reward module's entry points", () => {
  useTestDatabase();
  let local: Record<string, Outcome>;
  let server: Server;

  beforeAll(async () => {
    closeSandboxPool();
    await probeMode("bwrap");
    expect(await getSandboxPool().warm()).toBeNull();
    server = await bridge();
    local = await entrypoints();
  }, 120_000);
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    closeSandboxPool();
    clearSandboxEnv();
  });

  it("compute_score answers verl with a score and what it is made of", () => {
    expect(local.verl_correct.value).toEqual({ score: 1, passed: true, cases_passed: 3, cases_total: 3, error: "" });
    expect(local.verl_wrong.value).toEqual({ score: 0, passed: false, cases_passed: 0, cases_total: 3, error: "case 0: 0 ≠ 0.5 (tolerance abs 0.000001, rel 0.000001)" });
  });

  it("reward_func answers TRL (keywords with completions; strings or chat messages; ground_truth or reward_model)", () => {
    expect(local.trl_strings.value).toEqual([1, 0]);
    expect(local.trl_messages.value).toEqual([1, 0]);
    expect(local.trl_positional.value).toEqual([1, 0]);
    expect(local.trl_without_ground_truth).toMatchObject({ raised: "TypeError", message: expect.stringMatching(/ground_truth/) });
  });

  it("reward_func answers OpenRLHF (queries, prompts, labels), grading only what follows the prompt", () => {
    const expected = { rewards: [1, 0, 0], scores: [1, 0, 0], extra_logs: { cases_passed: [3, 0, 0], cases_total: [3, 3, 3], cases_fraction: [1, 0, 0] } };
    expect(local.openrlhf_positional.value).toEqual(expected);
    expect(local.openrlhf_keywords.value).toMatchObject({ rewards: [1], scores: [1] });
    expect(local.no_arguments).toMatchObject({ raised: "TypeError" });
  });

  it("refuses a ground truth that is not one, loudly", () => {
    expect(local.bad_ground_truth).toMatchObject({ raised: "ValueError", message: expect.stringMatching(/returns/) });
  });

  it("gives the same results in remote mode, through POST /api/grade/batch with a token", async () => {
    const user = await makeUser("ANNOTATOR");
    const { token } = await createToken(user, { name: "remote module", scopes: ["grade"] });
    const { port } = server.address() as AddressInfo;
    const remote = await entrypoints({ FIELDWORK_URL: `http://127.0.0.1:${port}`, FIELDWORK_TOKEN: token });
    for (const key of ["verl_correct", "verl_wrong", "trl_strings", "trl_messages", "trl_positional", "openrlhf_positional", "openrlhf_keywords"]) {
      expect(remote[key], key).toEqual(local[key]);
    }
    const [l, r] = [local.grade.value as { cases: unknown[] }, remote.grade.value as { cases: unknown[]; ms: number }];
    expect({ ...r, ms: 0 }).toEqual({ ...l, ms: 0 });
    // The server's own refusal of a bad ground truth reaches the caller as a ValueError too.
    expect(remote.bad_ground_truth).toMatchObject({ raised: "ValueError" });
    const refused = await entrypoints({ FIELDWORK_URL: `http://127.0.0.1:${port}`, FIELDWORK_TOKEN: `fw_${"x".repeat(43)}` });
    expect(refused.verl_correct).toMatchObject({ raised: "RuntimeError", message: expect.stringMatching(/401: Unknown API token/) });
  });
});

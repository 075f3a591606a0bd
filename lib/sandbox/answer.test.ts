import { describe, expect, it } from "vitest";
import { assembleAnswer, REFUSED } from "./answer";

const NONCE = "a".repeat(32);
const ok = { reason: null, anomaly: null };
const lines = (...objects: object[]) => Buffer.from(objects.map((o) => `${JSON.stringify(o)}\n`).join(""));

describe("assembleAnswer", () => {
  it("takes one line per call, in order, and pads calls that never answered with the reason", () => {
    const out = lines({ n: NONCE, output: 1, ms: 0.1 }, { n: NONCE, error: "ValueError: x", ms: 0.2 });
    expect(assembleAnswer("call", 2, NONCE, out, ok)).toEqual({ ok: true, error: null, results: [{ output: 1, ms: 0.1 }, { error: "ValueError: x", ms: 0.2 }] });
    expect(assembleAnswer("call", 3, NONCE, out, { reason: "time limit exceeded (3000 ms)", anomaly: null })).toMatchObject({
      ok: false, error: "time limit exceeded (3000 ms)", results: [{ output: 1 }, { error: "ValueError: x" }, { error: "time limit exceeded (3000 ms)", ms: null }],
    });
  });

  it("ignores a last line cut short by the kill", () => {
    const out = Buffer.concat([lines({ n: NONCE, output: 1, ms: 0 }), Buffer.from('{"n": "aaa')]);
    expect(assembleAnswer("call", 2, NONCE, out, { reason: "output limit exceeded", anomaly: null }).results).toHaveLength(2);
  });

  it.each([
    ["a line without the nonce", lines({ output: "forged", ms: 0 })],
    ["a line with another nonce", lines({ n: "b".repeat(32), output: "forged", ms: 0 })],
    ["a worker frame", lines({ n: NONCE, id: 7, nonce: NONCE, done: true })],
    ["more lines than calls", lines({ n: NONCE, output: 1, ms: 0 }, { n: NONCE, output: 2, ms: 0 })],
    ["a fatal line after results", lines({ n: NONCE, output: 1, ms: 0 }, { n: NONCE, fatal: "x" })],
    ["text that is not JSON", Buffer.from("hello\n")],
  ])("refuses everything, and asks for a new worker, on %s", (_name, out) => {
    expect(assembleAnswer("call", 1, NONCE, out, ok)).toEqual({ ok: false, error: REFUSED, results: [], recycle: "the job wrote to its result channel" });
  });

  it("reports a failure before any call, a failed confinement (replacing the worker), and an inspection", () => {
    expect(assembleAnswer("call", 2, NONCE, lines({ n: NONCE, fatal: "SyntaxError at line 1: x" }), ok)).toEqual({ ok: false, error: "SyntaxError at line 1: x", results: [] });
    expect(assembleAnswer("call", 1, NONCE, lines({ n: NONCE, fatal: "the sandbox could not confine the job: x", setup: true }), ok)).toMatchObject({ ok: false, recycle: "the sandbox could not confine the job: x" });
    expect(assembleAnswer("inspect", 0, NONCE, lines({ n: NONCE, inspect: { found: false } }), ok)).toEqual({ ok: true, inspect: { found: false } });
    expect(assembleAnswer("call", 1, NONCE, Buffer.alloc(0), { reason: "x", anomaly: "processes outlived their job: [5]" })).toMatchObject({ recycle: "processes outlived their job: [5]" });
  });
});

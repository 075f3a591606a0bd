// The export's one-pass snapshot reader agrees with fieldsOf (then re-keyed) on what saves write, and falls
// back to it on anything else.
import { describe, expect, it } from "vitest";
import { frozenFields } from "../../lib/export/frozen-fields";
import { sortKeysDeep } from "../../lib/export/model/canonical-json";
import { fieldsOf } from "../../lib/items/item-record";
import { GOOD_ITEM } from "../support/item-fixtures";
import { VARIANTS } from "../support/release-fixtures";

function slow(snapshot: Record<string, unknown>) {
  const f = fieldsOf(snapshot);
  return { ...f, answerSpec: sortKeysDeep(f.answerSpec), testCases: sortKeysDeep(f.testCases), declarations: sortKeysDeep(f.declarations) };
}

/** Keys in reverse order at every depth (jsonb hands them back in its own order). */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed((v as Record<string, unknown>)[k])]));
}

const same = (snapshot: Record<string, unknown>) => expect(JSON.stringify(frozenFields(snapshot))).toBe(JSON.stringify(slow(snapshot)));

describe("frozenFields", () => {
  it("reads every kind of saved snapshot exactly as fieldsOf, keys sorted", () => {
    for (const fields of Object.values(VARIANTS)) {
      const snapshot = reversed({ ...GOOD_ITEM, ...fields, declarations: { symbols: ["e"], functions: ["\\Phi"] } }) as Record<string, unknown>;
      same(snapshot);
    }
  });

  it("falls back to fieldsOf for snapshots a save would not write", () => {
    const spec = GOOD_ITEM.answerSpec;
    const cases: Record<string, unknown>[] = [
      { ...GOOD_ITEM, answerSpec: { ...spec, arguments: [spec.arguments[0], spec.arguments[0]] } },
      { ...GOOD_ITEM, answerSpec: { ...spec, arguments: [{ ...spec.arguments[1], min: 2, max: 1 }] } },
      { ...GOOD_ITEM, answerSpec: { ...spec, functionName: "not valid" } },
      { ...GOOD_ITEM, answerSpec: { ...spec, returns: { type: "str", description: "x", options: ["a", " a"] } } },
      { ...GOOD_ITEM, testCases: [...GOOD_ITEM.testCases, { inputs: { n: Number.NaN }, expected: 1, tolerance: { abs: 0, rel: 0 } }] },
      { ...GOOD_ITEM, testCases: [{ inputs: { n: 1 }, expected: { re: 1 }, tolerance: { abs: 0, rel: 0 } }] },
      { ...GOOD_ITEM, declarations: { weird: ["x"] } },
      { ...GOOD_ITEM, level: "EXPERT", answerSpec: "nonsense", testCases: null },
      {},
    ];
    for (const snapshot of cases) same(snapshot);
  });
});

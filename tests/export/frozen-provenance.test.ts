// The export's provenance re-keying agrees with sortKeysDeep on what the freeze writes (every part present or
// emptied, in jsonb's key order) and falls back to it on any other shape.
import { describe, expect, it } from "vitest";
import { sortedProvenance } from "../../lib/export/frozen-provenance";
import { sortKeysDeep } from "../../lib/export/model/canonical-json";
import type { Provenance } from "../../lib/export/model/release-row";

/** Keys in reverse order at every depth (jsonb hands them back in its own order). */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed((v as Record<string, unknown>)[k])]));
}

const FULL = {
  seed: { id: "5c2b5a0e-0000-4000-8000-000000000001", title: "Problem 3", problem: "Compute $\\beta$.", solution: null, location: "p. 12" },
  source: { kind: "ARXIV", identifier: "arXiv:2101.00001v2", title: "A paper", authors: ["A. Author", "B. Author"], url: null, license: "CC-BY-4.0", version: "v2", category: "hep-th" },
  author: { id: "5c2b5a0e-0000-4000-8000-000000000002", name: "Ann" },
  reviews: [{ reviewer: "Rev", decision: "APPROVE", version: 3, at: "2026-01-02T03:04:05.000Z" }, { reviewer: "Rev", decision: "REQUEST_CHANGES", version: 2, at: "2026-01-01T00:00:00.000Z" }],
  approval: { by: "Rev", at: "2026-01-02T03:04:05.000Z" },
  checks: { runId: "5c2b5a0e-0000-4000-8000-000000000003", ranAt: "2026-01-02T00:00:00.000Z", passed: false, isolation: "bwrap", total: 9, failedBlocking: 1, failedWarnings: 1, failing: ["code.tests", "statement.conventions"] },
};

const same = (p: unknown) => expect(JSON.stringify(sortedProvenance(p as Provenance))).toBe(JSON.stringify(sortKeysDeep(p)));

describe("sortedProvenance", () => {
  it("re-keys what the freeze writes exactly as sortKeysDeep", () => {
    same(FULL);
    same(reversed(FULL));
    same({ ...FULL, checks: null, reviews: [] });
    same({ ...FULL, seed: { id: "", title: null, problem: "", solution: null, location: null }, author: { id: "", name: "" }, approval: { at: null, by: null } });
  });

  it("falls back to sortKeysDeep for any other shape", () => {
    const cases: unknown[] = [
      { ...FULL, extra: { b: 1, a: 2 } },
      { ...FULL, seed: null },
      { ...FULL, seed: { ...FULL.seed, notes: { z: 1, a: 2 } } },
      { ...FULL, source: { ...FULL.source, authors: [{ name: "A", id: 1 }] } },
      { ...FULL, checks: { ...FULL.checks, details: { y: 1, x: 2 } } },
      { ...FULL, reviews: [{ ...FULL.reviews[0], comment: { b: 1, a: 1 } }] },
      { ...FULL, reviews: "none" },
      { ...FULL, approval: { by: "Rev" } },
      (({ checks, ...rest }) => (void checks, rest))(FULL),
      {},
    ];
    for (const p of cases) same(p);
  });
});

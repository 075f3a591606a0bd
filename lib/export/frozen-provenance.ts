// A frozen provenance with every object re-keyed in sorted order (what formats need for canonical JSON from
// JSON.stringify), without sortKeysDeep's sort of every object's keys: what the freeze writes has a known
// shape, copied here into object literals in sorted order. Anything else (an older or unexpected shape) goes
// through sortKeysDeep, so the result is always sortKeysDeep's (tests check both paths agree). Pure.
import { sortKeysDeep } from "./model/canonical-json";
import type { Provenance } from "./model/release-row";

type Obj = Record<string, unknown>;

class Fallback extends Error {}

/** `v` is an object with exactly `count` own keys (JSON data: no prototype keys, no undefined values). */
function shaped(v: unknown, count: number): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v) || Object.keys(v).length !== count) throw new Fallback();
  return v as Obj;
}

/** A JSON primitive (null, string, number, boolean); undefined or an object or array falls back. */
function flat(x: unknown): unknown {
  if (x === undefined || (typeof x === "object" && x !== null)) throw new Fallback();
  return x;
}

function flatList(x: unknown): unknown[] {
  if (!Array.isArray(x)) throw new Fallback();
  for (const e of x) flat(e);
  return x; // shared: nothing sorts inside an array of primitives
}

function checks(v: unknown): Obj | null {
  if (v === null) return null;
  const c = shaped(v, 8);
  return {
    failedBlocking: flat(c.failedBlocking), failedWarnings: flat(c.failedWarnings), failing: flatList(c.failing), isolation: flat(c.isolation),
    passed: flat(c.passed), ranAt: flat(c.ranAt), runId: flat(c.runId), total: flat(c.total),
  };
}

function review(v: unknown): Obj {
  const r = shaped(v, 4);
  return { at: flat(r.at), decision: flat(r.decision), reviewer: flat(r.reviewer), version: flat(r.version) };
}

/** sortKeysDeep(provenance), faster for the shape the freeze writes. */
export function sortedProvenance(provenance: Provenance): Provenance {
  try {
    const p = shaped(provenance, 6);
    if (!Array.isArray(p.reviews)) throw new Fallback();
    const approval = shaped(p.approval, 2);
    const author = shaped(p.author, 2);
    const seed = shaped(p.seed, 5);
    const source = shaped(p.source, 8);
    return {
      approval: { at: flat(approval.at), by: flat(approval.by) },
      author: { id: flat(author.id), name: flat(author.name) },
      checks: checks(p.checks),
      reviews: (p.reviews as unknown[]).map(review),
      seed: { id: flat(seed.id), location: flat(seed.location), problem: flat(seed.problem), solution: flat(seed.solution), title: flat(seed.title) },
      source: {
        authors: flatList(source.authors), category: flat(source.category), identifier: flat(source.identifier), kind: flat(source.kind),
        license: flat(source.license), title: flat(source.title), url: flat(source.url), version: flat(source.version),
      },
    } as unknown as Provenance;
  } catch (e) {
    if (e instanceof Fallback) return sortKeysDeep(provenance);
    throw e;
  }
}

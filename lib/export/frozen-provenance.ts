// A frozen provenance with every object re-keyed in sorted order (what formats need for canonical JSON from
// JSON.stringify), without sortKeysDeep's sort of every object's keys: what the freeze writes has a known
// shape, re-keyed here field by field. Anything else (an older or unexpected shape) goes through
// sortKeysDeep, so the result is always sortKeysDeep's (tests check both paths agree). Pure.
import { sortKeysDeep } from "./model/canonical-json";
import type { Provenance } from "./model/release-row";

type Obj = Record<string, unknown>;

const isFlat = (v: unknown) => v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
const isFlatList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean");

class Fallback extends Error {}

/**
 * A copy of `v` with exactly `keys` (sorted) when it has exactly those own keys, each a JSON primitive or (for
 * `lists`) an array of primitives; the arrays are shared (nothing sorts inside them).
 */
function rekey(v: unknown, keys: readonly string[], lists: readonly string[] = []): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Fallback();
  const o = v as Obj;
  let n = 0;
  for (const k in o) if (Object.hasOwn(o, k)) n++;
  if (n !== keys.length) throw new Fallback();
  const out: Obj = {};
  for (const k of keys) {
    const x = o[k];
    if (!(Object.hasOwn(o, k) && (isFlat(x) || (lists.includes(k) && isFlatList(x))))) throw new Fallback();
    out[k] = x;
  }
  return out;
}

const TOP = ["approval", "author", "checks", "reviews", "seed", "source"] as const;
const APPROVAL = ["at", "by"] as const;
const AUTHOR = ["id", "name"] as const;
const CHECKS = ["failedBlocking", "failedWarnings", "failing", "isolation", "passed", "ranAt", "runId", "total"] as const;
const REVIEW = ["at", "decision", "reviewer", "version"] as const;
const SEED = ["id", "location", "problem", "solution", "title"] as const;
const SOURCE = ["authors", "category", "identifier", "kind", "license", "title", "url", "version"] as const;

/** sortKeysDeep(provenance), faster for the shape the freeze writes. */
export function sortedProvenance(provenance: Provenance): Provenance {
  try {
    const p = provenance as unknown as Obj;
    let n = 0;
    for (const k in p) if (Object.hasOwn(p, k)) n++;
    if (n !== TOP.length || !TOP.every((k) => Object.hasOwn(p, k)) || !Array.isArray(p.reviews)) throw new Fallback();
    return {
      approval: rekey(p.approval, APPROVAL),
      author: rekey(p.author, AUTHOR),
      checks: p.checks === null ? null : rekey(p.checks, CHECKS, ["failing"]),
      reviews: (p.reviews as unknown[]).map((r) => rekey(r, REVIEW)),
      seed: rekey(p.seed, SEED),
      source: rekey(p.source, SOURCE, ["authors"]),
    } as unknown as Provenance;
  } catch (e) {
    if (e instanceof Fallback) return sortKeysDeep(provenance);
    throw e;
  }
}

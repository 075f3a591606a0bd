// Canonical JSON for the bundle: object keys sorted by UTF-16 code units, no whitespace (or a fixed indent),
// numbers in ECMAScript's shortest round-trip form, undefined members left out. The same value gives the
// same bytes on any machine and in any key order (PostgreSQL's jsonb reorders keys). Pure.

/** Compact canonical JSON of plain JSON data; throws on values JSON cannot hold (NaN, ±Infinity, bigint). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join("");
}

/**
 * The same value with every object's keys in sorted order (arrays keep theirs). JSON.stringify of a value
 * whose objects were all built or re-keyed in sorted order is its canonical JSON, at native speed: the
 * export reads frozen rows through this once, and the formats build their rows with sorted keys (a test
 * checks JSON.stringify(row) === canonicalJson(row) for every format).
 */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeysDeep) as T;
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort()) if (obj[k] !== undefined) out[k] = sortKeysDeep(obj[k]);
  return out as T;
}

/** JSON of a value already in canonical key order (see sortKeysDeep): canonical, and fast. */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Canonical JSON with a fixed two-space indent and a final newline (manifest.json). */
export function canonicalJsonPretty(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function write(value: unknown, out: string[]): void {
  if (value === null) return void out.push("null");
  switch (typeof value) {
    case "string":
      return void out.push(JSON.stringify(value));
    case "number":
      if (!Number.isFinite(value)) throw new Error(`canonical JSON cannot hold ${value}`);
      return void out.push(Object.is(value, -0) ? "0" : String(value));
    case "boolean":
      return void out.push(value ? "true" : "false");
    case "object": {
      if (Array.isArray(value)) {
        out.push("[");
        for (let i = 0; i < value.length; i++) {
          if (i) out.push(",");
          write(value[i] === undefined ? null : value[i], out);
        }
        return void out.push("]");
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      out.push("{");
      for (let i = 0; i < keys.length; i++) {
        if (i) out.push(",");
        out.push(JSON.stringify(keys[i]), ":");
        write(obj[keys[i]], out);
      }
      return void out.push("}");
    }
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`canonical JSON cannot hold ${value}`);
    return value;
  }
  const obj = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => [k, sortKeys(obj[k])]));
}

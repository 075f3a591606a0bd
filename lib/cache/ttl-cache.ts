// A small in-process cache with a time to live, for summaries a page may show a few seconds stale (each app
// instance keeps its own). Concurrent misses share one computation.
export function ttlCache<T>(ttlMs: number): (key: string, compute: () => Promise<T>) => Promise<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key, compute) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = compute();
    entries.set(key, { at: now, value });
    value.catch(() => entries.delete(key));
    return value;
  };
}

// Requests per API token: a token bucket per token and app instance (capacity = the per-minute limit,
// refilled continuously), so a script may burst up to a minute's allowance and then runs at the steady rate.
// In memory: the limit protects each instance's CPU and sandbox pool, which are per instance too; N instances
// behind a load balancer allow up to N times the limit in total. Pure.

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

export class TokenRateLimiter {
  private buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  /** `perMinute` requests per minute per key; `now` in ms (tests pass their own clock). */
  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  take(key: string): RateDecision {
    const now = this.now();
    const rate = this.perMinute / 60_000; // per ms
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000)) };
  }

  /** Forget buckets that have refilled completely (they are the same as new ones), at most once a minute. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= 60_000) this.buckets.delete(key);
  }
}

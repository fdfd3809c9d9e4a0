import type { Context } from "hono";

/**
 * Failed-login limiter, in memory (one server process): at most
 * `maxFailures` failures per (username, client address) within any
 * `windowMs`. While the limit is reached every attempt is refused, even with
 * the right password, until the oldest failure leaves the window. A success
 * clears the key.
 *
 * The map is bounded: expired keys are dropped when it fills up, and failing
 * that the least recently touched key goes.
 */

export interface RateLimitOptions {
  maxFailures?: number;
  windowMs?: number;
  /** Most keys kept at once. */
  maxEntries?: number;
  now?: () => Date;
}

export type RateLimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class LoginRateLimiter {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly maxEntries: number;
  private readonly now: () => Date;
  /** Key → times (ms) of recent failures, oldest first. Map order = least recently touched first. */
  private readonly failures = new Map<string, number[]>();

  constructor(options: RateLimitOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? (() => new Date());
  }

  static key(username: string, clientAddress: string): string {
    return `${username.toLowerCase()}\u0000${clientAddress}`;
  }

  get size(): number {
    return this.failures.size;
  }

  private recent(key: string, nowMs: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const kept = times.filter((time) => nowMs - time < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else if (kept.length !== times.length) this.failures.set(key, kept);
    return kept;
  }

  check(key: string): RateLimitCheck {
    const nowMs = this.now().getTime();
    const times = this.recent(key, nowMs);
    if (times.length < this.maxFailures) return { allowed: true };
    // The window frees up a slot when the failure `maxFailures` back from the newest leaves it.
    const oldestCounted = times[times.length - this.maxFailures] ?? nowMs;
    const waitMs = oldestCounted + this.windowMs - nowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  recordFailure(key: string): void {
    const nowMs = this.now().getTime();
    const times = this.recent(key, nowMs);
    times.push(nowMs);
    // Only the newest `maxFailures` matter.
    while (times.length > this.maxFailures) times.shift();
    this.failures.delete(key);
    this.evictIfFull(nowMs);
    this.failures.set(key, times);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private evictIfFull(nowMs: number): void {
    if (this.failures.size < this.maxEntries) return;
    for (const [key, times] of this.failures) {
      const newest = times[times.length - 1] ?? 0;
      if (nowMs - newest >= this.windowMs) this.failures.delete(key);
    }
    while (this.failures.size >= this.maxEntries) {
      const oldest = this.failures.keys().next();
      if (oldest.done) break;
      this.failures.delete(oldest.value);
    }
  }
}

/**
 * The client's address: the first hop of X-Forwarded-For (the server runs
 * behind a reverse proxy), else the socket's address under
 * @hono/node-server, else "local" (e.g. in tests).
 */
export function clientAddress(c: Context): string {
  const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "local";
}

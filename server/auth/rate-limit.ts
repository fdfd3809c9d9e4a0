import type { Context } from "hono";

/**
 * Failure limiters for sign-in, in memory (one server process). Which limit
 * applies to which attempt, and why, is in server/auth/sign-in-limits.ts and
 * docs/SECURITY.md.
 *
 * LoginRateLimiter: at most `maxFailures` failures per key within any
 * `windowMs`; while the limit is reached every attempt is refused until the
 * oldest failure leaves the window.
 *
 * The maps are bounded: expired keys are dropped when one fills up, and
 * failing that the least recently touched key goes.
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

  /** Takes back the newest failure (one counted ahead of a check that then succeeded). */
  forgetLatest(key: string): void {
    const times = this.failures.get(key);
    if (!times) return;
    times.pop();
    if (times.length === 0) this.failures.delete(key);
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

export interface GrowingDelayOptions {
  /** Failures allowed without any wait. */
  freeFailures?: number;
  /** The first wait; each further failure doubles it. */
  baseDelayMs?: number;
  /** The longest wait. */
  maxDelayMs?: number;
  /** A key with no failure for this long is forgotten. Longer than maxDelayMs, or waiting would reset it. */
  forgetAfterMs?: number;
  maxEntries?: number;
  now?: () => Date;
}

/**
 * Growing delays instead of a lock: after `freeFailures` failures for a key,
 * each further attempt must wait `baseDelayMs × 2^(failures − freeFailures)`
 * (1 s, 2 s, 4 s …, at most `maxDelayMs`) after the latest failure. Guessing
 * stays capped, yet whoever knows the password is held up minutes at most.
 */
export class GrowingDelay {
  readonly freeFailures: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly forgetAfterMs: number;
  readonly maxEntries: number;
  private readonly now: () => Date;
  /** Map order = least recently touched first. */
  private readonly entries = new Map<string, { failures: number; latestMs: number }>();

  constructor(options: GrowingDelayOptions = {}) {
    this.freeFailures = options.freeFailures ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 15 * 60 * 1000;
    this.forgetAfterMs = options.forgetAfterMs ?? 24 * 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? (() => new Date());
  }

  get size(): number {
    return this.entries.size;
  }

  private current(key: string, nowMs: number) {
    const entry = this.entries.get(key);
    if (entry && nowMs - entry.latestMs >= this.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** The wait after `failures` failures (0 while they are free). */
  delayMs(failures: number): number {
    if (failures < this.freeFailures) return 0;
    const doublings = Math.min(failures - this.freeFailures, 40);
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** doublings);
  }

  check(key: string): RateLimitCheck {
    const nowMs = this.now().getTime();
    const entry = this.current(key, nowMs);
    if (!entry) return { allowed: true };
    const waitMs = entry.latestMs + this.delayMs(entry.failures) - nowMs;
    if (waitMs <= 0) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  recordFailure(key: string): void {
    const nowMs = this.now().getTime();
    const failures = (this.current(key, nowMs)?.failures ?? 0) + 1;
    this.entries.delete(key);
    this.evictIfFull(nowMs);
    this.entries.set(key, { failures, latestMs: nowMs });
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }

  private evictIfFull(nowMs: number): void {
    if (this.entries.size < this.maxEntries) return;
    for (const [key, entry] of this.entries) {
      if (nowMs - entry.latestMs >= this.forgetAfterMs) this.entries.delete(key);
    }
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}

/**
 * The client's address. By default the socket's (under @hono/node-server),
 * whatever X-Forwarded-For says: a client can write that header itself and
 * would otherwise appear as any number of addresses. With `trustProxy` (the
 * server runs behind one reverse proxy that appends the address it saw), the
 * LAST X-Forwarded-For entry: the proxy's own, not one the client wrote
 * before it. "local" when there is no socket (e.g. app.request in tests).
 */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "local";
}

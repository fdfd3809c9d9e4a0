import { eq, inArray, lte, sql } from "drizzle-orm";
import type { Context } from "hono";
import { type Db, dialectOf } from "../db/open";
import { rawAll } from "../db/raw";
import { rateLimits } from "../db/schema";
import { withTransaction } from "../db/transaction";

/**
 * Failure limiters for sign-in. Which limit applies to which attempt, and
 * why, is in server/auth/sign-in-limits.ts and docs/SECURITY.md.
 *
 * The policies are pure functions over a key's state (`slidingWindow`,
 * `growingDelay`): the server keeps the states in the database
 * (`RateLimitStore`), so every app server counts the same attempts; the
 * classes below keep them in a bounded map (one process), the same rules.
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

const refusedFor = (waitMs: number): RateLimitCheck => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
});

/** At most `maxFailures` failures in any `windowMs`: the state is the recent failure times (ms), oldest first. */
export const slidingWindow = {
  /** The failures still inside the window. */
  recent(times: readonly number[], nowMs: number, windowMs: number): number[] {
    return times.filter((time) => nowMs - time < windowMs);
  },
  check(times: readonly number[], nowMs: number, maxFailures: number, windowMs: number): RateLimitCheck {
    const recent = slidingWindow.recent(times, nowMs, windowMs);
    if (recent.length < maxFailures) return { allowed: true };
    // The window frees up a slot when the failure `maxFailures` back from the newest leaves it.
    const oldestCounted = recent[recent.length - maxFailures] ?? nowMs;
    return refusedFor(oldestCounted + windowMs - nowMs);
  },
  /** The times after one more failure now; only the newest `maxFailures` matter. */
  record(times: readonly number[], nowMs: number, maxFailures: number, windowMs: number): number[] {
    return [...slidingWindow.recent(times, nowMs, windowMs), nowMs].slice(-maxFailures);
  },
  /** When the state is the same as none: its newest failure has left the window. */
  expiresMs(times: readonly number[], windowMs: number): number {
    return (times.at(-1) ?? 0) + windowMs;
  },
};

export interface DelayState {
  failures: number;
  latestMs: number;
}

export interface GrowingDelayPolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

/** Growing delays (see GrowingDelay): the state is the failure count and the latest failure's time. */
export const growingDelay = {
  current(state: DelayState | undefined, nowMs: number, policy: GrowingDelayPolicy): DelayState | undefined {
    return state && nowMs - state.latestMs < policy.forgetAfterMs ? state : undefined;
  },
  delayMs(failures: number, policy: GrowingDelayPolicy): number {
    if (failures < policy.freeFailures) return 0;
    const doublings = Math.min(failures - policy.freeFailures, 40);
    return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
  },
  check(state: DelayState | undefined, nowMs: number, policy: GrowingDelayPolicy): RateLimitCheck {
    const entry = growingDelay.current(state, nowMs, policy);
    if (!entry) return { allowed: true };
    const waitMs = entry.latestMs + growingDelay.delayMs(entry.failures, policy) - nowMs;
    return waitMs <= 0 ? { allowed: true } : refusedFor(waitMs);
  },
  record(state: DelayState | undefined, nowMs: number, policy: GrowingDelayPolicy): DelayState {
    return { failures: (growingDelay.current(state, nowMs, policy)?.failures ?? 0) + 1, latestMs: nowMs };
  },
  expiresMs(state: DelayState, policy: GrowingDelayPolicy): number {
    return state.latestMs + policy.forgetAfterMs;
  },
};

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
    const kept = slidingWindow.recent(times, nowMs, this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else if (kept.length !== times.length) this.failures.set(key, kept);
    return kept;
  }

  check(key: string): RateLimitCheck {
    const nowMs = this.now().getTime();
    return slidingWindow.check(this.recent(key, nowMs), nowMs, this.maxFailures, this.windowMs);
  }

  recordFailure(key: string): void {
    const nowMs = this.now().getTime();
    const times = slidingWindow.record(this.recent(key, nowMs), nowMs, this.maxFailures, this.windowMs);
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
export class GrowingDelay implements GrowingDelayPolicy {
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
    const entry = growingDelay.current(this.entries.get(key), nowMs, this);
    if (!entry) this.entries.delete(key);
    return entry;
  }

  /** The wait after `failures` failures (0 while they are free). */
  delayMs(failures: number): number {
    return growingDelay.delayMs(failures, this);
  }

  check(key: string): RateLimitCheck {
    const nowMs = this.now().getTime();
    return growingDelay.check(this.current(key, nowMs), nowMs, this);
  }

  recordFailure(key: string): void {
    const nowMs = this.now().getTime();
    const next = growingDelay.record(this.current(key, nowMs), nowMs, this);
    this.entries.delete(key);
    this.evictIfFull(nowMs);
    this.entries.set(key, next);
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

/** A key's state as the store holds it, and when it becomes the same as no state (then pruned). */
export interface StoredLimit {
  state: unknown;
  expiresMs: number;
}

/** What `RateLimitStore.update` does to a key: write this state, `null` delete it, `undefined` leave it. */
export type LimitChange = StoredLimit | null | undefined;

/**
 * The rate limits' states in the database (table rate_limits), shared by
 * every app server on it. `update` reads the states of a few keys, lets
 * `change` decide, and writes what it returns, all in one transaction with
 * the keys' rows locked (PostgreSQL: SELECT … FOR UPDATE on rows made to
 * exist first, in key order so two updates cannot deadlock; SQLite: one
 * writer at a time): parallel attempts on several servers cannot slip under
 * a limit together. A state past its `expiresMs` reads as none; such rows
 * are pruned at most once a minute per store, so the table holds only the
 * keys active within their limit's memory (15 minutes to a day).
 */
export class RateLimitStore {
  private prunedAtMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly pruneEveryMs = 60_000,
  ) {}

  async update<R>(
    keys: readonly string[],
    change: (states: (unknown | undefined)[], nowMs: number) => { result: R; next: LimitChange[] },
  ): Promise<R> {
    const nowMs = this.now().getTime();
    await this.prune(nowMs);
    const sorted = [...new Set(keys)].sort();
    return withTransaction(this.db, async (tx) => {
      await tx
        .insert(rateLimits)
        .values(sorted.map((key) => ({ key, state: "null", expiresMs: 0 })))
        .onConflictDoNothing();
      const rows = await rawAll<{ key: string; state: string; expiresMs: number }>(
        tx,
        sql`SELECT "key", "state", "expires_ms" AS "expiresMs" FROM "rate_limits" WHERE "key" IN (${sql.join(
          sorted.map((key) => sql`${key}`),
          sql`, `,
        )}) ORDER BY "key"${dialectOf(tx) === "postgres" ? sql` FOR UPDATE` : sql``}`,
      );
      const byKey = new Map(rows.map((row) => [row.key, row]));
      const states = keys.map((key) => {
        const row = byKey.get(key);
        return row && Number(row.expiresMs) > nowMs ? (JSON.parse(row.state) as unknown) : undefined;
      });
      const { result, next } = change(states, nowMs);
      const written = new Map<string, LimitChange>();
      for (const [index, key] of keys.entries()) written.set(key, next[index]);
      for (const key of sorted) {
        const limit = written.get(key);
        // Unchanged: nothing to write, unless the row is the placeholder made above (or expired).
        if (limit === undefined && states[keys.indexOf(key)] !== undefined) continue;
        if (limit && limit.expiresMs > nowMs) {
          await tx
            .update(rateLimits)
            .set({ state: JSON.stringify(limit.state), expiresMs: Math.ceil(limit.expiresMs) })
            .where(eq(rateLimits.key, key));
        } else {
          await tx.delete(rateLimits).where(eq(rateLimits.key, key));
        }
      }
      return result;
    });
  }

  /** The keys' states now, without locking (a check that spends nothing). */
  async read(keys: readonly string[]): Promise<(unknown | undefined)[]> {
    const nowMs = this.now().getTime();
    const rows = await this.db
      .select()
      .from(rateLimits)
      .where(inArray(rateLimits.key, [...new Set(keys)]));
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return keys.map((key) => {
      const row = byKey.get(key);
      return row && Number(row.expiresMs) > nowMs ? (JSON.parse(row.state) as unknown) : undefined;
    });
  }

  /** Deletes the rows that read as no state. */
  async prune(nowMs = this.now().getTime()): Promise<void> {
    if (nowMs - this.prunedAtMs < this.pruneEveryMs) return;
    this.prunedAtMs = nowMs;
    await this.db.delete(rateLimits).where(lte(rateLimits.expiresMs, nowMs));
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

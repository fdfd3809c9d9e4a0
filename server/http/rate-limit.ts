import type { RateLimitCheck } from "../auth/rate-limit";

/**
 * A token bucket per key (a client address), in memory (one server process),
 * for public routes that count every request, not only failures (the
 * sign-in limits in server/auth/ count failures).
 *
 * Each key holds up to `burst` tokens and gains `perMinute` tokens a minute;
 * a request spends one. A person looking up a few numbers never runs out; a
 * script trying numbers is held to `perMinute` after its first `burst`.
 *
 * The map is bounded: when it fills, keys whose bucket is full again (the
 * same as a key never seen) go first, then the least recently touched.
 */
export interface TokenBucketOptions {
  /** Tokens gained per minute: the sustained rate. */
  perMinute?: number;
  /** Most tokens a key holds: requests allowed at once after a quiet spell. */
  burst?: number;
  /** Most keys kept at once. */
  maxEntries?: number;
  now?: () => Date;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

export class TokenBucketLimiter {
  readonly perMinute: number;
  readonly burst: number;
  readonly maxEntries: number;
  private readonly now: () => Date;
  /** Map order = least recently touched first. */
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: TokenBucketOptions = {}) {
    this.perMinute = Math.max(1, options.perMinute ?? 20);
    this.burst = Math.max(1, options.burst ?? this.perMinute);
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? (() => new Date());
  }

  get size(): number {
    return this.buckets.size;
  }

  private tokensAt(bucket: Bucket | undefined, nowMs: number): number {
    if (!bucket) return this.burst;
    const gained = (Math.max(0, nowMs - bucket.atMs) * this.perMinute) / 60_000;
    return Math.min(this.burst, bucket.tokens + gained);
  }

  /** Spends one token for `key`, or says how long until one is there. */
  take(key: string): RateLimitCheck {
    const nowMs = this.now().getTime();
    const tokens = this.tokensAt(this.buckets.get(key), nowMs);
    if (tokens < 1) {
      const waitMs = ((1 - tokens) * 60_000) / this.perMinute;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    this.buckets.delete(key);
    this.evictIfFull(nowMs);
    this.buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
    return { allowed: true };
  }

  private evictIfFull(nowMs: number): void {
    if (this.buckets.size < this.maxEntries) return;
    for (const [key, bucket] of this.buckets) {
      if (this.tokensAt(bucket, nowMs) >= this.burst) this.buckets.delete(key);
    }
    while (this.buckets.size >= this.maxEntries) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) break;
      this.buckets.delete(oldest.value);
    }
  }
}

/** The groups of an IPv6 address, "::" expanded; undefined if it is not one. */
function ipv6Groups(address: string): string[] | undefined {
  const [head = "", tail, extra] = address.split("::");
  if (extra !== undefined) return undefined;
  const part = (text: string) => (text ? text.split(":") : []);
  const left = part(head);
  const right = part(tail ?? "");
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array.from({ length: tail === undefined ? 0 : missing }, () => "0"), ...right];
  return groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) ? groups : undefined;
}

/**
 * The key a client address is limited under. An IPv6 host usually holds a
 * whole /64 (and may use a fresh address for every request), so IPv6
 * addresses are limited per /64; an IPv4-mapped address is its IPv4 address.
 */
export function limitKey(address: string): string {
  const bare = address.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped?.[1]) return mapped[1];
  const groups = bare.includes(":") ? ipv6Groups(bare) : undefined;
  if (!groups) return bare;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

import type { RateLimitCheck, StoredLimit } from "../auth/rate-limit";

/**
 * A token bucket per key (a client address or network), for public routes
 * (the sign-in limits in server/auth/ count failures their own way). The
 * routes keep their buckets in the database (`tokenBucket` over
 * RateLimitStore, server/auth/rate-limit.ts), so N app servers allow what one
 * would, not N times as much; TokenBucketLimiter below is the same rule over
 * a bounded map in one process.
 *
 * Each key holds up to `burst` tokens and gains `perMinute` tokens a minute;
 * a request spends one. A person looking up a few numbers never runs out; a
 * script trying numbers is held to `perMinute` after its first `burst`.
 *
 * The map is bounded, and flooding it with fresh keys must not make it
 * forget a drained bucket (that would hand its owner a fresh one): when it
 * fills, buckets full again (the same as a key never seen) go first, then
 * the fullest, least recently touched ones; a drained bucket (less than one
 * token) is never evicted. When every kept bucket is drained, a new key is
 * refused rather than forget one (the limiter fails closed).
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

export interface Bucket {
  tokens: number;
  atMs: number;
}

export interface BucketPolicy {
  perMinute: number;
  burst: number;
}

/** The token bucket's rule over one key's state (none: a full bucket). */
export const tokenBucket = {
  tokensAt(bucket: Bucket | undefined, nowMs: number, policy: BucketPolicy): number {
    if (!bucket) return policy.burst;
    const gained = (Math.max(0, nowMs - bucket.atMs) * policy.perMinute) / 60_000;
    return Math.min(policy.burst, bucket.tokens + gained);
  },
  refusal(tokens: number, policy: BucketPolicy): RateLimitCheck {
    const waitMs = ((1 - tokens) * 60_000) / policy.perMinute;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  },
  peek(bucket: Bucket | undefined, nowMs: number, policy: BucketPolicy): RateLimitCheck {
    const tokens = tokenBucket.tokensAt(bucket, nowMs, policy);
    return tokens < 1 ? tokenBucket.refusal(tokens, policy) : { allowed: true };
  },
  /** The bucket after one token spent now, stored until it is full again (then the same as none). */
  spent(bucket: Bucket | undefined, nowMs: number, policy: BucketPolicy): StoredLimit {
    const tokens = tokenBucket.tokensAt(bucket, nowMs, policy) - 1;
    return { state: { tokens, atMs: nowMs }, expiresMs: nowMs + ((policy.burst - tokens) * 60_000) / policy.perMinute };
  },
};

export class TokenBucketLimiter implements BucketPolicy {
  readonly perMinute: number;
  readonly burst: number;
  readonly maxEntries: number;
  private readonly now: () => Date;
  /** Map order = least recently touched first. */
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: TokenBucketOptions = {}) {
    this.perMinute = Math.max(1, options.perMinute ?? 20);
    this.burst = Math.max(1, options.burst ?? this.perMinute);
    this.maxEntries = Math.max(1, options.maxEntries ?? 10_000);
    this.now = options.now ?? (() => new Date());
  }

  get size(): number {
    return this.buckets.size;
  }

  private tokensAt(bucket: Bucket | undefined, nowMs: number): number {
    return tokenBucket.tokensAt(bucket, nowMs, this);
  }

  private refusal(tokens: number): RateLimitCheck {
    return tokenBucket.refusal(tokens, this);
  }

  /** Whether `key` has a token now, spending nothing. */
  peek(key: string): RateLimitCheck {
    const tokens = this.tokensAt(this.buckets.get(key), this.now().getTime());
    return tokens < 1 ? this.refusal(tokens) : { allowed: true };
  }

  /** Spends one token for `key`, or says how long until one is there. */
  take(key: string): RateLimitCheck {
    const nowMs = this.now().getTime();
    const tokens = this.tokensAt(this.buckets.get(key), nowMs);
    if (tokens < 1) return this.refusal(tokens);
    if (!this.buckets.has(key) && !this.makeRoom(nowMs)) return this.refusal(0);
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
    return { allowed: true };
  }

  /**
   * Room for one more key. Evicts a tenth of the map at once (one scan, then
   * many cheap inserts): full buckets, then the fullest and least recently
   * touched; never a drained one.
   */
  private makeRoom(nowMs: number): boolean {
    if (this.buckets.size < this.maxEntries) return true;
    const candidates: { key: string; tokens: number }[] = [];
    for (const [key, bucket] of this.buckets) {
      const tokens = this.tokensAt(bucket, nowMs);
      if (tokens >= 1) candidates.push({ key, tokens });
    }
    // Stable sort: among equally full buckets the map's order (least recently touched first) stays.
    candidates.sort((a, b) => b.tokens - a.tokens);
    const goal = Math.max(1, Math.ceil(this.maxEntries / 10));
    for (const { key } of candidates.slice(0, goal)) this.buckets.delete(key);
    return this.buckets.size < this.maxEntries;
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

/**
 * The network a client address belongs to, for a second, larger budget: an
 * IPv6 site usually holds a /48 (65,536 /64s, so a limit per /64 alone lets
 * one site try 65,536 times as fast), an IPv4 client its /24.
 */
export function networkKey(address: string): string {
  const bare = address.replace(/%.*$/, "").toLowerCase();
  const key = limitKey(bare);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(key);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  const groups = bare.includes(":") ? ipv6Groups(bare) : undefined;
  if (!groups) return key;
  return `${groups
    .slice(0, 3)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/48`;
}

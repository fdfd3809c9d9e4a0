import { type RateLimitCheck, RateLimitStore } from "../auth/rate-limit";
import type { Db } from "../db/open";
import { type Bucket, type BucketPolicy, limitKey, networkKey, tokenBucket } from "../http/rate-limit";

/**
 * The public lookup's budgets (docs/SECURITY.md, "Public tracking lookup").
 * `perMinute` is TRACK_LOOKUPS_PER_MINUTE: failed lookups (400, 404) per
 * address. The others follow from it unless given.
 */
export interface TrackLimits {
  /** Failed lookups per client address (IPv4 address, IPv6 /64) a minute; also the burst. Default 20. */
  perMinute?: number;
  /** Burst of failed lookups per address (default: perMinute). */
  burst?: number;
  /** Found lookups per address a minute: many citizens behind one CGNAT address. Default 6 × perMinute. */
  foundPerMinute?: number;
  /** Failed lookups per network (IPv4 /24, IPv6 /48) a minute. Default 5 × perMinute. */
  networkPerMinute?: number;
  /** Failed lookups from everyone a minute; past it unknown numbers get 429. Default max(2,000, 100 × perMinute). */
  globalNotFoundPerMinute?: number;
  /** Unused since the buckets moved to the database: a bucket's row stays until it is full again. */
  maxEntries?: number;
  now?: () => Date;
}

const GLOBAL = "track:failed-everywhere";

function longest(...checks: RateLimitCheck[]): RateLimitCheck {
  let wait = 0;
  for (const check of checks) if (!check.allowed) wait = Math.max(wait, check.retryAfterSeconds);
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

/**
 * Trying numbers fails almost always, so failures are what is counted
 * strictly; a citizen's found number costs a token from a looser budget.
 *
 * Before the lookup, `admit` refuses an address whose failure budget, found
 * budget or network's failure budget is spent, whatever the number: refusing
 * only unknown numbers there would tell a script which of its guesses exist.
 * After it, `found` or `failed` spends the matching tokens; `failed` also
 * spends from the global failure budget and says whether it was spent.
 */
export class TrackLimiter {
  private readonly store: RateLimitStore;
  private readonly failedByAddress: BucketPolicy;
  private readonly foundByAddress: BucketPolicy;
  private readonly failedByNetwork: BucketPolicy;
  private readonly failedEverywhere: BucketPolicy;
  private readonly now: () => Date;

  constructor(db: Db, limits: TrackLimits = {}) {
    this.now = limits.now ?? (() => new Date());
    this.store = new RateLimitStore(db, this.now);
    const perMinute = Math.max(1, limits.perMinute ?? 20);
    this.failedByAddress = { perMinute, burst: Math.max(1, limits.burst ?? perMinute) };
    const found = Math.max(1, limits.foundPerMinute ?? 6 * perMinute);
    this.foundByAddress = { perMinute: found, burst: found };
    const network = Math.max(1, limits.networkPerMinute ?? 5 * perMinute);
    this.failedByNetwork = { perMinute: network, burst: network };
    const global = Math.max(1, limits.globalNotFoundPerMinute ?? Math.max(2_000, 100 * perMinute));
    this.failedEverywhere = { perMinute: global, burst: global };
  }

  private static keys(address: string) {
    return {
      failed: `track:failed:${limitKey(address)}`,
      found: `track:found:${limitKey(address)}`,
      network: `track:network:${networkKey(address)}`,
    };
  }

  async admit(address: string): Promise<RateLimitCheck> {
    const keys = TrackLimiter.keys(address);
    const [failed, found, network] = (await this.store.read([keys.failed, keys.found, keys.network])) as (
      | Bucket
      | undefined
    )[];
    const nowMs = this.now().getTime();
    return longest(
      tokenBucket.peek(failed, nowMs, this.failedByAddress),
      tokenBucket.peek(found, nowMs, this.foundByAddress),
      tokenBucket.peek(network, nowMs, this.failedByNetwork),
    );
  }

  async found(address: string): Promise<void> {
    await this.store.update([TrackLimiter.keys(address).found], ([found], nowMs) => ({
      result: undefined,
      next: [this.take(found as Bucket | undefined, nowMs, this.foundByAddress)],
    }));
  }

  /** Spends a failure; refused when the whole service's failure budget is spent. */
  failed(address: string): Promise<RateLimitCheck> {
    const keys = TrackLimiter.keys(address);
    return this.store.update<RateLimitCheck>([keys.failed, keys.network, GLOBAL], (states, nowMs) => {
      const [failed, network, everywhere] = states as (Bucket | undefined)[];
      return {
        result: tokenBucket.peek(everywhere, nowMs, this.failedEverywhere),
        next: [
          this.take(failed, nowMs, this.failedByAddress),
          this.take(network, nowMs, this.failedByNetwork),
          this.take(everywhere, nowMs, this.failedEverywhere),
        ],
      };
    });
  }

  /** One token spent, or the bucket left as it is when it has none. */
  private take(bucket: Bucket | undefined, nowMs: number, policy: BucketPolicy) {
    return tokenBucket.peek(bucket, nowMs, policy).allowed ? tokenBucket.spent(bucket, nowMs, policy) : undefined;
  }
}

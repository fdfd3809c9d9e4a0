import type { RateLimitCheck } from "../auth/rate-limit";
import { limitKey, networkKey, TokenBucketLimiter } from "../http/rate-limit";

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
  /** Most addresses (and networks) remembered per budget. Default 100,000. */
  maxEntries?: number;
  now?: () => Date;
}

const GLOBAL = "*";

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
  private readonly failedByAddress: TokenBucketLimiter;
  private readonly foundByAddress: TokenBucketLimiter;
  private readonly failedByNetwork: TokenBucketLimiter;
  private readonly failedEverywhere: TokenBucketLimiter;

  constructor(limits: TrackLimits = {}) {
    const perMinute = Math.max(1, limits.perMinute ?? 20);
    const common = { now: limits.now, maxEntries: limits.maxEntries ?? 100_000 };
    this.failedByAddress = new TokenBucketLimiter({ ...common, perMinute, burst: limits.burst ?? perMinute });
    const found = limits.foundPerMinute ?? 6 * perMinute;
    this.foundByAddress = new TokenBucketLimiter({ ...common, perMinute: found, burst: found });
    const network = limits.networkPerMinute ?? 5 * perMinute;
    this.failedByNetwork = new TokenBucketLimiter({ ...common, perMinute: network, burst: network });
    const global = limits.globalNotFoundPerMinute ?? Math.max(2_000, 100 * perMinute);
    this.failedEverywhere = new TokenBucketLimiter({
      now: limits.now,
      perMinute: global,
      burst: global,
      maxEntries: 1,
    });
  }

  admit(address: string): RateLimitCheck {
    return longest(
      this.failedByAddress.peek(limitKey(address)),
      this.foundByAddress.peek(limitKey(address)),
      this.failedByNetwork.peek(networkKey(address)),
    );
  }

  found(address: string): void {
    this.foundByAddress.take(limitKey(address));
  }

  /** Spends a failure; refused when the whole service's failure budget is spent. */
  failed(address: string): RateLimitCheck {
    this.failedByAddress.take(limitKey(address));
    this.failedByNetwork.take(networkKey(address));
    return this.failedEverywhere.take(GLOBAL);
  }
}

import { type RateLimitCheck, RateLimitStore } from "../auth/rate-limit";
import type { Db } from "../db/open";
import { type Bucket, type BucketPolicy, limitKey, networkKey, tokenBucket } from "./rate-limit";

/** Budgets of an anonymous submission route (surveys, complaints); tests raise or lower them. */
export interface SubmissionLimits {
  /** Submissions per minute from one address (IPv4 address, IPv6 /64); also the burst. Default 10. */
  perMinute?: number;
  /** Submissions per minute from one network (IPv4 /24, IPv6 /48). Default 5 × perMinute. */
  networkPerMinute?: number;
  /**
   * Unused since the buckets moved to the database (kept so existing settings still parse): a
   * bucket's row stays until the bucket is full again, whatever the number of keys.
   */
  maxEntries?: number;
  now?: () => Date;
}

/**
 * Every submission spends a token, stored or refused: a phone sends its queue
 * of a few surveys or complaints at once, a script stuffing the index or
 * flooding the office is held to the budget, and the network budget keeps one
 * site's many addresses (an IPv6 /48 holds 65,536 /64s) from multiplying it.
 * The buckets are in the database (RateLimitStore), shared by every app
 * server: a script spreading its requests over N servers gets one budget.
 */
export class SubmissionLimiter {
  private readonly store: RateLimitStore;
  private readonly byAddress: BucketPolicy;
  private readonly byNetwork: BucketPolicy;

  /** `route` names the budget ("skm", "complaints"): each route has its own. */
  constructor(
    db: Db,
    private readonly route: string,
    limits: SubmissionLimits = {},
  ) {
    this.store = new RateLimitStore(db, limits.now);
    const perMinute = Math.max(1, limits.perMinute ?? 10);
    this.byAddress = { perMinute, burst: perMinute };
    const network = Math.max(1, limits.networkPerMinute ?? 5 * perMinute);
    this.byNetwork = { perMinute: network, burst: network };
  }

  take(address: string): Promise<RateLimitCheck> {
    const keys = [`${this.route}:address:${limitKey(address)}`, `${this.route}:network:${networkKey(address)}`];
    return this.store.update<RateLimitCheck>(keys, ([own, network], nowMs) => {
      const ownBucket = own as Bucket | undefined;
      const networkBucket = network as Bucket | undefined;
      for (const check of [
        tokenBucket.peek(networkBucket, nowMs, this.byNetwork),
        tokenBucket.peek(ownBucket, nowMs, this.byAddress),
      ]) {
        if (!check.allowed) return { result: check, next: [undefined, undefined] };
      }
      return {
        result: { allowed: true },
        next: [
          tokenBucket.spent(ownBucket, nowMs, this.byAddress),
          tokenBucket.spent(networkBucket, nowMs, this.byNetwork),
        ],
      };
    });
  }
}

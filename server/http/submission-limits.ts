import type { RateLimitCheck } from "../auth/rate-limit";
import { limitKey, networkKey, TokenBucketLimiter } from "./rate-limit";

/** Budgets of an anonymous submission route (surveys, complaints); tests raise or lower them. */
export interface SubmissionLimits {
  /** Submissions per minute from one address (IPv4 address, IPv6 /64); also the burst. Default 10. */
  perMinute?: number;
  /** Submissions per minute from one network (IPv4 /24, IPv6 /48). Default 5 × perMinute. */
  networkPerMinute?: number;
  /** Most addresses remembered per budget. Default 100,000. */
  maxEntries?: number;
  now?: () => Date;
}

/**
 * Every submission spends a token, stored or refused: a phone sends its queue
 * of a few surveys or complaints at once, a script stuffing the index or
 * flooding the office is held to the budget, and the network budget keeps one
 * site's many addresses (an IPv6 /48 holds 65,536 /64s) from multiplying it.
 */
export class SubmissionLimiter {
  private readonly byAddress: TokenBucketLimiter;
  private readonly byNetwork: TokenBucketLimiter;

  constructor(limits: SubmissionLimits = {}) {
    const perMinute = Math.max(1, limits.perMinute ?? 10);
    const common = { now: limits.now, maxEntries: limits.maxEntries ?? 100_000 };
    this.byAddress = new TokenBucketLimiter({ ...common, perMinute, burst: perMinute });
    const network = limits.networkPerMinute ?? 5 * perMinute;
    this.byNetwork = new TokenBucketLimiter({ ...common, perMinute: network, burst: network });
  }

  take(address: string): RateLimitCheck {
    const network = this.byNetwork.peek(networkKey(address));
    if (!network.allowed) return network;
    const own = this.byAddress.take(limitKey(address));
    if (!own.allowed) return own;
    this.byNetwork.take(networkKey(address));
    return { allowed: true };
  }
}

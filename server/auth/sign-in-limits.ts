import { GrowingDelay, LoginRateLimiter, type RateLimitCheck } from "./rate-limit";

/**
 * Which failure limit holds back a sign-in attempt (docs/SECURITY.md says why):
 *
 * - A known device (it holds a live session for the account, or signed in to
 *   it before: device cookie) has its own budget: 5 failures, then growing
 *   delays. Strangers' guesses never hold it back, and its typos count against
 *   nothing else.
 * - Any other attempt passes two limits:
 *   - per client address, across all accounts: 20 failures in any 15 minutes
 *     (password spraying). Only failures count, so a kelurahan office whose
 *     cadres share one NAT address is never slowed by its own sign-ins;
 *   - per account, across all addresses: 5 failures, then a delay of 1 s,
 *     2 s, 4 s … at most 15 minutes after each further failure, instead of a
 *     lock that anyone could keep the owner out with.
 *
 * A failure is counted before the (slow) password check, so parallel guesses
 * cannot slip under a limit, and taken back on success. A success clears the
 * account's and the device's counts; the address's failures stay until they
 * leave the window, so one valid account cannot launder a spray.
 */

export interface SignInLimitOptions {
  now?: () => Date;
  /** Failures per client address, any account, in `addressWindowMs`. */
  addressMaxFailures?: number;
  addressWindowMs?: number;
  /** Failures per account (unknown devices) or per known device before delays begin. */
  freeFailures?: number;
  maxDelayMs?: number;
}

export type SignInAttempt =
  | { kind: "known-device"; deviceKey: string; accountKey: string }
  | { kind: "unknown"; address: string; accountKey: string };

export class SignInLimits {
  private readonly perAddress: LoginRateLimiter;
  private readonly perAccount: GrowingDelay;
  private readonly perDevice: GrowingDelay;

  constructor(options: SignInLimitOptions = {}) {
    const now = options.now ?? (() => new Date());
    this.perAddress = new LoginRateLimiter({
      now,
      maxFailures: options.addressMaxFailures ?? 20,
      windowMs: options.addressWindowMs ?? 15 * 60 * 1000,
    });
    const delay = { now, freeFailures: options.freeFailures ?? 5, maxDelayMs: options.maxDelayMs };
    this.perAccount = new GrowingDelay(delay);
    this.perDevice = new GrowingDelay(delay);
  }

  /** Refuses the attempt, or counts it as a failure until `succeeded` says otherwise. */
  begin(attempt: SignInAttempt): RateLimitCheck {
    if (attempt.kind === "known-device") {
      const check = this.perDevice.check(attempt.deviceKey);
      if (check.allowed) this.perDevice.recordFailure(attempt.deviceKey);
      return check;
    }
    for (const check of [this.perAddress.check(attempt.address), this.perAccount.check(attempt.accountKey)]) {
      if (!check.allowed) return check;
    }
    this.perAddress.recordFailure(attempt.address);
    this.perAccount.recordFailure(attempt.accountKey);
    return { allowed: true };
  }

  succeeded(attempt: SignInAttempt): void {
    this.perAccount.recordSuccess(attempt.accountKey);
    if (attempt.kind === "known-device") this.perDevice.recordSuccess(attempt.deviceKey);
    else this.perAddress.forgetLatest(attempt.address);
  }
}

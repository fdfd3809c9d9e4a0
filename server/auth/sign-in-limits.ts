import type { Db } from "../db/open";
import {
  type DelayState,
  type GrowingDelayPolicy,
  growingDelay,
  type RateLimitCheck,
  RateLimitStore,
  type StoredLimit,
  slidingWindow,
} from "./rate-limit";

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
 *
 * The counts live in the database (RateLimitStore), so every app server
 * sees the same failures: a guesser spreading attempts over N servers gets
 * no more than one server would allow.
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

const key = {
  address: (address: string) => `sign-in:address:${address}`,
  account: (account: string) => `sign-in:account:${account}`,
  device: (device: string) => `sign-in:device:${device}`,
};

export class SignInLimits {
  private readonly store: RateLimitStore;
  private readonly addressMaxFailures: number;
  private readonly addressWindowMs: number;
  private readonly delay: GrowingDelayPolicy;

  constructor(db: Db, options: SignInLimitOptions = {}) {
    this.store = new RateLimitStore(db, options.now ?? (() => new Date()));
    this.addressMaxFailures = options.addressMaxFailures ?? 20;
    this.addressWindowMs = options.addressWindowMs ?? 15 * 60 * 1000;
    this.delay = {
      freeFailures: options.freeFailures ?? 5,
      baseDelayMs: 1000,
      maxDelayMs: options.maxDelayMs ?? 15 * 60 * 1000,
      forgetAfterMs: 24 * 60 * 60 * 1000,
    };
  }

  private delayed(state: DelayState): StoredLimit {
    return { state, expiresMs: growingDelay.expiresMs(state, this.delay) };
  }

  private windowed(times: number[]): StoredLimit {
    return { state: times, expiresMs: slidingWindow.expiresMs(times, this.addressWindowMs) };
  }

  /** Refuses the attempt, or counts it as a failure until `succeeded` says otherwise. */
  begin(attempt: SignInAttempt): Promise<RateLimitCheck> {
    if (attempt.kind === "known-device") {
      return this.store.update([key.device(attempt.deviceKey)], ([stored], nowMs) => {
        const state = stored as DelayState | undefined;
        const check = growingDelay.check(state, nowMs, this.delay);
        const next = check.allowed ? this.delayed(growingDelay.record(state, nowMs, this.delay)) : undefined;
        return { result: check, next: [next] };
      });
    }
    return this.store.update<RateLimitCheck>(
      [key.address(attempt.address), key.account(attempt.accountKey)],
      ([storedTimes, storedDelay], nowMs) => {
        const times = (storedTimes as number[] | undefined) ?? [];
        const delay = storedDelay as DelayState | undefined;
        for (const check of [
          slidingWindow.check(times, nowMs, this.addressMaxFailures, this.addressWindowMs),
          growingDelay.check(delay, nowMs, this.delay),
        ]) {
          if (!check.allowed) return { result: check, next: [undefined, undefined] };
        }
        return {
          result: { allowed: true },
          next: [
            this.windowed(slidingWindow.record(times, nowMs, this.addressMaxFailures, this.addressWindowMs)),
            this.delayed(growingDelay.record(delay, nowMs, this.delay)),
          ],
        };
      },
    );
  }

  async succeeded(attempt: SignInAttempt): Promise<void> {
    if (attempt.kind === "known-device") {
      // The account's and the device's counts are cleared.
      await this.store.update([key.account(attempt.accountKey), key.device(attempt.deviceKey)], () => ({
        result: undefined,
        next: [null, null],
      }));
      return;
    }
    // The account's count is cleared; the address's failure counted ahead is taken back (its others stay).
    await this.store.update([key.account(attempt.accountKey), key.address(attempt.address)], ([, stored]) => {
      const times = ((stored as number[] | undefined) ?? []).slice(0, -1);
      return { result: undefined, next: [null, times.length > 0 ? this.windowed(times) : null] };
    });
  }
}

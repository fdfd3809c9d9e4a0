import type { LookupFailure } from "./lookup";
import { tt } from "./messages";

/** Why the office's answer is missing, in words; `stored`: the phone shows its last copy meanwhile. */
export function failureText(failure: LookupFailure, stored: boolean, retryAfter?: number): string {
  switch (failure) {
    case "offline":
      return tt(stored ? "offlineStored" : "offlineNothing");
    case "tracking_not_found":
      return tt(stored ? "storedNotFound" : "notFound");
    case "tracking_expired":
      return tt("expired");
    case "rate_limited":
      return retryAfter ? tt("rateLimitedFor", { seconds: retryAfter }) : tt("rateLimited");
    case "tracking_mistyped":
      return tt("mistyped");
    case "tracking_malformed":
      return tt("malformed");
    case "server":
      return tt("serverError");
  }
}

import { Hono } from "hono";
import type { RegionIndex } from "../../shared/regions";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { clientAddress } from "../auth/rate-limit";
import type { Db } from "../db/open";
import type { AppEnv } from "../http/env";
import { apiError } from "../http/errors";
import { limitKey, TokenBucketLimiter, type TokenBucketOptions } from "../http/rate-limit";
import { lookupTracking } from "../tracking/lookup";

/** Longer than any way of writing a number (15 characters, dashes, spaces): refused before it is read. */
const MAX_INPUT = 64;

export interface TrackOptions {
  regions: RegionIndex;
  now: () => Date;
  /** Lookups per client address (default 20 a minute, bursts of 20). */
  limit?: TokenBucketOptions;
  /** As for sign-in: behind one reverse proxy, its X-Forwarded-For entry is the client (docs/SECURITY.md). */
  trustProxy?: boolean;
}

/**
 * GET /api/track/:number: a file's public status for whoever holds its
 * number, no account. Every lookup from an address counts against its limit,
 * found or not, well-formed or not, so trying numbers gets nowhere; a citizen
 * checking a few files never meets it. IPv6 clients count per /64
 * (limitKey). The access log records the route pattern only, never the number.
 */
export function trackRoutes(db: Db, options: TrackOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const limiter = new TokenBucketLimiter({ now: options.now, ...options.limit });

  routes.get("/:number", (c) => {
    const check = limiter.take(limitKey(clientAddress(c, options.trustProxy ?? false)));
    if (!check.allowed) {
      c.header("Retry-After", String(check.retryAfterSeconds));
      return apiError(c, 429, "rate_limited", { retryAfterSeconds: check.retryAfterSeconds });
    }
    const input = c.req.param("number");
    const parsed =
      input.length > MAX_INPUT ? ({ ok: false, code: "tracking_malformed" } as const) : parseTrackingNumber(input);
    if (!parsed.ok) return apiError(c, 400, parsed.code);
    const status = lookupTracking(db, parsed.number, { regions: options.regions, now: options.now() });
    if (!status) return apiError(c, 404, "tracking_not_found");
    c.header("Cache-Control", "no-store");
    return c.json(status);
  });
  return routes;
}

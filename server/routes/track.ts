import { type Context, Hono } from "hono";
import type { RegionIndex } from "../../shared/regions";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { clientAddress } from "../auth/rate-limit";
import type { Db } from "../db/open";
import type { AppEnv } from "../http/env";
import { apiError } from "../http/errors";
import { TrackLimiter, type TrackLimits } from "../tracking/limits";
import { lookupTracking } from "../tracking/lookup";

/** Longer than any way of writing a number (15 characters, dashes, spaces): refused before it is read. */
const MAX_INPUT = 64;

export interface TrackOptions {
  regions: RegionIndex;
  now: () => Date;
  /** The lookup's budgets (server/tracking/limits.ts); `perMinute` is failed lookups per address. */
  limit?: TrackLimits;
  /** As for sign-in: behind one reverse proxy, its X-Forwarded-For entry is the client (docs/SECURITY.md). */
  trustProxy?: boolean;
}

/**
 * GET /api/track/:number (also `/api/track/:number/` and `/api/track?number=`):
 * a file's public status for whoever holds its number, no account. Failed
 * lookups are counted strictly, found ones loosely (server/tracking/limits.ts,
 * docs/SECURITY.md). The access log records the route pattern only, never the number.
 */
export function trackRoutes(db: Db, options: TrackOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const limiter = new TrackLimiter(db, { now: options.now, ...options.limit });

  const answer = async (c: Context<AppEnv>, input: string) => {
    const address = clientAddress(c, options.trustProxy ?? false);
    c.header("Cache-Control", "no-store");
    const admitted = await limiter.admit(address);
    if (!admitted.allowed) return refuse(c, admitted.retryAfterSeconds);
    const parsed =
      input.length > MAX_INPUT ? ({ ok: false, code: "tracking_malformed" } as const) : parseTrackingNumber(input);
    const found = parsed.ok
      ? await lookupTracking(db, parsed.number, { regions: options.regions, now: options.now() })
      : undefined;
    if (found?.ok) {
      await limiter.found(address);
      return c.json(found.status);
    }
    const failure = await limiter.failed(address);
    // Past the whole service's failure budget, unknown numbers wait; found ones are still answered.
    if (!failure.allowed) return refuse(c, failure.retryAfterSeconds);
    if (!parsed.ok) return apiError(c, 400, parsed.code);
    return apiError(c, 404, found?.code ?? "tracking_not_found");
  };

  routes.get("/", (c) => answer(c, c.req.query("number") ?? ""));
  routes.get("/:number", (c) => answer(c, c.req.param("number")));
  routes.get("/:number/", (c) => answer(c, c.req.param("number")));
  return routes;
}

function refuse(c: Context<AppEnv>, retryAfterSeconds: number) {
  c.header("Retry-After", String(retryAfterSeconds));
  return apiError(c, 429, "rate_limited", { retryAfterSeconds });
}

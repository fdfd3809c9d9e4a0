import type { Hono } from "hono";
import type { Db } from "../db/open";
import type { AppEnv } from "../http/env";
import { authRoutes } from "../routes/auth";
import { userRoutes } from "../routes/users";
import { type AuthClock, authenticate, csrfProtection } from "./middleware";
import { LoginRateLimiter, type RateLimitOptions } from "./rate-limit";

export interface AuthOptions extends AuthClock {
  /** Login limiter settings (the clock defaults to `now`). */
  rateLimit?: RateLimitOptions;
}

/**
 * Registers, for /api/*, the CSRF check and the session lookup (`c.var.auth`),
 * then mounts /api/auth and /api/users. Call it before any other /api route
 * is registered: Hono runs middleware only for routes added after it.
 */
export function mountAuth(app: Hono<AppEnv>, db: Db, options: AuthOptions = {}): void {
  const now = options.now ?? (() => new Date());
  const rateLimiter = new LoginRateLimiter({ now, ...options.rateLimit });
  app.use("/api/*", csrfProtection());
  app.use("/api/*", authenticate(db, { now }));
  app.route("/api/auth", authRoutes(db, { now, rateLimiter }));
  app.route("/api/users", userRoutes(db, { now }));
}

import type { Hono } from "hono";
import type { Db } from "../db/open";
import type { AppEnv } from "../http/env";
import { authRoutes } from "../routes/auth";
import { userRoutes } from "../routes/users";
import { type AuthClock, authenticate, csrfProtection } from "./middleware";
import { type SignInLimitOptions, SignInLimits } from "./sign-in-limits";

export interface AuthOptions extends AuthClock {
  /** Sign-in failure limits (the clock defaults to `now`). */
  signInLimits?: SignInLimitOptions;
  /**
   * The server runs behind one reverse proxy that appends the client's address
   * to X-Forwarded-For; otherwise the socket's address counts.
   */
  trustProxy?: boolean;
}

/**
 * Registers, for /api/*, the CSRF check and the session lookup (`c.var.auth`),
 * then mounts /api/auth and /api/users. Call it before any other /api route
 * is registered: Hono runs middleware only for routes added after it.
 */
export function mountAuth(app: Hono<AppEnv>, db: Db, options: AuthOptions = {}): void {
  const now = options.now ?? (() => new Date());
  const signInLimits = new SignInLimits(db, { now, ...options.signInLimits });
  app.use("/api/*", csrfProtection());
  app.use("/api/*", authenticate(db, { now }));
  app.route("/api/auth", authRoutes(db, { now, signInLimits, trustProxy: options.trustProxy ?? false }));
  app.route("/api/users", userRoutes(db, { now }));
}

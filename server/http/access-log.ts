import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";

/** One line per request. Deliberately without query strings, bodies or concrete ids. */
export interface AccessEntry {
  reqId: string;
  method: string;
  /** The matched route pattern ("/api/users/:id"), never the concrete path. */
  route: string;
  status: number;
  ms: number;
  role: string | null;
}

/**
 * Structured access log. Paths can carry ids and queries can carry search
 * text, so only the route pattern is logged: no NIK, name or photo can reach
 * the log this way.
 */
export function accessLog(write: (entry: AccessEntry) => void): MiddlewareHandler<AppEnv> {
  return async function accessLog(c, next) {
    const started = performance.now();
    await next();
    write({
      reqId: c.var.requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      role: c.var.auth?.user.role ?? null,
    });
  };
}

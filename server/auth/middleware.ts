import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Role } from "../../shared/api/users";
import type { Db } from "../db/open";
import type { AppEnv, Auth } from "../http/env";
import { apiError } from "../http/errors";
import { FAREWELL_HEADER, FAREWELL_HEADER_VALUE } from "./farewell";
import { resolveSession, type SessionFailure } from "./sessions";

/**
 * The session token travels in a cookie, not in an Authorization header
 * managed by the app: an HttpOnly cookie is out of reach of JavaScript, so
 * an XSS bug cannot steal the token, and fetch() and the service worker send
 * it without any code of ours. SameSite=Strict keeps other sites' pages from
 * sending it; the CSRF middleware below covers the rest. Secure is set when
 * the request came over https (directly or via the proxy), so a plain-http
 * LAN or localhost install still works.
 */
export const SESSION_COOKIE = "masdarin_session";

export interface AuthClock {
  /** The current time; tests inject a fake clock. */
  now?: () => Date;
}

/** Why `c.var.auth` is null, for requireAuth's answer. Keyed by the request, so it dies with it. */
const failures = new WeakMap<Request, SessionFailure>();
/** A cut-off session that may still drain (server/auth/farewell.ts), for farewellAccess only. */
const farewells = new WeakMap<Request, Auth>();
/** Requests let in by farewellAccess. */
const drained = new WeakSet<Request>();

function firstForwarded(c: Context, name: string): string | undefined {
  return c.req.header(name)?.split(",")[0]?.trim().toLowerCase() || undefined;
}

export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || firstForwarded(c, "x-forwarded-proto") === "https";
}

export function setSessionCookie(c: Context, token: string, expiresAt: Date, now: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: isHttps(c),
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: "Strict", path: "/", secure: isHttps(c) });
}

/**
 * Resolves the session cookie into `c.var.auth` (null when there is none or
 * it does not work). Never refuses a request itself: that is requireAuth's job.
 * When the sliding expiry moved, the cookie is sent again with the new lifetime.
 */
export function authenticate(db: Db, options: AuthClock = {}): MiddlewareHandler<AppEnv> {
  const clock = options.now ?? (() => new Date());
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set("auth", null);
    if (token !== undefined) {
      const now = clock();
      const resolved = await resolveSession(db, token, now);
      if (resolved.ok) {
        c.set("auth", resolved.auth);
        if (resolved.extended) setSessionCookie(c, token, resolved.expiresAt, now);
      } else {
        failures.set(c.req.raw, resolved.code);
        if (resolved.farewell) farewells.set(c.req.raw, resolved.farewell);
      }
    }
    await next();
  };
}

/**
 * Refuses anyone not signed in (401 with the reason: session_required,
 * session_expired, session_revoked or account_disabled) and, when roles are
 * given, anyone of another role (403 forbidden). The bodies carry nothing but
 * the code and message.
 */
export function requireAuth(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get("auth");
    if (!auth) return apiError(c, 401, failures.get(c.req.raw) ?? "session_required");
    if (roles.length > 0 && !roles.includes(auth.user.role)) return apiError(c, 403, "forbidden");
    await next();
  };
}

/**
 * Put before requireAuth on the few endpoints a revoked or disabled cadre's
 * phone still needs to hand over what it holds (the push, the page uploads):
 * a session that may drain (server/auth/farewell.ts) and has one of `roles`
 * is let in as its user, and every answer says `Masdarin-Session: farewell`.
 * Anyone else goes on to requireAuth unchanged.
 */
export function farewellAccess(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const farewell = c.get("auth") ? undefined : farewells.get(c.req.raw);
    if (!farewell || !roles.includes(farewell.user.role)) return next();
    c.set("auth", farewell);
    drained.add(c.req.raw);
    await next();
    // After the handler, so that answers built as a bare Response (the tus handler's) carry it too.
    c.header(FAREWELL_HEADER, FAREWELL_HEADER_VALUE);
  };
}

/** Whether farewellAccess let this request in on a cut-off session. */
export function isFarewell(c: Context): boolean {
  return drained.has(c.req.raw);
}

/** Paths whose writes may carry other media types (uploads); they still get the Origin check. */
const CONTENT_TYPE_EXEMPT_PREFIXES = ["/api/files/"];

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

function ownOrigins(c: Context): Set<string> {
  const url = new URL(c.req.url);
  const origins = new Set([url.origin]);
  // Behind a TLS-terminating proxy the server sees http://; the browser says https://.
  // Cross-site pages cannot set these headers without a CORS preflight, which never succeeds here.
  const proto = firstForwarded(c, "x-forwarded-proto");
  if (proto === "http" || proto === "https") {
    const host = firstForwarded(c, "x-forwarded-host") ?? c.req.header("host")?.toLowerCase() ?? url.host;
    origins.add(`${proto}://${host}`);
  }
  return origins;
}

/**
 * CSRF protection for cookie sessions, on every request but GET and HEAD:
 * - the body must be declared application/json (415 unsupported_media_type),
 *   which an HTML form or a "simple" cross-site fetch cannot do — except under
 *   /api/files/ (uploads);
 * - an Origin header, when present, must be this server's origin, and a
 *   browser's Sec-Fetch-Site, when present, must not say cross-site
 *   (403 csrf_failed).
 * So every write, even a bodiless POST or DELETE, sends
 * `Content-Type: application/json`.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();

    const origin = c.req.header("origin");
    if (origin !== undefined && !ownOrigins(c).has(origin.toLowerCase())) {
      return apiError(c, 403, "csrf_failed");
    }
    const site = c.req.header("sec-fetch-site")?.toLowerCase();
    if (site === "cross-site" || site === "same-site") return apiError(c, 403, "csrf_failed");

    const exempt = CONTENT_TYPE_EXEMPT_PREFIXES.some((prefix) => c.req.path.startsWith(prefix));
    if (!exempt && !isJson(c.req.header("content-type"))) return apiError(c, 415, "unsupported_media_type");
    await next();
  };
}

import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { EntityId, LoginRequest, type LoginResponse, type MeResponse, type SessionList } from "../../shared/api/users";
import { deviceRulesOf } from "../auth/device-rules";
import { isKnownDevice, readDeviceId, rememberDevice } from "../auth/devices";
import { clearSessionCookie, requireAuth, setSessionCookie } from "../auth/middleware";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "../auth/password";
import { clientAddress } from "../auth/rate-limit";
import { createSession, hashToken, listSessions, revokeSession, type SessionRow } from "../auth/sessions";
import { type SignInAttempt, SignInLimits } from "../auth/sign-in-limits";
import { findUserByUsername, toSessionUser } from "../auth/users";
import { vaultSecretsFor } from "../auth/vault-secrets";
import type { Db } from "../db/open";
import { users } from "../db/schema";
import { readJson } from "../http/body";
import type { AppEnv } from "../http/env";
import { apiError } from "../http/errors";

export interface AuthRouteOptions {
  /** The current time; tests inject a fake clock. */
  now?: () => Date;
  /** Sign-in failure limits (kept in the database); by default one set per router, on the same clock. */
  signInLimits?: SignInLimits;
  /** Behind one reverse proxy that appends the client's address to X-Forwarded-For. */
  trustProxy?: boolean;
}

const LOGIN_MAX_BYTES = 4 * 1024;

export function toSessionInfo(row: SessionRow, currentSessionId: string | null) {
  return {
    id: row.id,
    deviceLabel: row.deviceLabel,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    current: row.id === currentSessionId,
  };
}

/**
 * /api/auth: sign in and out, who am I, and my devices' sessions.
 * Expects authenticate() and csrfProtection() to run before it (see mountAuth).
 */
export function authRoutes(db: Db, options: AuthRouteOptions = {}): Hono<AppEnv> {
  const now = options.now ?? (() => new Date());
  const limits = options.signInLimits ?? new SignInLimits(db, { now });
  const trustProxy = options.trustProxy ?? false;
  const routes = new Hono<AppEnv>();
  // Computed now, so the first unknown-user login is not slower than the rest.
  void dummyHash();

  routes.use("*", async (c, next) => {
    c.header("Cache-Control", "no-store");
    await next();
  });

  routes.post("/login", async (c) => {
    const body = await readJson(c, LoginRequest, LOGIN_MAX_BYTES);
    if (!body.ok) return body.response;
    const { username, password, deviceLabel } = body.value;

    const user = await findUserByUsername(db, username);
    const attempt = await signInAttempt(c, db, user?.id, username, trustProxy);
    const check = await limits.begin(attempt);
    if (!check.allowed) {
      c.header("Retry-After", String(check.retryAfterSeconds));
      return apiError(c, 429, "too_many_attempts", { retryAfterSeconds: check.retryAfterSeconds });
    }

    // Unknown users are checked against a dummy hash: same answer, similar time.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !matches) return apiError(c, 401, "invalid_credentials");
    await limits.succeeded(attempt);

    // Only someone who knows the password learns that the account is disabled.
    if (user.disabledAt !== null) return apiError(c, 403, "account_disabled");

    if (needsRehash(user.passwordHash)) {
      const passwordHash = await hashPassword(password).catch(() => null);
      if (passwordHash) await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    }

    const at = now();
    // Made (once, ever) before the session: a sign-in that answers always carries them.
    const vault = await vaultSecretsFor(db, user.id);
    // Signing in again on a device replaces its old session, which may not drain (it is this phone's).
    const previous = c.get("auth");
    if (previous) await revokeSession(db, previous.sessionId, at, undefined, "replaced");
    const session = await createSession(db, user.id, deviceLabel, at);
    setSessionCookie(c, session.token, session.expiresAt, at);
    await rememberDevice(c, db, user.id, at);
    const response: LoginResponse = {
      user: toSessionUser(user),
      sessionId: session.sessionId,
      vault,
      deviceRules: await deviceRulesOf(db),
    };
    return c.json(response);
  });

  routes.post("/logout", async (c) => {
    const auth = c.get("auth");
    if (auth) await revokeSession(db, auth.sessionId, now(), undefined, "signed-out");
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  routes.get("/me", requireAuth(), async (c) => {
    const auth = c.get("auth");
    if (!auth) return apiError(c, 401, "session_required");
    // Never the vault secrets: a cookie alone must not release them (shared/api/vault.ts).
    const response: MeResponse = { user: auth.user, sessionId: auth.sessionId, deviceRules: await deviceRulesOf(db) };
    return c.json(response);
  });

  routes.get("/sessions", requireAuth(), async (c) => {
    const auth = c.get("auth");
    if (!auth) return apiError(c, 401, "session_required");
    const response: SessionList = {
      sessions: (await listSessions(db, auth.user.id, now())).map((row) => toSessionInfo(row, auth.sessionId)),
    };
    return c.json(response);
  });

  routes.delete("/sessions/:id", requireAuth(), async (c) => {
    const auth = c.get("auth");
    if (!auth) return apiError(c, 401, "session_required");
    const id = c.req.param("id");
    // Another of one's devices (a lost phone) may still drain its outbox; one's own is signing out.
    const reason = id === auth.sessionId ? "signed-out" : "revoked";
    // Someone else's session and no session at all get the same answer.
    if (!EntityId.safeParse(id).success || !(await revokeSession(db, id, now(), auth.user.id, reason))) {
      return apiError(c, 404, "session_not_found");
    }
    if (id === auth.sessionId) clearSessionCookie(c);
    return c.body(null, 204);
  });

  return routes;
}

/**
 * Whose budget a sign-in attempt spends: a device that holds a live session
 * for this account, or signed in to it before, is known and has its own;
 * anyone else is counted by address and by account.
 */
async function signInAttempt(
  c: Context<AppEnv>,
  db: Db,
  userId: string | undefined,
  username: string,
  trustProxy: boolean,
): Promise<SignInAttempt> {
  const accountKey = username.toLowerCase();
  if (userId !== undefined) {
    const auth = c.get("auth");
    if (auth?.user.id === userId) return { kind: "known-device", deviceKey: `session:${auth.sessionId}`, accountKey };
    const deviceId = readDeviceId(c);
    if (deviceId !== undefined && (await isKnownDevice(db, deviceId, userId))) {
      return { kind: "known-device", deviceKey: `device:${hashToken(deviceId)}:${userId}`, accountKey };
    }
  }
  return { kind: "unknown", address: clientAddress(c, trustProxy), accountKey };
}

import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import type { CadreActivity } from "../../shared/api/console";
import {
  CreateUserRequest,
  EntityId,
  ListUsersQuery,
  type SessionList,
  SetPasswordRequest,
  UpdateUserRequest,
  type UserList,
  type UserResponse,
} from "../../shared/api/users";
import { JAKARTA_DISTRICTS, JAKARTA_VILLAGES } from "../../shared/regions/data/jakarta";
import { type AuditRecord, recordAudit } from "../audit/log";
import { requireAuth } from "../auth/middleware";
import { hashPassword } from "../auth/password";
import { listSessions, revokeSession, revokeUserSessions } from "../auth/sessions";
import {
  createUser,
  findUserById,
  listUsers,
  toManagedUser,
  type UserFilter,
  UsernameTakenError,
  type UserRow,
} from "../auth/users";
import type { Db } from "../db/open";
import { sessions, users } from "../db/schema";
import { readJson } from "../http/body";
import type { AppEnv, AuthUser } from "../http/env";
import { apiError } from "../http/errors";
import { cadreActivity } from "../users/activity";
import { toSessionInfo } from "./auth";

export interface UserRouteOptions {
  /** The current time; tests inject a fake clock. */
  now?: () => Date;
}

const BODY_MAX_BYTES = 8 * 1024;

const KNOWN_KECAMATAN = new Set(JAKARTA_DISTRICTS.map(([code]) => code));
const KNOWN_KELURAHAN = new Set(JAKARTA_VILLAGES.map(([code]) => code));

interface Issue {
  path: string[];
  message: string;
}

/**
 * Who may manage whom:
 * - admins: everyone (and they create admins, operators and cadres);
 * - operators: cadres of their own kecamatan, nobody else;
 * - cadres: nobody (403 on every route).
 * A user the caller may not manage answers exactly like a missing one
 * (404 user_not_found), so ids and names of other kecamatan do not leak.
 */
function canManage(actor: AuthUser, target: UserRow): boolean {
  if (actor.role === "admin") return true;
  if (actor.role === "operator") {
    return target.role === "cadre" && actor.kecamatanCode !== null && target.kecamatanCode === actor.kecamatanCode;
  }
  return false;
}

/** Where each role may (or must) have a kecamatan and kelurahan, and whether the codes exist in DKI Jakarta. */
function placementIssues(role: UserRow["role"], kecamatanCode: string | null, kelurahanCode: string | null): Issue[] {
  const issues: Issue[] = [];
  if (role === "admin") {
    if (kecamatanCode !== null) issues.push({ path: ["kecamatanCode"], message: "An admin has no kecamatan" });
    if (kelurahanCode !== null) issues.push({ path: ["kelurahanCode"], message: "An admin has no kelurahan" });
    return issues;
  }
  if (kecamatanCode === null) issues.push({ path: ["kecamatanCode"], message: `A ${role} needs a kecamatan` });
  else if (!KNOWN_KECAMATAN.has(kecamatanCode)) {
    issues.push({ path: ["kecamatanCode"], message: "No such kecamatan in DKI Jakarta" });
  }
  if (kelurahanCode !== null) {
    if (role === "operator") issues.push({ path: ["kelurahanCode"], message: "An operator has no kelurahan" });
    else if (!KNOWN_KELURAHAN.has(kelurahanCode)) {
      issues.push({ path: ["kelurahanCode"], message: "No such kelurahan in DKI Jakarta" });
    } else if (kecamatanCode !== null && !kelurahanCode.startsWith(`${kecamatanCode}.`)) {
      issues.push({ path: ["kelurahanCode"], message: "The kelurahan is not in the kecamatan" });
    }
  }
  return issues;
}

/** An audit entry about a user, filed under their kecamatan so its operators see it. */
function userAudit(action: string, target: UserRow, change: { before: unknown; after: unknown }): AuditRecord {
  return { action, targetType: "user", targetId: target.id, kecamatanCode: target.kecamatanCode, ...change };
}

function invalidBody(c: Context, issues: Issue[]): Response {
  return apiError(c, 400, "invalid_body", { issues });
}

/** /api/users: account management by operators and admins. Expects authenticate() and csrfProtection() before it. */
export function userRoutes(db: Db, options: UserRouteOptions = {}): Hono<AppEnv> {
  const now = options.now ?? (() => new Date());
  const routes = new Hono<AppEnv>();

  routes.use("*", async (c, next) => {
    c.header("Cache-Control", "no-store");
    await next();
  });
  routes.use("*", requireAuth("operator", "admin"));

  /** The caller; requireAuth has run. */
  function actorOf(c: Context<AppEnv>): AuthUser {
    const auth = c.get("auth");
    if (!auth) throw new Error("userRoutes used without requireAuth");
    return auth.user;
  }

  /** The user named by :id if the caller may manage them, else undefined (answered as 404). */
  function targetOf(c: Context<AppEnv>): UserRow | undefined {
    const id = c.req.param("id") ?? "";
    if (!EntityId.safeParse(id).success) return undefined;
    const target = findUserById(db, id);
    return target && canManage(actorOf(c), target) ? target : undefined;
  }

  routes.post("/", async (c) => {
    const actor = actorOf(c);
    const body = await readJson(c, CreateUserRequest, BODY_MAX_BYTES);
    if (!body.ok) return body.response;
    const input = body.value;
    let kecamatanCode = input.kecamatanCode ?? null;
    if (actor.role === "operator") {
      if (input.role !== "cadre") return apiError(c, 403, "forbidden");
      kecamatanCode ??= actor.kecamatanCode;
      if (actor.kecamatanCode === null || kecamatanCode !== actor.kecamatanCode) return apiError(c, 403, "forbidden");
    }
    const issues = placementIssues(input.role, kecamatanCode, input.kelurahanCode ?? null);
    if (issues.length > 0) return invalidBody(c, issues);
    try {
      const at = now();
      const row = await createUser(db, { ...input, kecamatanCode, createdBy: actor.id }, at, (tx, created) => {
        recordAudit(tx, actor, userAudit("user.create", created, { before: null, after: toManagedUser(created) }), at);
      });
      const response: UserResponse = { user: toManagedUser(row) };
      return c.json(response, 201);
    } catch (error) {
      if (error instanceof UsernameTakenError) return apiError(c, 409, "username_taken");
      throw error;
    }
  });

  routes.get("/", (c) => {
    const actor = actorOf(c);
    const raw: Record<string, string> = {};
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (values.length !== 1) return apiError(c, 400, "invalid_query", { parameter: name, reason: "repeated" });
      raw[name] = values[0] ?? "";
    }
    const query = ListUsersQuery.safeParse(raw);
    if (!query.success) return apiError(c, 400, "invalid_query");
    let filter: UserFilter = query.data;
    if (actor.role === "operator") {
      const own: UserFilter = { role: "cadre", kecamatanCode: actor.kecamatanCode ?? undefined };
      const conflicting =
        actor.kecamatanCode === null ||
        (filter.role !== undefined && filter.role !== own.role) ||
        (filter.kecamatanCode !== undefined && filter.kecamatanCode !== own.kecamatanCode);
      if (conflicting) return c.json({ users: [] } satisfies UserList);
      filter = own;
    }
    const response: UserList = { users: listUsers(db, filter).map(toManagedUser) };
    return c.json(response);
  });

  routes.get("/:id", (c) => {
    const target = targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const response: UserResponse = { user: toManagedUser(target) };
    return c.json(response);
  });

  routes.patch("/:id", async (c) => {
    const actor = actorOf(c);
    const target = targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const body = await readJson(c, UpdateUserRequest, BODY_MAX_BYTES);
    if (!body.ok) return body.response;
    const change = body.value;
    // Moving a cadre to another kecamatan would take them out of the operator's reach.
    if (actor.role !== "admin" && change.kecamatanCode !== undefined) return apiError(c, 403, "forbidden");
    const next = {
      displayName: change.displayName ?? target.displayName,
      kecamatanCode: change.kecamatanCode === undefined ? target.kecamatanCode : change.kecamatanCode,
      kelurahanCode: change.kelurahanCode === undefined ? target.kelurahanCode : change.kelurahanCode,
    };
    const issues = placementIssues(target.role, next.kecamatanCode, next.kelurahanCode);
    if (issues.length > 0) return invalidBody(c, issues);
    const updated = { ...target, ...next };
    const at = now();
    db.transaction((tx) => {
      tx.update(users).set(next).where(eq(users.id, target.id)).run();
      // Filed under the kecamatan the cadre left as well, so its operators see the move.
      const audit = userAudit("user.update", target, { before: toManagedUser(target), after: toManagedUser(updated) });
      recordAudit(tx, actor, audit, at);
      if (updated.kecamatanCode !== target.kecamatanCode) {
        recordAudit(tx, actor, { ...audit, kecamatanCode: updated.kecamatanCode }, at);
      }
    });
    const response: UserResponse = { user: toManagedUser(updated) };
    return c.json(response);
  });

  routes.post("/:id/disable", (c) => {
    const actor = actorOf(c);
    const target = targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    if (target.id === actor.id) return apiError(c, 403, "cannot_disable_self");
    const at = now();
    const disabledAt = target.disabledAt ?? at.toISOString();
    db.transaction((tx) => {
      tx.update(users).set({ disabledAt }).where(eq(users.id, target.id)).run();
      const sessionsRevoked = revokeUserSessions(tx, target.id, at);
      const after = { ...toManagedUser({ ...target, disabledAt }), sessionsRevoked };
      recordAudit(tx, actor, userAudit("user.disable", target, { before: toManagedUser(target), after }), at);
    });
    const response: UserResponse = { user: toManagedUser({ ...target, disabledAt }) };
    return c.json(response);
  });

  routes.post("/:id/enable", (c) => {
    const actor = actorOf(c);
    const target = targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const at = now();
    db.transaction((tx) => {
      tx.update(users).set({ disabledAt: null }).where(eq(users.id, target.id)).run();
      const after = toManagedUser({ ...target, disabledAt: null });
      recordAudit(tx, actor, userAudit("user.enable", target, { before: toManagedUser(target), after }), at);
    });
    const response: UserResponse = { user: toManagedUser({ ...target, disabledAt: null }) };
    return c.json(response);
  });

  /** Sets a new password and signs the user out everywhere (but the caller's own device). */
  routes.post("/:id/password", async (c) => {
    const actor = actorOf(c);
    const target = targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const body = await readJson(c, SetPasswordRequest, BODY_MAX_BYTES);
    if (!body.ok) return body.response;
    const passwordHash = await hashPassword(body.value.password);
    const at = now();
    const keep = c.get("auth")?.sessionId;
    db.transaction((tx) => {
      tx.update(users).set({ passwordHash }).where(eq(users.id, target.id)).run();
      const sessionsRevoked = revokeUserSessions(tx, target.id, at, keep);
      // That it happened and its effect; never the password or its hash.
      recordAudit(
        tx,
        actor,
        userAudit("user.reset-password", target, { before: null, after: { sessionsRevoked } }),
        at,
      );
    });
    return c.body(null, 204);
  });

  /** What the cadre has submitted and what happened to it since; scoped like every route here. */
  routes.get("/:id/activity", (c) => {
    const target = targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    return c.json(cadreActivity(db, target.id) satisfies CadreActivity);
  });

  routes.get("/:id/sessions", (c) => {
    const target = targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const current = c.get("auth")?.sessionId ?? null;
    const response: SessionList = {
      sessions: listSessions(db, target.id, now()).map((row) => toSessionInfo(row, current)),
    };
    return c.json(response);
  });

  routes.delete("/:id/sessions/:sessionId", (c) => {
    const actor = actorOf(c);
    const target = targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const sessionId = c.req.param("sessionId");
    if (!EntityId.safeParse(sessionId).success) return apiError(c, 404, "session_not_found");
    const at = now();
    const revoked = db.transaction((tx) => {
      const session = tx.select().from(sessions).where(eq(sessions.id, sessionId)).get();
      if (!session || !revokeSession(tx, sessionId, at, target.id)) return false;
      recordAudit(
        tx,
        actor,
        {
          action: "session.revoke",
          targetType: "session",
          targetId: sessionId,
          kecamatanCode: target.kecamatanCode,
          before: { userId: target.id, deviceLabel: session.deviceLabel, revokedAt: null },
          after: { userId: target.id, deviceLabel: session.deviceLabel, revokedAt: at.toISOString() },
        },
        at,
      );
      return true;
    });
    if (!revoked) return apiError(c, 404, "session_not_found");
    return c.body(null, 204);
  });

  return routes;
}

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
import { requireAuth } from "../auth/middleware";
import { listSessions } from "../auth/sessions";
import { toManagedUser, type UserRow } from "../auth/users";
import { actorOf } from "../console/scope";
import type { Db } from "../db/open";
import type { AppEnv } from "../http/env";
import { apiError } from "../http/errors";
import { readQuery } from "../http/query";
import { createAccount, findManageable, listAccounts } from "../users/accounts";
import { cadreActivity } from "../users/activity";
import { asksGrant, mayChangeGrants, patchAccount } from "../users/complaint-handlers";
import { answerRefusal, readAccountBody } from "../users/refusal";
import { disableAccount, enableAccount, resetPassword, revokeAccountSession } from "../users/security";
import { toSessionInfo } from "./auth";

export interface UserRouteOptions {
  /** The current time; tests inject a fake clock. */
  now?: () => Date;
}

const userResponse = (row: UserRow): UserResponse => ({ user: toManagedUser(row) });

/**
 * /api/users: account management by operators and admins, by the rules of
 * shared/users/permissions.ts (server/users/ does the work). A user the caller
 * may not manage answers 404 user_not_found, like a missing one.
 * Expects authenticate() and csrfProtection() before it.
 */
export function userRoutes(db: Db, options: UserRouteOptions = {}): Hono<AppEnv> {
  const now = options.now ?? (() => new Date());
  const routes = new Hono<AppEnv>();

  routes.use("*", async (c, next) => {
    c.header("Cache-Control", "no-store");
    await next();
  });
  routes.use("*", requireAuth("operator", "admin"));

  /** The user named by :id if the caller may manage them. */
  async function targetOf(c: Context<AppEnv>): Promise<UserRow | undefined> {
    const id = c.req.param("id") ?? "";
    return EntityId.safeParse(id).success ? findManageable(db, actorOf(c), id) : undefined;
  }

  routes.post("/", async (c) => {
    const body = await readAccountBody(c, CreateUserRequest);
    if (!body.ok) return body.response;
    const created = await createAccount(db, actorOf(c), body.value, now());
    if (!created.ok) return answerRefusal(c, created.refusal);
    return c.json(userResponse(created.value), 201);
  });

  routes.get("/", async (c) => {
    const query = readQuery(c, ListUsersQuery);
    if (!query.ok) return query.response;
    const response: UserList = { users: (await listAccounts(db, actorOf(c), query.value)).map(toManagedUser) };
    return c.json(response);
  });

  routes.get("/:id", async (c) => {
    const target = await targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    return c.json(userResponse(target));
  });

  routes.patch("/:id", async (c) => {
    const body = await readAccountBody(c, UpdateUserRequest);
    if (!body.ok) return body.response;
    // Only admins give or withdraw the complaint-handler grant, whichever account is named.
    if (asksGrant(body.value) && !mayChangeGrants(actorOf(c))) return apiError(c, 403, "forbidden");
    const target = await targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const updated = await patchAccount(db, actorOf(c), target, body.value, now());
    if (!updated.ok) return answerRefusal(c, updated.refusal);
    return c.json(userResponse(updated.value));
  });

  routes.post("/:id/disable", async (c) => {
    const target = await targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const disabled = await disableAccount(db, actorOf(c), target, now());
    if (!disabled.ok) return answerRefusal(c, disabled.refusal);
    return c.json(userResponse(disabled.value));
  });

  routes.post("/:id/enable", async (c) => {
    const target = await targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    return c.json(userResponse(await enableAccount(db, actorOf(c), target, now())));
  });

  /** Sets a new password and signs the user out everywhere (but the caller's own device). */
  routes.post("/:id/password", async (c) => {
    const target = await targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const body = await readAccountBody(c, SetPasswordRequest);
    if (!body.ok) return body.response;
    await resetPassword(db, actorOf(c), target, body.value.password, now(), c.get("auth")?.sessionId);
    return c.body(null, 204);
  });

  /** What the cadre has submitted and what happened to it since; scoped like every route here. */
  routes.get("/:id/activity", async (c) => {
    const target = await targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    return c.json((await cadreActivity(db, target.id)) satisfies CadreActivity);
  });

  routes.get("/:id/sessions", async (c) => {
    const target = await targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const current = c.get("auth")?.sessionId ?? null;
    const response: SessionList = {
      sessions: (await listSessions(db, target.id, now())).map((row) => toSessionInfo(row, current)),
    };
    return c.json(response);
  });

  routes.delete("/:id/sessions/:sessionId", async (c) => {
    const target = await targetOf(c);
    if (!target) return apiError(c, 404, "user_not_found");
    const sessionId = c.req.param("sessionId");
    const revoked =
      EntityId.safeParse(sessionId).success && (await revokeAccountSession(db, actorOf(c), target, sessionId, now()));
    if (!revoked) return apiError(c, 404, "session_not_found");
    return c.body(null, 204);
  });

  return routes;
}

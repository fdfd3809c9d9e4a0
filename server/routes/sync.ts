import { Hono } from "hono";
import { decodeCursor } from "../../shared/api/catalogue";
import type { RegionIndex } from "../../shared/regions";
import {
  ClientId,
  MAX_PULL_LIMIT,
  MAX_PUSH_BYTES,
  type MutationIssue,
  type PullResponse,
  PushRequest,
} from "../../shared/sync/protocol";
import { recordFarewellPush } from "../auth/farewell-audit";
import { farewellAccess, isFarewell, requireAuth } from "../auth/middleware";
import type { Db } from "../db/open";
import { readJson } from "../http/body";
import type { AppEnv } from "../http/env";
import { apiError } from "../http/errors";
import { pullChanges } from "../sync/pull";
import { ClientNotOwnedError, processPush } from "../sync/push";

const PULL_PARAMETERS = new Set(["cursor", "clientId", "limit"]);

export interface SyncOptions {
  regions: RegionIndex;
  now?: () => Date;
}

/**
 * POST /api/sync/push and GET /api/sync/pull, for signed-in cadres only (docs/SYNC.md).
 * A revoked or disabled cadre's phone may still push for a while (server/auth/farewell.ts); never pull.
 */
export function syncRoutes(db: Db, { regions, now = () => new Date() }: SyncOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use("/push", farewellAccess("cadre"));
  routes.use("*", requireAuth("cadre"));

  routes.post("/push", async (c) => {
    // A key that could reach a prototype, or a NUL in text, inside one mutation refuses that mutation only
    // (invalid-mutation, with its path): the phone would otherwise resend the batch forever.
    const body = await readJson(c, PushRequest, MAX_PUSH_BYTES, {
      setAsideItemsOf: { array: "mutations", keep: ["seq", "mutationId", "name"] },
    });
    if (!body.ok) return body.response;
    const auth = c.var.auth;
    if (!auth) return apiError(c, 401, "session_required");
    const refused = new Map<number, MutationIssue[]>();
    for (const [index, forbidden] of body.setAside) refused.set(index, [forbidden]);
    try {
      const response = await processPush(db, regions, auth.user, body.value, now, refused);
      if (isFarewell(c)) await recordFarewellPush(db, auth, response, now());
      return c.json(response);
    } catch (error) {
      if (error instanceof ClientNotOwnedError) return apiError(c, 403, "client_not_owned");
      throw error;
    }
  });

  routes.get("/pull", async (c) => {
    const auth = c.var.auth;
    if (!auth) return apiError(c, 401, "session_required");
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (!PULL_PARAMETERS.has(name) || values.length > 1)
        return apiError(c, 400, "invalid_query", { parameter: name });
    }
    const rawCursor = c.req.query("cursor");
    const sinceSeq = rawCursor === undefined ? 0 : decodeCursor(rawCursor);
    if (sinceSeq === null) return apiError(c, 400, "invalid_cursor", { parameter: "cursor" });
    const rawLimit = c.req.query("limit") ?? "100";
    const limit = /^[1-9][0-9]{0,3}$/.test(rawLimit) ? Math.min(Number(rawLimit), MAX_PULL_LIMIT) : null;
    if (limit === null) return apiError(c, 400, "invalid_query", { parameter: "limit" });
    const clientId = c.req.query("clientId");
    if (clientId !== undefined && !ClientId.safeParse(clientId).success) {
      return apiError(c, 400, "invalid_query", { parameter: "clientId" });
    }
    let body: PullResponse;
    try {
      body = await pullChanges(db, auth.user.id, clientId, sinceSeq, limit);
    } catch (error) {
      if (error instanceof ClientNotOwnedError) return apiError(c, 403, "client_not_owned");
      throw error;
    }
    c.header("Cache-Control", "no-store");
    return c.json(body);
  });

  return routes;
}

import { type Context, Hono } from "hono";
import { QueueQuery, QueueSearch, ReceiveRequest, VerdictRequest } from "../../../shared/api/console";
import { DraftId } from "../../../shared/draft";
import type { Verdict } from "../../../shared/sync/protocol";
import { actorOf, scopeOf } from "../../console/scope";
import type { Db } from "../../db/open";
import { SHA256_HEX } from "../../files/photo-store";
import { readJson } from "../../http/body";
import type { AppEnv } from "../../http/env";
import { apiError } from "../../http/errors";
import { readQuery } from "../../http/query";
import { applicationDetail, pinnedGuide, visibleApplication } from "../../review/detail";
import { pageResponse, referencesFile } from "../../review/files";
import { cursorFits, decodeQueueCursor, queuePage } from "../../review/queue";
import type { QueuePosition } from "../../review/queue-cursor";
import { decide, type ReviewFailure, receive } from "../../review/verdict";
import type { ConsoleOptions } from "./index";

/** A verdict is codes plus short notes: a few KB at most. */
const MAX_BODY_BYTES = 64 * 1024;

const FAILURE_STATUS = { application_not_found: 404, version_conflict: 409, invalid_transition: 409 } as const;

/** The operator's request as the Verdict the cadre's phone reads (notes as `reason`). */
function toVerdict(request: VerdictRequest, decidedAt: string): Verdict {
  const requirements: Verdict["requirements"] = {};
  for (const [id, review] of Object.entries(request.requirements)) {
    requirements[id] =
      review.status === "accepted"
        ? { status: "accepted" }
        : { status: "needs-fix", reasonCode: review.reasonCode, ...(review.note ? { reason: review.note } : {}) };
  }
  return {
    decision: request.decision,
    ...(request.reasonCode ? { reasonCode: request.reasonCode } : {}),
    ...(request.note ? { reason: request.note } : {}),
    // Kept as the operator chose (default off): only then may /lacak show the note.
    reasonPublic: request.reasonPublic,
    requirements,
    decidedAt,
  };
}

/** The page's cursor: null for the first page, false for one that is malformed or from another order. */
function readCursor(query: QueueSearch): QueuePosition | null | false {
  if (query.cursor === undefined) return null;
  const after = decodeQueueCursor(query.cursor);
  return after && cursorFits(query, after) ? after : false;
}

/**
 * /api/console/applications: the review queue, one application's file, and
 * the office's actions on it (receive, verdict), all narrowed to the caller's
 * scope. An application outside it answers exactly like a missing one.
 */
export function reviewRoutes(db: Db, options: ConsoleOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get("/", async (c) => {
    const query = readQuery(c, QueueQuery);
    if (!query.ok) return query.response;
    const after = readCursor(query.value);
    if (after === false) return apiError(c, 400, "invalid_cursor_value", { parameter: "cursor" });
    return c.json(await queuePage(db, scopeOf(actorOf(c)), query.value, after, options.now()));
  });

  // The same queue searched by name, NIK or file number; the term travels in the body, never in a URL.
  routes.post("/search", async (c) => {
    const body = await readJson(c, QueueSearch, MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const after = readCursor(body.value);
    if (after === false) return apiError(c, 400, "invalid_cursor_value", { parameter: "cursor" });
    return c.json(await queuePage(db, scopeOf(actorOf(c)), body.value, after, options.now()));
  });

  routes.get("/:id", async (c) => {
    const id = c.req.param("id");
    const row = DraftId.safeParse(id).success ? await visibleApplication(db, scopeOf(actorOf(c)), id) : undefined;
    if (!row) return apiError(c, 404, "application_not_found");
    return c.json(await applicationDetail(db, row, options.regions, options.now()));
  });

  const refuse = (c: Context<AppEnv>, code: ReviewFailure) => apiError(c, FAILURE_STATUS[code], code);

  routes.post("/:id/receive", async (c) => {
    const id = c.req.param("id");
    if (!DraftId.safeParse(id).success) return apiError(c, 404, "application_not_found");
    const body = await readJson(c, ReceiveRequest, MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const actor = actorOf(c);
    const now = options.now();
    const outcome = await receive(db, {
      id,
      actor,
      scope: scopeOf(actor),
      expectedVersion: body.value.expectedVersion,
      now,
    });
    if (!outcome.ok) return refuse(c, outcome.code);
    return c.json(await applicationDetail(db, outcome.row, options.regions, now));
  });

  routes.post("/:id/verdict", async (c) => {
    const id = c.req.param("id");
    if (!DraftId.safeParse(id).success) return apiError(c, 404, "application_not_found");
    const body = await readJson(c, VerdictRequest, MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const actor = actorOf(c);
    const scope = scopeOf(actor);
    const row = await visibleApplication(db, scope, id);
    if (!row) return apiError(c, 404, "application_not_found");
    // The pinned version cannot change without the row's version moving, which `decide` checks.
    const known = new Set(((await pinnedGuide(db, row))?.requirements ?? []).map((requirement) => requirement.id));
    const unknown = Object.keys(body.value.requirements).filter((requirementId) => !known.has(requirementId));
    if (unknown.length > 0) {
      return apiError(c, 400, "invalid_body", {
        issues: unknown.map((requirementId) => ({
          path: ["requirements", requirementId],
          message: "No such requirement in the guide version this application uses",
        })),
      });
    }
    const now = options.now();
    const outcome = await decide(db, {
      id,
      actor,
      scope,
      expectedVersion: body.value.expectedVersion,
      verdict: toVerdict(body.value, now.toISOString()),
      now,
    });
    if (!outcome.ok) return refuse(c, outcome.code);
    return c.json(await applicationDetail(db, outcome.row, options.regions, now));
  });

  routes.get("/:id/files/:sha256", async (c) => {
    const id = c.req.param("id");
    const sha256 = c.req.param("sha256");
    if (!DraftId.safeParse(id).success) return apiError(c, 404, "application_not_found");
    if (!SHA256_HEX.test(sha256)) return apiError(c, 400, "invalid_file_hash");
    if (!options.photos) return apiError(c, 503, "storage_unavailable");
    const row = await visibleApplication(db, scopeOf(actorOf(c)), id);
    // Out of scope, missing, or a file this application does not use: all the same answer.
    if (!row || !(await referencesFile(db, row, sha256))) return apiError(c, 404, "file_not_found");
    const page = await pageResponse(db, options.photos, sha256);
    return page.ok ? page.response : apiError(c, page.status, page.code);
  });

  return routes;
}

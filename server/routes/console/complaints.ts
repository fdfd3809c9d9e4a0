import { type Context, Hono } from "hono";
import { ComplaintAnswer, ComplaintAssign, ComplaintMove, ComplaintNote } from "../../../shared/api/complaints";
import { EntityId } from "../../../shared/api/users";
import { isComplaintHandler, mayOpenComplaints, maySeeComplaintCounts } from "../../../shared/complaints/access";
import { ComplaintCountsQuery, complaintCounts } from "../../complaints/counts";
import { complaintDetail, holdsEvidence } from "../../complaints/detail";
import { complaintHandlers } from "../../complaints/handlers";
import {
  answerComplaint,
  assignComplaint,
  type HandlingOutcome,
  moveComplaint,
  noteComplaint,
} from "../../complaints/handling";
import { ComplaintQueueQuery, complaintQueue } from "../../complaints/queue";
import { queueReach, readerOf } from "../../complaints/reach";
import { actorOf } from "../../console/scope";
import type { Db } from "../../db/open";
import { SHA256_HEX } from "../../files/photo-store";
import { readJson } from "../../http/body";
import type { AppEnv } from "../../http/env";
import { apiError } from "../../http/errors";
import { readQuery } from "../../http/query";
import { pageResponse } from "../../review/files";
import { answerComplaintRefusal } from "../complaints";
import type { ConsoleOptions } from "./index";

/** An action's body: a version and at most a 4,000-character text. */
const ACTION_MAX_BYTES = 32 * 1024;

/**
 * /api/console/complaints: the complaint queue, a complaint, its handling
 * (server/complaints/), the handlers to assign and the dashboard's counts.
 * The console router has already required an operator or admin.
 */
export function complaintConsoleRoutes(db: Db, options: ConsoleOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get("/counts", async (c) => {
    const actor = actorOf(c);
    if (!maySeeComplaintCounts(actor)) return apiError(c, 403, "forbidden");
    const query = readQuery(c, ComplaintCountsQuery);
    if (!query.ok) return query.response;
    return c.json(await complaintCounts(db, actor, query.value, options.now()));
  });

  routes.get("/handlers", async (c) => {
    const actor = actorOf(c);
    if (!isComplaintHandler(readerOf(actor))) return apiError(c, 403, "complaint_handler_required");
    return c.json({ handlers: await complaintHandlers(db, actor) });
  });

  routes.get("/", async (c) => {
    const actor = actorOf(c);
    const reach = queueReach(actor);
    if (!reach) return apiError(c, 403, "complaint_handler_required");
    const query = readQuery(c, ComplaintQueueQuery);
    if (!query.ok) return query.response;
    return c.json(await complaintQueue(db, actor, reach, query.value, options.now()));
  });

  routes.get("/:id", async (c) => {
    const actor = actorOf(c);
    if (!mayOpenComplaints(readerOf(actor))) return apiError(c, 403, "complaint_handler_required");
    const id = c.req.param("id");
    const detail = EntityId.safeParse(id).success ? await complaintDetail(db, actor, id, options.now()) : null;
    if (!detail) return apiError(c, 404, "complaint_not_found");
    return c.json(detail);
  });

  /** An evidence photo, to whoever may read the complaint: the same serving as a file's pages. */
  routes.get("/:id/evidence/:sha256", async (c) => {
    const actor = actorOf(c);
    if (!mayOpenComplaints(readerOf(actor))) return apiError(c, 403, "complaint_handler_required");
    const id = c.req.param("id");
    const sha256 = c.req.param("sha256");
    if (!EntityId.safeParse(id).success) return apiError(c, 404, "complaint_not_found");
    if (!SHA256_HEX.test(sha256)) return apiError(c, 400, "invalid_file_hash");
    if (!options.photos) return apiError(c, 503, "storage_unavailable");
    // Out of reach, missing, or a photo this complaint does not hold: all the same answer.
    if (!(await holdsEvidence(db, actor, id, sha256))) return apiError(c, 404, "file_not_found");
    const page = await pageResponse(db, options.photos, sha256);
    return page.ok ? page.response : apiError(c, page.status, page.code);
  });

  /** Answers an action with the complaint as it now is. */
  const answer = async (c: Context<AppEnv>, id: string, outcome: HandlingOutcome) => {
    if (!outcome.ok) return answerComplaintRefusal(c, outcome);
    return c.json(await complaintDetail(db, actorOf(c), id, options.now()));
  };

  routes.post("/:id/assign", async (c) => {
    const id = c.req.param("id");
    if (!EntityId.safeParse(id).success) return apiError(c, 404, "complaint_not_found");
    const body = await readJson(c, ComplaintAssign, ACTION_MAX_BYTES);
    if (!body.ok) return body.response;
    return answer(c, id, await assignComplaint(db, actorOf(c), id, body.value, options.now()));
  });

  routes.post("/:id/move", async (c) => {
    const id = c.req.param("id");
    if (!EntityId.safeParse(id).success) return apiError(c, 404, "complaint_not_found");
    const body = await readJson(c, ComplaintMove, ACTION_MAX_BYTES);
    if (!body.ok) return body.response;
    return answer(c, id, await moveComplaint(db, actorOf(c), id, body.value, options.now()));
  });

  routes.post("/:id/notes", async (c) => {
    const id = c.req.param("id");
    if (!EntityId.safeParse(id).success) return apiError(c, 404, "complaint_not_found");
    const body = await readJson(c, ComplaintNote, ACTION_MAX_BYTES);
    if (!body.ok) return body.response;
    return answer(c, id, await noteComplaint(db, actorOf(c), id, body.value, options.now()));
  });

  routes.post("/:id/answer", async (c) => {
    const id = c.req.param("id");
    if (!EntityId.safeParse(id).success) return apiError(c, 404, "complaint_not_found");
    const body = await readJson(c, ComplaintAnswer, ACTION_MAX_BYTES);
    if (!body.ok) return body.response;
    return answer(c, id, await answerComplaint(db, actorOf(c), id, body.value, options.now()));
  });

  return routes;
}

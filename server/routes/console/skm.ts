import { type Context, Hono } from "hono";
import { FollowUpCreate, FollowUpUpdate } from "../../../shared/api/skm";
import { jakartaDate } from "../../../shared/jakarta-time";
import { actorOf, scopeOf } from "../../console/scope";
import type { Db } from "../../db/open";
import { readJson } from "../../http/body";
import { csvResponse } from "../../http/csv";
import type { AppEnv } from "../../http/env";
import { apiError } from "../../http/errors";
import { readQuery } from "../../http/query";
import { SKM_CSV_HEADER, skmCsvBatches } from "../../skm/csv";
import { createFollowUp, deleteFollowUp, updateFollowUp } from "../../skm/follow-ups";
import { skmConsoleReport } from "../../skm/report";
import { SkmQuery, selectionOf } from "../../skm/selection";
import type { ConsoleOptions } from "./index";

const FOLLOW_UP_MAX_BYTES = 8 * 1024;

/** /api/console/skm: the SKM report, suggestions, follow-up plans and the responses' CSV. */
export function skmConsoleRoutes(db: Db, options: ConsoleOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  const selected = (c: Context<AppEnv>) => {
    const query = readQuery(c, SkmQuery);
    if (!query.ok) return { ok: false as const, response: query.response };
    const outcome = selectionOf(query.value, options.now(), scopeOf(actorOf(c)));
    if (!outcome.ok)
      return { ok: false as const, response: apiError(c, outcome.status, outcome.code, outcome.details) };
    return outcome;
  };

  routes.get("/", async (c) => {
    const read = selected(c);
    if (!read.ok) return read.response;
    return c.json(await skmConsoleReport(db, read.selection, options.now()));
  });

  routes.get("/responses.csv", (c) => {
    const read = selected(c);
    if (!read.ok) return read.response;
    const office = read.selection.kecamatanCode ?? "jakarta";
    const name = `masdarin-skm-${office}-${read.selection.period.key}-${jakartaDate(options.now())}.csv`;
    return csvResponse(c, name, SKM_CSV_HEADER, () => skmCsvBatches(db, read.selection));
  });

  routes.post("/follow-ups", async (c) => {
    const body = await readJson(c, FollowUpCreate, FOLLOW_UP_MAX_BYTES);
    if (!body.ok) return body.response;
    const actor = actorOf(c);
    const outcome = await createFollowUp(db, actor, scopeOf(actor), body.value, options.now());
    if (!outcome.ok) return apiError(c, outcome.status, outcome.code, outcome.details);
    return c.json(outcome.followUp, 201);
  });

  routes.patch("/follow-ups/:id", async (c) => {
    const body = await readJson(c, FollowUpUpdate, FOLLOW_UP_MAX_BYTES);
    if (!body.ok) return body.response;
    const actor = actorOf(c);
    const outcome = await updateFollowUp(db, actor, scopeOf(actor), c.req.param("id"), body.value, options.now());
    if (!outcome.ok) return apiError(c, outcome.status, outcome.code, outcome.details);
    return c.json(outcome.followUp);
  });

  routes.delete("/follow-ups/:id", async (c) => {
    const actor = actorOf(c);
    const outcome = await deleteFollowUp(db, actor, scopeOf(actor), c.req.param("id"), options.now());
    if (!outcome.ok) return apiError(c, outcome.status, outcome.code, outcome.details);
    return c.body(null, 204);
  });

  return routes;
}

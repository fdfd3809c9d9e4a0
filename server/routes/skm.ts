import { Hono } from "hono";
import { SurveySubmission } from "../../shared/api/skm";
import type { RegionIndex } from "../../shared/regions";
import { clientAddress } from "../auth/rate-limit";
import type { Db } from "../db/open";
import { readJson } from "../http/body";
import type { AppEnv } from "../http/env";
import { apiError } from "../http/errors";
import { readQuery } from "../http/query";
import { SubmissionLimiter } from "../http/submission-limits";
import type { SkmLimits } from "../skm/limits";
import { jakartaOffices } from "../skm/offices";
import { skmResults } from "../skm/results";
import { SkmQuery, selectionOf } from "../skm/selection";
import { submitSurvey } from "../skm/submit";

export interface SkmRouteOptions {
  regions: RegionIndex;
  now: () => Date;
  limit?: SkmLimits;
  trustProxy?: boolean;
}

/** A response is nine scores, four bands and at most 1,000 characters of suggestion: 16 KB is generous. */
export const SURVEY_MAX_BYTES = 16 * 1024;

/**
 * /api/skm: the public satisfaction survey (responses in, published figures
 * out). Nothing here reads the session: a response is anonymous even when a
 * cadre's phone, signed in, sends it (server/skm/submit.ts).
 */
export function skmRoutes(db: Db, options: SkmRouteOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const limiter = new SubmissionLimiter(db, "skm", { now: options.now, ...options.limit });

  routes.post("/responses", async (c) => {
    c.header("Cache-Control", "no-store");
    const admitted = await limiter.take(clientAddress(c, options.trustProxy ?? false));
    if (!admitted.allowed) {
      c.header("Retry-After", String(admitted.retryAfterSeconds));
      return apiError(c, 429, "rate_limited", { budget: "address", retryAfterSeconds: admitted.retryAfterSeconds });
    }
    const body = await readJson(c, SurveySubmission, SURVEY_MAX_BYTES);
    if (!body.ok) return body.response;
    const outcome = await submitSurvey(db, body.value, options.now(), options.limit);
    if (!outcome.ok) {
      if (outcome.status === 429) c.header("Retry-After", String(outcome.retryAfterSeconds));
      return apiError(c, outcome.status, outcome.code, outcome.details);
    }
    return c.json(outcome.accepted, outcome.status);
  });

  routes.get("/results", async (c) => {
    c.header("Cache-Control", "no-store");
    const query = readQuery(c, SkmQuery);
    if (!query.ok) return query.response;
    const now = options.now();
    const selected = selectionOf(query.value, now);
    if (!selected.ok) return apiError(c, selected.status, selected.code, selected.details);
    return c.json(await skmResults(db, selected.selection, now));
  });

  routes.get("/offices", (c) => c.json({ offices: jakartaOffices() }));

  return routes;
}

import { type Context, Hono } from "hono";
import { ComplaintSubmission } from "../../shared/api/complaints";
import type { RegionIndex } from "../../shared/regions";
import { clientAddress } from "../auth/rate-limit";
import type { ComplaintLimits } from "../complaints/limits";
import type { ComplaintRefusal } from "../complaints/store";
import { submitComplaint } from "../complaints/submit";
import type { Db } from "../db/open";
import { readJson } from "../http/body";
import type { AppEnv } from "../http/env";
import { apiError } from "../http/errors";
import { SubmissionLimiter } from "../http/submission-limits";

export interface ComplaintRouteOptions {
  regions: RegionIndex;
  now: () => Date;
  limit?: ComplaintLimits;
  trustProxy?: boolean;
}

/** A complaint is at most 4,000 characters of text and a few small fields: 32 KB is generous. */
export const COMPLAINT_MAX_BYTES = 32 * 1024;

export function answerComplaintRefusal(c: Context<AppEnv>, refusal: ComplaintRefusal): Response {
  return apiError(c, refusal.status, refusal.code, refusal.details);
}

/** /api/complaints: complaints in, from citizens (no account) and cadres (server/complaints/submit.ts). */
export function complaintRoutes(db: Db, options: ComplaintRouteOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const limiter = new SubmissionLimiter(db, "complaints", { now: options.now, ...options.limit });

  routes.post("/", async (c) => {
    c.header("Cache-Control", "no-store");
    const admitted = await limiter.take(clientAddress(c, options.trustProxy ?? false));
    if (!admitted.allowed) {
      c.header("Retry-After", String(admitted.retryAfterSeconds));
      return apiError(c, 429, "rate_limited", { retryAfterSeconds: admitted.retryAfterSeconds });
    }
    const body = await readJson(c, ComplaintSubmission, COMPLAINT_MAX_BYTES);
    if (!body.ok) return body.response;
    const outcome = await submitComplaint(db, body.value, {
      sender: c.get("auth")?.user ?? null,
      regions: options.regions,
      now: options.now(),
    });
    if (!outcome.ok) return answerComplaintRefusal(c, outcome);
    return c.json(outcome.accepted, outcome.status);
  });

  return routes;
}

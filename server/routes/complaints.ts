import { Hono } from "hono";
import type { RegionIndex } from "../../shared/regions";
import type { ComplaintLimits } from "../complaints/limits";
import type { Db } from "../db/open";
import type { AppEnv } from "../http/env";

export interface ComplaintRouteOptions {
  regions: RegionIndex;
  now: () => Date;
  limit?: ComplaintLimits;
  trustProxy?: boolean;
}

/** /api/complaints: complaints in, from citizens (no account) and cadres. */
export function complaintRoutes(_db: Db, _options: ComplaintRouteOptions): Hono<AppEnv> {
  return new Hono<AppEnv>();
}

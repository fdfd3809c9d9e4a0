import { Hono } from "hono";
import type { RegionIndex } from "../../shared/regions";
import type { Db } from "../db/open";
import type { AppEnv } from "../http/env";
import type { SkmLimits } from "../skm/limits";

export interface SkmRouteOptions {
  regions: RegionIndex;
  now: () => Date;
  limit?: SkmLimits;
  trustProxy?: boolean;
}

/** /api/skm: the public satisfaction survey (responses in, published figures out). */
export function skmRoutes(_db: Db, _options: SkmRouteOptions): Hono<AppEnv> {
  return new Hono<AppEnv>();
}

import { Hono } from "hono";
import type { Db } from "../../db/open";
import type { AppEnv } from "../../http/env";
import type { ConsoleOptions } from "./index";

/** /api/console/complaints: the complaint queue, a complaint, its handling, and the counts. */
export function complaintConsoleRoutes(_db: Db, _options: ConsoleOptions): Hono<AppEnv> {
  return new Hono<AppEnv>();
}

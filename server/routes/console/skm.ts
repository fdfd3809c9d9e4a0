import { Hono } from "hono";
import type { Db } from "../../db/open";
import type { AppEnv } from "../../http/env";
import type { ConsoleOptions } from "./index";

/** /api/console/skm: the SKM report, suggestions, follow-up plans and the responses' CSV. */
export function skmConsoleRoutes(_db: Db, _options: ConsoleOptions): Hono<AppEnv> {
  return new Hono<AppEnv>();
}

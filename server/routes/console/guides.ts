import { Hono } from "hono";
import type { Db } from "../../db/open";
import type { AppEnv } from "../../http/env";
import type { ConsoleOptions } from "./index";

// Placeholder: filled in by the console work (issue 5).
export function guidesRoutes(_db: Db, _options: ConsoleOptions): Hono<AppEnv> {
  return new Hono<AppEnv>();
}

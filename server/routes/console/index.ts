import { Hono } from "hono";
import type { RegionIndex } from "../../../shared/regions";
import { requireAuth } from "../../auth/middleware";
import type { Db } from "../../db/open";
import type { PhotoStore } from "../../files/photo-store";
import type { AppEnv } from "../../http/env";
import { auditRoutes } from "./audit";
import { calendarRoutes } from "./calendar";
import { complaintConsoleRoutes } from "./complaints";
import { dashboardRoutes } from "./dashboard";
import { guidesRoutes } from "./guides";
import { privacyRoutes } from "./privacy";
import { reviewRoutes } from "./review";
import { skmConsoleRoutes } from "./skm";

export interface ConsoleOptions {
  /** The current time; tests inject a fake clock. */
  now: () => Date;
  regions: RegionIndex;
  /** Where page files are kept (server/files/photo-store.ts); photo routes answer 503 storage_unavailable without it. */
  photos?: PhotoStore | undefined;
}

/**
 * /api/console: the operator console's API. Every route needs an operator or
 * an admin (requireAuth here), and every handler narrows its data to the
 * caller's scope (server/console/scope.ts). Nothing here is cached.
 */
export function consoleRoutes(db: Db, options: ConsoleOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use("*", async (c, next) => {
    await next();
    // A route that already forbids storing (e.g. "private, no-store" on page files) keeps its own value.
    if (!c.res.headers.get("Cache-Control")?.includes("no-store")) c.header("Cache-Control", "no-store");
  });
  routes.use("*", requireAuth("operator", "admin"));
  routes.route("/applications", reviewRoutes(db, options));
  routes.route("/dashboard", dashboardRoutes(db, options));
  routes.route("/guides", guidesRoutes(db, options));
  routes.route("/audit", auditRoutes(db, options));
  routes.route("/calendar", calendarRoutes(db, options));
  routes.route("/skm", skmConsoleRoutes(db, options));
  routes.route("/complaints", complaintConsoleRoutes(db, options));
  routes.route("/privacy", privacyRoutes(db, options));
  return routes;
}

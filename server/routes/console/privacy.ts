import { Hono } from "hono";
import { z } from "zod";
import { PrivacySettings, type RetentionReport } from "../../../shared/api/retention";
import { actorOf } from "../../console/scope";
import type { Db } from "../../db/open";
import { readJson } from "../../http/body";
import type { AppEnv } from "../../http/env";
import { apiError, requestLocale } from "../../http/errors";
import { retentionDryRun } from "../../retention/report";
import { runRetention } from "../../retention/run";
import { auditRetentionRun, readPrivacySettings, writePrivacySettings } from "../../retention/settings";
import type { ConsoleOptions } from "./index";

/** Four numbers; a run's confirmation is an empty object. */
// Small forms; the same 8 KiB as user administration, so a deeply nested body is refused as too deep (400), not merely too big.
const BODY_MAX_BYTES = 8 * 1024;

/**
 * /api/console/privacy: the admin's privacy settings (phones' lock, PIN tries
 * and retention; the server's retention of closed files) and the retention
 * itself (a dry run, then the run). Admins only: operators serve one
 * kecamatan, these rules are the whole office's.
 */
export function privacyRoutes(db: Db, options: ConsoleOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use("*", async (c, next) => {
    if (actorOf(c).role !== "admin") return apiError(c, 403, "forbidden");
    await next();
  });

  routes.get("/settings", async (c) => c.json((await readPrivacySettings(db)) satisfies PrivacySettings));

  routes.put("/settings", async (c) => {
    const body = await readJson(c, PrivacySettings, BODY_MAX_BYTES);
    if (!body.ok) return body.response;
    return c.json((await writePrivacySettings(db, actorOf(c), body.value, options.now())) satisfies PrivacySettings);
  });

  routes.get("/retention", async (c) =>
    c.json((await retentionDryRun(db, options.now(), requestLocale(c))) satisfies RetentionReport),
  );

  routes.post("/retention/run", async (c) => {
    const body = await readJson(c, z.strictObject({}), BODY_MAX_BYTES);
    if (!body.ok) return body.response;
    // Without the photo folder the rows would lose their photos while the bytes stayed on disk.
    if (!options.photos) return apiError(c, 503, "storage_unavailable");
    const now = options.now();
    const { report } = await runRetention(db, { now, photos: options.photos, locale: requestLocale(c) });
    await auditRetentionRun(db, actorOf(c), report.totals, report.retentionDays, now);
    return c.json(report satisfies RetentionReport);
  });

  return routes;
}

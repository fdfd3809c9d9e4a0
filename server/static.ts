import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "./http/env";

/**
 * Serves the built PWA. Hashed assets are cached forever; the entry points
 * (index.html, sw.js, the manifest) must always be revalidated or an app
 * update would never reach the phone.
 */
export function mountPwa(app: Hono<AppEnv>, staticDir: string): void {
  if (!existsSync(join(staticDir, "index.html"))) {
    throw new Error(`The built PWA is missing in ${staticDir}: run "npm run build" first.`);
  }
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  app.use("*", async (c, next) => {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-cache");
  });
  app.use("*", serveStatic({ root: staticDir }));
  // Client-side routes (/panduan/...) load the app shell; the app routes itself.
  app.get("*", async (c, next) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
    return serveStatic({ root: staticDir, path: "index.html" })(c, next);
  });
}

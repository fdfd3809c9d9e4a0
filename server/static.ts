import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { Db } from "./db/open";
import { CatalogueCache } from "./guides/catalogue-cache";
import { negotiateEncoding } from "./http/compress";
import type { AppEnv } from "./http/env";

/**
 * The catalogue's download starts with the HTML, in parallel with the app's
 * code, instead of after it: the page's first `fetch("/api/guides")` (same
 * URL, same credentials mode) takes over this request. Only in the HTML the
 * server answers a navigation with, that is a browser without the service
 * worker (a first visit); the precached shell (/index.html, what the worker
 * serves offline and on later visits) stays without it, where the device has
 * the catalogue and asks only for changes.
 */
export const CATALOGUE_PRELOAD = '<link rel="preload" href="/api/guides" as="fetch" crossorigin="anonymous" />';

export function withCataloguePreload(html: string): string {
  const charset = /<meta charset="utf-8" ?\/?>/i.exec(html);
  if (!charset) throw new Error("The built index.html has no <meta charset>: cannot place the catalogue preload.");
  const end = charset.index + charset[0].length;
  return `${html.slice(0, end)}\n    ${CATALOGUE_PRELOAD}${html.slice(end)}`;
}

/**
 * A first visit's HTML: the catalogue summary (the home list's fields, see
 * shared/api/catalogue.ts) inlined at the end of the body, so the list shows
 * as soon as the app's code runs, without waiting for the full catalogue on
 * a slow link. Like the preload, only in the HTML a navigation without the
 * service worker gets: the precached shell never carries a stale summary.
 */
export function withCatalogueSummary(html: string, summaryElement: string): string {
  const end = html.lastIndexOf("</body>");
  if (end < 0) throw new Error("The built index.html has no </body>: cannot place the catalogue summary.");
  return `${html.slice(0, end)}  ${summaryElement}\n  ${html.slice(end)}`;
}

/**
 * Serves the built PWA. Hashed assets are cached forever; the entry points
 * (index.html, sw.js, the manifest) must always be revalidated or an app
 * update would never reach the phone.
 */
export function mountPwa(app: Hono<AppEnv>, staticDir: string, db: Db): void {
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
  // Read once: a new build means a restarted server.
  const firstVisitShell = withCataloguePreload(readFileSync(join(staticDir, "index.html"), "utf8"));
  const catalogue = new CatalogueCache(db);
  const template = (summaryElement: string) => withCatalogueSummary(firstVisitShell, summaryElement);
  // The root and client-side routes (/panduan/...) load the app shell; the app routes itself.
  app.get("*", async (c, next) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
    // Built and compressed once per catalogue change, not per visit.
    const page = catalogue.firstVisitPage(catalogue.head(), template);
    const coding = negotiateEncoding(c.req.header("Accept-Encoding"), ["br", "gzip", "identity"]);
    const bytes = coding === "identity" ? page.identity : page.encoded(coding);
    if (coding !== "identity") c.header("Content-Encoding", coding);
    c.header("Vary", "Accept-Encoding");
    c.header("Content-Length", String(bytes.byteLength));
    c.header("Content-Type", "text/html; charset=UTF-8");
    return c.body(bytes);
  });
  app.use("*", serveStatic({ root: staticDir }));
}

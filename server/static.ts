import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { Db } from "./db/open";
import { CatalogueCache } from "./guides/catalogue-cache";
import { negotiateEncoding } from "./http/compress";
import type { AppEnv } from "./http/env";

/**
 * A first visit's HTML: the catalogue summary (the home list's fields, see
 * shared/api/catalogue.ts) inlined at the end of the body, so the list shows
 * as soon as the app's code runs, without waiting for the full catalogue on
 * a slow link. The full catalogue is fetched once the list is on screen:
 * a `<link rel="preload">` of it (38 KB gzip) in this HTML took the link
 * from the app's code and put the list on screen later (bench/first-visit.ts,
 * issue 12). Only in the HTML a navigation without the service worker gets
 * (a first visit): the precached shell (/index.html, what the worker serves
 * offline and on later visits) never carries a stale summary.
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
  const firstVisitShell = readFileSync(join(staticDir, "index.html"), "utf8");
  const catalogue = new CatalogueCache(db);
  const template = (summaryElement: string) => withCatalogueSummary(firstVisitShell, summaryElement);
  // The root and client-side routes (/panduan/...) load the app shell; the app routes itself.
  app.get("*", async (c, next) => {
    // A path with a file suffix is a file; a tracking number typed with dots (/lacak/drn.7k4mx.2qp9a, also under
    // /survei/ and /pengaduan/) is a page.
    if (/\.[a-z0-9]+$/i.test(c.req.path) && !/^\/(lacak|survei|pengaduan)\//.test(c.req.path)) return next();
    // Built and compressed once per catalogue change, not per visit.
    const page = await catalogue.firstVisitPage(await catalogue.head(), template);
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

import { Hono } from "hono";
import { compress } from "hono/compress";
import { etag } from "hono/etag";
import { secureHeaders } from "hono/secure-headers";
import type { Db } from "./db/open";
import { apiError } from "./http/errors";
import { guideRoutes } from "./routes/guides";
import { healthRoutes } from "./routes/health";
import { mountPwa } from "./static";

export interface AppOptions {
  db: Db;
  /** Folder of the built PWA; omitted in API-only tests. */
  staticDir?: string;
  /** Receives one line per failure; must never be given personal data. */
  logError?: (message: string, error: unknown) => void;
}

export function createApp({ db, staticDir, logError = () => {} }: AppOptions): Hono {
  const app = new Hono();

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use("*", compress());
  // Weak: the same ETag holds for the gzip and identity forms of a body.
  app.use("/api/*", etag({ weak: true }));

  app.route("/api/health", healthRoutes(db));
  app.route("/api/guides", guideRoutes(db));
  app.all("/api/*", (c) => apiError(c, 404, "not_found"));

  if (staticDir) mountPwa(app, staticDir);

  app.onError((error, c) => {
    logError(`${c.req.method} ${c.req.path} failed`, error);
    return apiError(c, 500, "internal_error");
  });
  return app;
}

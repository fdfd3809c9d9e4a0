import { Hono } from "hono";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createRegionIndex, type RegionIndex } from "../shared/regions";
import { type AuthOptions, mountAuth } from "./auth/mount";
import type { ComplaintLimits } from "./complaints/limits";
import type { Db } from "./db/open";
import type { UploadExpiryOptions } from "./files/expiry";
import type { IncomingUploads } from "./files/incoming";
import { diskPhotoStore, type PhotoStore, PhotoStoreUnreachable } from "./files/photo-store";
import { type AccessEntry, accessLog } from "./http/access-log";
import { compressJson } from "./http/compress";
import type { AppEnv } from "./http/env";
import { apiError } from "./http/errors";
import { complaintRoutes } from "./routes/complaints";
import { consoleRoutes } from "./routes/console";
import { fileRoutes } from "./routes/files";
import { guideRoutes } from "./routes/guides";
import { healthRoutes } from "./routes/health";
import { skmRoutes } from "./routes/skm";
import { syncRoutes } from "./routes/sync";
import { trackRoutes } from "./routes/track";
import type { SkmLimits } from "./skm/limits";
import { mountPwa } from "./static";
import type { TrackLimits } from "./tracking/limits";

export interface AppOptions {
  db: Db;
  /** Folder of the built PWA; omitted in API-only tests. */
  staticDir?: string;
  /** Receives one line per failure; must never be given personal data. */
  logError?: (message: string, error: unknown) => void;
  /** Receives one structured line per request (server/http/access-log.ts); silent when omitted. */
  logRequest?: (entry: AccessEntry) => void;
  /** Clock and login-limit settings; tests inject a fake clock. */
  auth?: AuthOptions;
  /** Official region codes for the pre-check at submit; built from the shipped data when omitted. */
  regions?: RegionIndex;
  /** Folder for uploaded page files (`${DATA_DIR}/files`); without it (and `photos`) the file routes answer 503. */
  filesDir?: string;
  /** Where verified page files are kept (PHOTO_STORE, server/files/photo-store.ts); a folder store in `filesDir` by default. */
  photos?: PhotoStore;
  /** Where tus uploads in progress live (server/files/incoming.ts); the photo store's work folder by default. */
  incoming?: IncomingUploads;
  /** How long an unfinished upload may sit idle, and who runs the sweep (server/files/expiry.ts). */
  uploadExpiry?: UploadExpiryOptions;
  /** Public tracking lookup budgets (server/tracking/limits.ts; perMinute: failed lookups per address); tests raise or lower them. */
  trackLimit?: TrackLimits;
  /** Anonymous survey submissions' budgets (server/skm/limits.ts); tests raise or lower them. */
  skmLimit?: SkmLimits;
  /** Anonymous complaint submissions' budgets (server/complaints/limits.ts). */
  complaintLimit?: ComplaintLimits;
}

export function createApp({
  db,
  staticDir,
  logError = () => {},
  logRequest,
  auth,
  regions,
  filesDir,
  photos: configuredPhotos,
  incoming,
  uploadExpiry,
  trackLimit,
  skmLimit,
  complaintLimit,
}: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const photos = configuredPhotos ?? (filesDir ? diskPhotoStore(filesDir) : undefined);
  app.use("*", requestId());
  if (logRequest) app.use("*", accessLog(logRequest));

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
  // Middleware by route: files and streams (the PWA, CSV exports) are gzipped as they stream, when a
  // known length is 1 KB or more; JSON answers by compressJson (small ones left as they are); the
  // catalogue and health set their own encoding and length and pass through both.
  app.use("*", compress());
  app.use("/api/*", compressJson());
  // No ETag middleware: it hashed every body, and no client revalidates an answer that is not the
  // catalogue's (every other API answer is no-store). The catalogue's tags come from its change counter.
  // The public lookup is read-only: any other method is 405, answered before the CSRF check
  // (which would call a POST without a JSON body 415) and before the session is read.
  for (const path of ["/api/track", "/api/track/*"]) {
    app.use(path, async (c, next) => {
      if (c.req.method === "GET" || c.req.method === "HEAD") return next();
      c.header("Allow", "GET, HEAD");
      return apiError(c, 405, "method_not_allowed");
    });
  }
  mountAuth(app, db, auth);

  app.route("/api/health", healthRoutes(db, { photos, now: auth?.now }));
  app.route("/api/guides", guideRoutes(db));
  const regionIndex = regions ?? createRegionIndex();
  app.route("/api/sync", syncRoutes(db, { regions: regionIndex }));
  app.route("/api/console", consoleRoutes(db, { now: auth?.now ?? (() => new Date()), regions: regionIndex, photos }));
  app.route(
    "/api/track",
    trackRoutes(db, {
      regions: regionIndex,
      now: auth?.now ?? (() => new Date()),
      limit: trackLimit,
      trustProxy: auth?.trustProxy,
    }),
  );
  const now = auth?.now ?? (() => new Date());
  const trustProxy = auth?.trustProxy;
  app.route("/api/skm", skmRoutes(db, { regions: regionIndex, now, limit: skmLimit, trustProxy }));
  app.route("/api/complaints", complaintRoutes(db, { regions: regionIndex, now, limit: complaintLimit, trustProxy }));
  app.route("/api/files", fileRoutes(db, { photos, incoming, logError, now: auth?.now, uploadExpiry }));
  // The catalogue is read-only over HTTP: other methods on its paths are 405, not 404.
  app.on(["POST", "PUT", "PATCH", "DELETE"], ["/api/guides", "/api/guides/*", "/api/health"], (c) => {
    c.header("Allow", "GET, HEAD");
    return apiError(c, 405, "method_not_allowed");
  });
  app.all("/api/*", (c) => apiError(c, 404, "not_found"));

  if (staticDir) mountPwa(app, staticDir, db);

  app.onError((error, c) => {
    logError(`${c.req.method} ${c.req.routePath} failed`, error);
    // The bucket did not answer: the phone or the console tries again, nothing is missing.
    if (error instanceof PhotoStoreUnreachable) return apiError(c, 503, "storage_unreachable");
    return apiError(c, 500, "internal_error");
  });
  return app;
}

import { Hono } from "hono";
import { farewellAccess, requireAuth } from "../auth/middleware";
import type { Db } from "../db/open";
import type { UploadExpiryOptions } from "../files/expiry";
import type { IncomingUploads } from "../files/incoming";
import { type PhotoStore, SHA256_HEX } from "../files/photo-store";
import { findStoredFile } from "../files/storage";
import { createTusUploads } from "../files/tus";
import type { AppEnv } from "../http/env";
import { apiError } from "../http/errors";

export interface FileRoutesOptions {
  /** Where verified files and uploads in progress live (photo-store.ts); without it every file route answers 503. */
  photos?: PhotoStore | undefined;
  /** Where uploads in progress live (server/files/incoming.ts); the photo store's work folder by default. */
  incoming?: IncomingUploads | undefined;
  now?: () => Date;
  logError?: (message: string, error: unknown) => void;
  /** Expiry of unfinished uploads (server/files/expiry.ts). */
  uploadExpiry?: UploadExpiryOptions | undefined;
}

/**
 * /api/files (docs in server/files/tus.ts and storage.ts):
 * - GET|HEAD /sha256/:hash — 200 with `{ sha256, bytes, mime, createdAt }` if the
 *   server holds that content for this user's office (server/files/possession.ts),
 *   404 `file_not_found` if not, the same as for content never stored: the phone
 *   skips uploads its office already sent. Signed-in cadres and operators.
 * - /tus/… — the tus upload endpoint. Signed-in cadres.
 * A revoked or disabled cadre's phone may still finish its uploads, both steps,
 * for a while (server/auth/farewell.ts).
 */
export function fileRoutes(
  db: Db,
  { photos, incoming, now = () => new Date(), logError = () => {}, uploadExpiry = {} }: FileRoutesOptions,
) {
  const routes = new Hono<AppEnv>();
  if (!photos) {
    routes.all("*", (c) => apiError(c, 503, "storage_unavailable"));
    return routes;
  }

  routes.get("/sha256/:hash", farewellAccess("cadre"), requireAuth("cadre", "operator"), async (c) => {
    const hash = c.req.param("hash");
    if (!SHA256_HEX.test(hash)) return apiError(c, 400, "invalid_file_hash");
    const stored = await findStoredFile(db, photos, hash, c.var.auth?.user.id ?? "");
    c.header("Cache-Control", "no-store");
    if (!stored) return apiError(c, 404, "file_not_found");
    return c.json(stored);
  });

  const uploads = createTusUploads({
    db,
    photos,
    ...(incoming ? { incoming } : {}),
    now,
    logError,
    maxIdleMs: uploadExpiry.maxIdleMs,
  });
  uploadExpiry.onSweep?.(uploads.expireIdleUploads);
  routes.all("/tus", farewellAccess("cadre"), requireAuth("cadre"), uploads.handle);
  routes.all("/tus/*", farewellAccess("cadre"), requireAuth("cadre"), uploads.handle);
  return routes;
}

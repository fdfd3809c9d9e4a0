/**
 * The tus 1.0 endpoint for page uploads (https://tus.io/protocols/resumable-upload),
 * served by @tus/server through `handleWeb` inside Hono.
 *
 * - Creation (POST /api/files/tus/) needs `Upload-Length` ≤ 6 MB and metadata
 *   `sha256` (64 lowercase hex) and `mime`, one of the page types of
 *   shared/files/formats.ts (image/jpeg, image/webp, image/png,
 *   application/pdf). Other metadata keys are dropped; the server adds `owner`.
 * - Upload ids are 32 random hex characters chosen by the server; any other id
 *   in a URL is a 404 before the store sees it, so no path trick reaches the disk.
 * - Only the cadre who created an upload can see, continue or delete it
 *   (others get the same 404 as for an unknown id).
 * - When the last byte arrives the file is hashed, sniffed, an image decoded
 *   (image-check.ts), and stored under its hash (storage.ts). A refusal deletes
 *   it and answers `hash_mismatch` (422), `type_mismatch` (415),
 *   `image_unreadable` (422: truncated, damaged, or a header claiming more
 *   pixels than the data holds), `image_too_small` (422:
 *   long edge under 1,000 px, unreadable at the counter) or `image_too_large`
 *   (413: more than 60 million pixels, refused from the header alone).
 * - Offsets live in the upload store (incoming.ts: a folder, or the S3
 *   bucket): after a server restart a HEAD gives the offset and the phone
 *   continues from there. An upload that was complete when the server stopped
 *   is finished on that HEAD; an accepted upload keeps its small record so a
 *   HEAD after a lost response says "complete" rather than making the phone
 *   send it all again.
 *
 * - Only tus 1.0.0 with creation, creation-with-upload and termination is
 *   offered (OPTIONS says so). A `Tus-Resumable` other than 1.0.0 is 412
 *   `tus_version_not_supported` with `Tus-Version: 1.0.0` (the protocol's own
 *   answer); a creation with `Upload-Concat` or `Upload-Defer-Length` is 400
 *   `tus_extension_not_supported` (`details.extension`). The phone never sends
 *   these: they are client mistakes, answered 4xx and never logged as errors.
 * - One request at a time per upload, across app servers: on PostgreSQL the
 *   tus locks are advisory locks every instance sees (locker.ts), so a phone
 *   resuming through another instance waits for (and ends) the request still
 *   holding the upload, and continues at the offset in the shared folder or
 *   bucket.
 * - An unfinished upload idle for `maxIdleMs` is deleted by `expireIdleUploads`
 *   (expiry.ts says why and how); one being written to is never touched.
 *
 * Error bodies use the API's JSON error shape. Nothing logs contents or names.
 */
import { randomBytes } from "node:crypto";
import { unlink } from "node:fs/promises";
import { Server, TUS_RESUMABLE, TUS_VERSION, type Upload } from "@tus/server";
import type { Context } from "hono";
import type { StatusCode } from "hono/utils/http-status";
import { type ErrorCode, errorBody } from "../../shared/api/errors";
import type { Locale } from "../../shared/text";
import type { Db } from "../db/open";
import type { AppEnv } from "../http/env";
import { apiError, requestLocale } from "../http/errors";
import { DEFAULT_UPLOAD_MAX_IDLE_MS, type SweepReport } from "./expiry";
import { folderIncoming, type IncomingUploads, OFFERED_EXTENSIONS } from "./incoming";
import { createUploadLocker } from "./locker";
import { type PhotoStore, PhotoStoreUnreachable, SHA256_HEX } from "./photo-store";
import {
  type AcceptResult,
  acceptUpload,
  findStoredFile,
  isUploadMime,
  MAX_UPLOAD_BYTES,
  type RefusalCode,
} from "./storage";

/** The tus collection URL; uploads are `${TUS_PATH}/<id>`. */
export const TUS_PATH = "/api/files/tus";
const UPLOAD_ID = /^[0-9a-f]{32}$/;

const REFUSAL_STATUS: Record<RefusalCode, number> = {
  hash_mismatch: 422,
  type_mismatch: 415,
  upload_too_large: 413,
  image_unreadable: 422,
  image_too_small: 422,
  image_too_large: 413,
};

/** Thrown from the tus hooks; turned into a JSON error body by onResponseError. */
class UploadRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly code: ErrorCode,
  ) {
    super(code);
  }
}

/** tus's own errors (plain text) mapped to the API's codes, by status. */
function codeForTusStatus(status: number): ErrorCode {
  if (status === 404 || status === 410) return "upload_not_found";
  if (status === 409) return "upload_offset_conflict";
  if (status === 413) return "upload_too_large";
  if (status >= 500) return "internal_error";
  return "invalid_upload";
}

interface RequestContext {
  userId: string;
  locale: Locale;
}

/** Creation headers of extensions not offered, each refused with its extension's name. */
const UNOFFERED_HEADERS = [
  ["upload-concat", "concatenation"],
  ["upload-defer-length", "creation-defer-length"],
] as const;

export interface TusUploadsOptions {
  db: Db;
  /** Where accepted files go. */
  photos: PhotoStore;
  /**
   * Where uploads in progress live (incoming.ts): the bucket's with PHOTO_STORE=s3, else the
   * photo store's work folder (`incoming/`).
   */
  incoming?: IncomingUploads;
  now: () => Date;
  logError: (message: string, error: unknown) => void;
  /** An unfinished upload with no byte received for this long is deleted by the sweep (24 h by default). */
  maxIdleMs?: number;
}

/** Only an error's code travels to the log: fs messages carry paths. */
function safeError(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new Error(typeof code === "string" ? code : error instanceof Error ? error.name : "unknown");
}

export function createTusUploads({
  db,
  photos,
  incoming = folderIncoming(photos.workDir),
  now,
  logError,
  maxIdleMs = DEFAULT_UPLOAD_MAX_IDLE_MS,
}: TusUploadsOptions) {
  const { datastore } = incoming;
  // Shared by all app servers on PostgreSQL (advisory locks), in memory on SQLite (locker.ts).
  const locker = createUploadLocker(db);
  const contexts = new WeakMap<Request, RequestContext>();
  /** One finish per upload at a time (the last PATCH and a HEAD after a restart may race). */
  const finishing = new Map<string, Promise<AcceptResult>>();

  const locale = (req: Request) => contexts.get(req)?.locale ?? "id";
  const json = (code: ErrorCode, req: Request) => JSON.stringify(errorBody(code, locale(req)));

  const removeUpload = (id: string) => incoming.remove(id).catch(() => {});

  /** Verifies and stores a complete upload; on refusal or failure the upload is gone. */
  function finish(id: string, userId: string): Promise<AcceptResult> {
    const running = finishing.get(id);
    // biome-ignore lint/nursery/noMisusedPromises: tests whether the work is already in flight (a promise or nothing)
    if (running) return running;
    const work = (async () => {
      const info = await incoming.record(id);
      const sha256 = info?.metadata?.sha256;
      const mime = info?.metadata?.mime;
      if (!info || typeof info.size !== "number" || !sha256 || !isUploadMime(mime)) {
        await removeUpload(id);
        return { ok: false, code: "hash_mismatch" } as const;
      }
      let path: string | undefined;
      try {
        path = await incoming.localCopy(id);
        const result = await acceptUpload(db, photos, {
          path,
          sha256,
          mime,
          size: info.size,
          uploadedBy: userId,
          now: now(),
        });
        // Accepted: the bytes are in the photo store; the record stays as the proof that it completed.
        if (result.ok) await incoming.dropBytes(id);
        else await removeUpload(id);
        return result;
      } catch (error) {
        // An unexpected failure: drop the upload so the phone's retry starts a clean one.
        if (path) await unlink(path).catch(() => {});
        await removeUpload(id);
        throw error;
      }
    })().finally(() => finishing.delete(id));
    finishing.set(id, work);
    return work;
  }

  async function finishOrRefuse(id: string, userId: string): Promise<void> {
    let result: AcceptResult;
    try {
      result = await finish(id, userId);
    } catch (error) {
      logError("file upload: storing a finished upload failed", safeError(error));
      if (error instanceof PhotoStoreUnreachable) throw new UploadRefusal(503, "storage_unreachable");
      throw new UploadRefusal(500, "internal_error");
    }
    if (!result.ok) throw new UploadRefusal(REFUSAL_STATUS[result.code], result.code);
  }

  const tus = new Server({
    path: TUS_PATH,
    datastore,
    locker,
    maxSize: MAX_UPLOAD_BYTES,
    relativeLocation: true,
    // Same-origin only: no Access-Control-Allow-Origin for anyone.
    allowedOrigins: () => false,
    disableTerminationForFinishedUploads: true,
    // Random, server-chosen ids: the client's metadata never names a file.
    namingFunction: () => randomBytes(16).toString("hex"),
    getFileIdFromRequest: (_req, lastPath) => (lastPath && UPLOAD_ID.test(lastPath) ? lastPath : undefined),
    async onUploadCreate(req, upload: Upload) {
      const context = contexts.get(req);
      if (!context) throw new UploadRefusal(401, "session_required");
      if (upload.sizeIsDeferred) throw new UploadRefusal(400, "invalid_upload");
      const sha256 = upload.metadata?.sha256;
      const mime = upload.metadata?.mime;
      if (typeof sha256 !== "string" || !SHA256_HEX.test(sha256) || !isUploadMime(mime)) {
        throw new UploadRefusal(400, "invalid_upload_metadata");
      }
      return { metadata: { sha256, mime, owner: context.userId } };
    },
    async onUploadFinish(req, upload: Upload) {
      const context = contexts.get(req);
      if (!context) throw new UploadRefusal(401, "session_required");
      await finishOrRefuse(upload.id, context.userId);
      return {};
    },
    onResponseError(req, error) {
      if (error instanceof UploadRefusal) return { status_code: error.status_code, body: json(error.code, req) };
      const status = "status_code" in error && typeof error.status_code === "number" ? error.status_code : 500;
      // tus says 501 for an extension it lacks: the client asked for something not offered (handle()
      // refuses the known ones first; this catches any other). A client mistake, so not logged.
      if (status === 501) return { status_code: 400, body: json("tus_extension_not_supported", req) };
      if (status >= 500) logError("file upload: request failed", safeError(error));
      return { status_code: status, body: json(codeForTusStatus(status), req) };
    },
  });

  /** `Upload-Offset = Upload-Length`: what a HEAD answers for an upload that is stored. */
  function completeHead(c: Context<AppEnv>, size: number): Response {
    return c.newResponse(null, 200, {
      "Tus-Resumable": TUS_RESUMABLE,
      "Upload-Offset": String(size),
      "Upload-Length": String(size),
      "Cache-Control": "no-store",
    });
  }

  /** HEAD on an upload whose bytes are all here: either already stored, or finish it now (after a restart). */
  async function headOfFinishedUpload(c: Context<AppEnv>, id: string, userId: string): Promise<Response | null> {
    const info = await incoming.record(id);
    const sha256 = info?.metadata?.sha256;
    if (!info || typeof info.size !== "number" || !sha256) return null;
    const dataSize = await incoming.received(id);
    if (dataSize === null) {
      return (await findStoredFile(db, photos, sha256, userId)) ? completeHead(c, info.size) : null;
    }
    if (dataSize !== info.size) return null;
    try {
      const result = await finishing.get(id);
      if (result) return result.ok ? completeHead(c, info.size) : null;
      // Under the upload's lock: another app server may be finishing it this moment.
      const lock = locker.newLock(id);
      await lock.lock(c.req.raw.signal, async () => {});
      try {
        const size = await incoming.received(id);
        if (size === null) {
          return (await findStoredFile(db, photos, sha256, userId)) ? completeHead(c, info.size) : null;
        }
        if (size !== info.size) return null;
        return (await finish(id, userId)).ok ? completeHead(c, info.size) : null;
      } finally {
        await lock.unlock();
      }
    } catch (error) {
      logError("file upload: storing a finished upload failed", safeError(error));
      return null;
    }
  }

  /**
   * A tus version or extension the server does not offer: answered before tus
   * sees the request (it would process an unknown version's request as 1.0.0's
   * header check allows, and answer 501 to an extension).
   */
  function refuseUnoffered(c: Context<AppEnv>, isCreation: boolean): Response | null {
    const headers = c.req.raw.headers;
    const version = headers.get("tus-resumable");
    if (c.req.method !== "OPTIONS" && version !== null && version !== TUS_RESUMABLE) {
      c.header("Tus-Resumable", TUS_RESUMABLE);
      c.header("Tus-Version", TUS_VERSION.join(","));
      c.header("Cache-Control", "no-store");
      return apiError(c, 412, "tus_version_not_supported", { supported: [...TUS_VERSION] });
    }
    if (!isCreation) return null;
    const unoffered = UNOFFERED_HEADERS.find(([header]) => headers.has(header));
    if (!unoffered) return null;
    c.header("Tus-Resumable", TUS_RESUMABLE);
    c.header("Tus-Extension", OFFERED_EXTENSIONS.join(","));
    c.header("Cache-Control", "no-store");
    return apiError(c, 400, "tus_extension_not_supported", { extension: unoffered[1] });
  }

  /** The Hono handler for everything under /api/files/tus; requireAuth runs before it. */
  async function handle(c: Context<AppEnv>): Promise<Response> {
    const auth = c.var.auth;
    if (!auth) return apiError(c, 401, "session_required");
    const raw = c.req.raw;
    const method = raw.method;
    const rest = new URL(raw.url).pathname.slice(TUS_PATH.length).replace(/^\//, "");
    const unoffered = refuseUnoffered(c, rest === "" && method === "POST");
    if (unoffered) return unoffered;

    if (rest === "") {
      if (method !== "POST" && method !== "OPTIONS") {
        c.header("Allow", "POST, OPTIONS");
        return apiError(c, 405, "method_not_allowed");
      }
    } else {
      if (!UPLOAD_ID.test(rest)) return apiError(c, 404, "upload_not_found");
      if (!["HEAD", "PATCH", "DELETE", "OPTIONS"].includes(method)) {
        c.header("Allow", "HEAD, PATCH, DELETE, OPTIONS");
        return apiError(c, 405, "method_not_allowed");
      }
      const info = await incoming.record(rest);
      // Someone else's upload is answered exactly like an unknown one.
      if (info && info.metadata?.owner !== auth.user.id) return apiError(c, 404, "upload_not_found");
      if (method === "HEAD" && info) {
        const finished = await headOfFinishedUpload(c, rest, auth.user.id);
        if (finished) return finished;
      }
    }

    contexts.set(raw, { userId: auth.user.id, locale: requestLocale(c) });
    const response = await tus.handleWeb(raw);
    // Through c.newResponse, so headers set earlier in the chain (the session's sliding Set-Cookie) go out too.
    const headers = new Headers(response.headers);
    const status = response.status as StatusCode;
    headers.set("Cache-Control", "no-store");
    if (response.status < 400 || method === "HEAD") {
      return c.newResponse(response.body, { status, headers });
    }
    // Errors go out in the API's JSON shape (tus writes a few, e.g. 412, as plain text).
    const text = await response.text();
    const body = text.startsWith('{"error"') ? text : json(codeForTusStatus(response.status), raw);
    headers.set("Content-Type", "application/json; charset=UTF-8");
    headers.delete("Content-Length");
    return c.newResponse(body, { status, headers });
  }

  /**
   * Deletes the unfinished uploads idle for `maxIdleMs` (expiry.ts). Each is
   * taken under the tus lock, so a request cannot start on it meanwhile; one a
   * request holds (bytes arriving right now) or being finished is skipped. An
   * idle upload whose bytes all arrived is finished instead, as a HEAD would.
   * A record without bytes is an accepted upload's proof of completion: kept.
   */
  async function expireIdleUploads(): Promise<SweepReport> {
    const report: SweepReport = { expired: 0, finished: 0 };
    const cutoff = now().getTime() - maxIdleMs;
    for (const upload of await incoming.list()) {
      if (upload.lastActivity > cutoff || upload.received === null) continue;
      const { id } = upload;
      if (finishing.has(id)) continue;
      // Held by a request here or on another app server: skipped, never asked to let go.
      const lock = await locker.tryLock(id);
      if (!lock) continue;
      try {
        const info = upload.hasRecord ? await incoming.record(id) : undefined;
        const owner = info?.metadata?.owner;
        if (info && typeof owner === "string" && info.size === upload.received) {
          await finish(id, owner).catch((error: unknown) => {
            logError("file upload: storing an idle finished upload failed", safeError(error));
          });
          report.finished++;
        } else {
          await removeUpload(id);
          report.expired++;
        }
      } finally {
        await lock.unlock();
      }
    }
    return report;
  }

  return { handle, server: tus, expireIdleUploads, locker };
}

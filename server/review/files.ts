import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Draft } from "../../shared/draft";
import { MAX_IMAGE_PIXELS, MAX_SERVED_LONG_EDGE } from "../../shared/files/formats";
import type { Db } from "../db/open";
import { files } from "../db/schema";
import { type ImageSize, isBomb, isImageMime, readImageHeader } from "../files/image-check";
import { fileSize, type PhotoStore, servedViewPath } from "../files/photo-store";
import { holdsFile } from "../files/possession";
import type { ApplicationRow } from "../sync/rows";

/**
 * Whether the application's content points at this page file (only those are
 * served to its reviewers), and its cadre (or their office)
 * sent its bytes (server/files/possession.ts). The content of a file sent
 * back can name any hash (a save is not checked, only a submit): naming
 * another office's photo must not open it to this office.
 */
export async function referencesFile(db: Db, row: ApplicationRow, sha256: string): Promise<boolean> {
  const draft = row.content as Draft;
  const named = Object.values(draft.documents ?? {}).some((document) =>
    document.pages.some((page) => page.sha256 === sha256),
  );
  return named && (await holdsFile(db, row.cadreId, sha256));
}

export type PageResult =
  | { ok: true; response: Response }
  | { ok: false; status: 404; code: "file_not_found" }
  | { ok: false; status: 422; code: "image_unreadable" | "image_too_large" };

/**
 * A stored page as a streamed response (never whole in memory), or why not.
 * The type comes from the files table, which recorded what the server sniffed,
 * never what a client declared.
 *
 * An operator's browser never receives an image whose long edge exceeds
 * MAX_SERVED_LONG_EDGE: a larger one is served as a WebP rendition made once
 * and kept in `views/` (the stored original stays byte-identical, as its name
 * is its hash). Files stored before uploads were decoded have no recorded
 * size: their header is read now and the size recorded. An image whose header
 * cannot be read, or that declares more than MAX_IMAGE_PIXELS, is not served
 * (422): the browser would have to decode what the server refuses to.
 */
export async function pageResponse(db: Db, photos: PhotoStore, sha256: string): Promise<PageResult> {
  const notFound = { ok: false, status: 404, code: "file_not_found" } as const;
  const [row] = await db
    .select({ mime: files.mime, width: files.width, height: files.height })
    .from(files)
    .where(eq(files.sha256, sha256));
  if (!row) return notFound;
  const size = await photos.size(sha256);
  if (size === null) return notFound;
  if (!isImageMime(row.mime)) return { ok: true, response: streamed(await photos.read(sha256), row.mime, size) };

  let pixels: ImageSize | null = row.width && row.height ? { width: row.width, height: row.height } : null;
  if (!pixels) {
    const header = await photos.withLocalCopy(sha256, readImageHeader);
    if (!header) return { ok: false, status: 422, code: "image_unreadable" };
    pixels = { width: header.width, height: header.height };
    await db.update(files).set(pixels).where(eq(files.sha256, sha256));
  }
  if (isBomb(pixels)) return { ok: false, status: 422, code: "image_too_large" };
  if (Math.max(pixels.width, pixels.height) <= MAX_SERVED_LONG_EDGE) {
    return { ok: true, response: streamed(await photos.read(sha256), row.mime, size) };
  }
  const view = await servedView(photos, sha256);
  if (!view) return { ok: false, status: 422, code: "image_unreadable" };
  return { ok: true, response: streamed(createReadStream(view.path), "image/webp", view.size) };
}

function streamed(bytes: Readable, mime: string, size: number): Response {
  const body = Readable.toWeb(bytes) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": mime,
      "Content-Length": String(size),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Disposition": "inline",
    },
  });
}

/** Renditions being made, by path: two operators opening the same page wait for one encode. */
const making = new Map<string, Promise<{ path: string; size: number } | null>>();

/** The rendition of a large stored image, made on first use; null when the image cannot be decoded. */
function servedView(photos: PhotoStore, sha256: string): Promise<{ path: string; size: number } | null> {
  const target = servedViewPath(photos.workDir, sha256);
  const running = making.get(target);
  // biome-ignore lint/nursery/noMisusedPromises: tests whether the work is already in flight (a promise or nothing)
  if (running) return running;
  const work = (async () => {
    const existing = await fileSize(target);
    if (existing !== null) return { path: target, size: existing };
    await mkdir(dirname(target), { recursive: true });
    // Written under a temporary name and renamed: a reader never sees half a file.
    const partial = `${target}.${randomBytes(6).toString("hex")}.partial`;
    try {
      // Damaged tails of files stored before uploads were decoded are drawn as far as they go.
      const info = await photos.withLocalCopy(sha256, (original) =>
        sharp(original, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "none", sequentialRead: true })
          .autoOrient()
          .resize(MAX_SERVED_LONG_EDGE, MAX_SERVED_LONG_EDGE, { fit: "inside", withoutEnlargement: true })
          .webp({ quality: 85 })
          .toFile(partial),
      );
      await rename(partial, target);
      return { path: target, size: info.size };
    } catch {
      await unlink(partial).catch(() => {});
      return null;
    }
  })().finally(() => making.delete(target));
  making.set(target, work);
  return work;
}

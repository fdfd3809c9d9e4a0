/**
 * How an upload becomes a verified page file.
 *
 * Accepted files are kept by the photo store (photo-store.ts: a folder, or an
 * S3-compatible bucket), named `<first 2 hex>/<sha256>`, by content only.
 * In the app server's work folder (`PhotoStore.workDir`):
 * - `incoming/` — tus uploads in progress (the FileStore's data files and
 *   their `<id>.json` offsets/metadata); ids are random, never client names;
 * - `views/<sha256>.webp` — scaled-down copies of images too large to send to
 *   an operator's browser (server/review/files.ts), made on first view.
 *   Derived data: not backed up, remade when missing.
 *
 * A `files` row is written only after the bytes were hashed and sniffed on the
 * server, images decoded (image-check.ts: real format, size, no bomb, not too
 * small to read), and the store holds it (fsynced at its final path, or read
 * back from the bucket): a row always
 * means "the server holds exactly these bytes, and can read them". Identical
 * content is stored once, but counts only for those who sent it (possession.ts).
 * Files stored before images were decoded have no
 * width and height; the console reads them lazily (server/review/files.ts),
 * but they do not count as held for a phone (`findStoredFile`): it sends them
 * again, and the upload decodes and measures them.
 *
 * Nothing here logs: callers get result codes, never file contents or names.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import { eq, isNull } from "drizzle-orm";
import { PAGE_MIMES, type PageMimeType } from "../../shared/files/formats";
import { SNIFF_BYTES, sniffFileType } from "../../shared/files/sniff";
import type { Db } from "../db/open";
import { files } from "../db/schema";
import { withTransaction } from "../db/transaction";
import { checkImage, type ImageRefusalCode, type ImageSize, isImageMime } from "./image-check";
import type { PhotoStore } from "./photo-store";
import { holdsFile, recordHolder } from "./possession";

/** Largest page accepted (a compressed photo is ~300 KB; a scanned PDF up to 5 MB). */
export const MAX_UPLOAD_BYTES = 6 * 1024 * 1024;
/**
 * What a page may be, decided from its bytes: the one format table
 * (shared/files/formats.ts) that guides, drafts and the pre-check also read.
 */
export const UPLOAD_MIMES: readonly PageMimeType[] = PAGE_MIMES;

export function isUploadMime(value: unknown): value is PageMimeType {
  return typeof value === "string" && (UPLOAD_MIMES as readonly string[]).includes(value);
}

export interface StoredFile {
  sha256: string;
  bytes: number;
  mime: string;
  createdAt: string;
}

/**
 * The stored file with this hash, verified and held by `heldBy` or a cadre of
 * their office (possession.ts), or null: to anyone else a file they never sent
 * is answered as one never stored. Both the row and the
 * bytes must be there: if the bytes went missing (a bad restore), the phone
 * uploads them again and the upload puts them back. A picture stored before
 * uploads were decoded (no width recorded) is not verified either: the phone
 * sends it again, the upload decodes it and records its size, and only then
 * does a submit count it (server/sync/pages.ts).
 */
export async function findStoredFile(
  db: Db,
  photos: PhotoStore,
  sha256: string,
  heldBy: string,
): Promise<StoredFile | null> {
  if (!(await holdsFile(db, heldBy, sha256))) return null;
  const [row] = await db
    .select({
      sha256: files.sha256,
      bytes: files.bytes,
      mime: files.mime,
      createdAt: files.createdAt,
      width: files.width,
      height: files.height,
    })
    .from(files)
    .where(eq(files.sha256, sha256));
  if (!row) return null;
  const { width, height, ...file } = row;
  if (isImageMime(file.mime) && (width === null || height === null)) return null;
  return (await photos.size(sha256)) === file.bytes ? file : null;
}

/** SHA-256 (hex) and the first bytes of a file, read as a stream (never whole in memory). */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number; head: Uint8Array }> {
  const hash = createHash("sha256");
  const head = new Uint8Array(SNIFF_BYTES);
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const buffer = chunk as Buffer;
    if (bytes < SNIFF_BYTES) head.set(buffer.subarray(0, SNIFF_BYTES - bytes), bytes);
    bytes += buffer.byteLength;
    hash.update(buffer);
  }
  return { sha256: hash.digest("hex"), bytes, head: head.subarray(0, Math.min(bytes, SNIFF_BYTES)) };
}

export type RefusalCode = "hash_mismatch" | "type_mismatch" | "upload_too_large" | ImageRefusalCode;

export type AcceptResult = { ok: true; alreadyStored: boolean } | { ok: false; code: RefusalCode };

export interface FinishedUpload {
  /** The complete upload in `incoming/`; moved or deleted by `acceptUpload` in every outcome but a throw. */
  path: string;
  /** What the phone declared at creation (already checked for form). */
  sha256: string;
  mime: PageMimeType;
  size: number;
  uploadedBy: string;
  now: Date;
}

/**
 * Verifies a finished upload and stores it under its hash:
 * size within the limit and equal to the declared one, SHA-256 equal to the
 * declared one, sniffed type accepted and equal to the declared one, and an
 * image decoded to its last row without a decoder warning (its real format
 * the sniffed one, its size neither a bomb nor too small to read, nor more
 * than its data holds). A PDF is not decoded: its `%PDF-` start was
 * sniffed. A refused upload is deleted. An accepted one is fsynced, renamed to
 * its final path (or deleted if that content is already there) and only then
 * recorded in `files`, with its pixel size when it is an image. Either way the
 * uploader is recorded as holding it (possession.ts): bytes already stored are
 * verified like any others, then not written again.
 */
export async function acceptUpload(db: Db, photos: PhotoStore, upload: FinishedUpload): Promise<AcceptResult> {
  const refuse = async (code: RefusalCode): Promise<AcceptResult> => {
    await unlink(upload.path).catch(() => {});
    return { ok: false, code };
  };
  if ((await stat(upload.path)).size > MAX_UPLOAD_BYTES) return refuse("upload_too_large");
  const actual = await hashFile(upload.path);
  if (actual.bytes !== upload.size || actual.sha256 !== upload.sha256) return refuse("hash_mismatch");
  const sniffed = sniffFileType(actual.head);
  if (sniffed === null || !isUploadMime(sniffed) || sniffed !== upload.mime) return refuse("type_mismatch");
  let dimensions: ImageSize | null = null;
  if (isImageMime(sniffed)) {
    const image = await checkImage(upload.path, sniffed);
    if (!image.ok) return refuse(image.code);
    dimensions = { width: image.width, height: image.height };
  }

  // Kept (or found already there) before the row is written.
  const alreadyStored = await photos.keep(upload.sha256, upload.path);
  const at = upload.now.toISOString();
  await withTransaction(db, async (tx) => {
    await tx
      .insert(files)
      .values({
        sha256: upload.sha256,
        bytes: actual.bytes,
        mime: sniffed,
        width: dimensions?.width ?? null,
        height: dimensions?.height ?? null,
        uploadedBy: upload.uploadedBy,
        createdAt: at,
      })
      // Stored before images were decoded: the size measured now is recorded; nothing else changes.
      .onConflictDoUpdate({
        target: files.sha256,
        set: { width: dimensions?.width ?? null, height: dimensions?.height ?? null },
        setWhere: isNull(files.width),
      });
    await recordHolder(tx, upload.sha256, upload.uploadedBy, at);
  });
  return { ok: true, alreadyStored };
}

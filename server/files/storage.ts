/**
 * Where verified page files live and how an upload becomes one.
 *
 * Layout under `filesDir`:
 * - `incoming/` — tus uploads in progress (the FileStore's data files and
 *   their `<id>.json` offsets/metadata); ids are random, never client names;
 * - `<first 2 hex>/<sha256>` — accepted files, named by their content only.
 *
 * A `files` row is written only after the bytes were hashed and sniffed on the
 * server and sit, fsynced, at their final path: a row always means "the
 * server holds exactly these bytes". Identical content is stored once.
 *
 * Nothing here logs: callers get result codes, never file contents or names.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { PageMime } from "../../shared/draft";
import { SNIFF_BYTES, sniffFileType } from "../../shared/files/sniff";
import type { Db } from "../db/open";
import { files } from "../db/schema";

/** Largest page accepted (a compressed photo is ~300 KB; a scanned PDF up to 5 MB). */
export const MAX_UPLOAD_BYTES = 6 * 1024 * 1024;
/** What a page may be, decided from its bytes: the same list as a draft's `DocumentPage.mime`. */
export const UPLOAD_MIMES: readonly PageMime[] = PageMime.options;
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isUploadMime(value: unknown): value is PageMime {
  return typeof value === "string" && (UPLOAD_MIMES as readonly string[]).includes(value);
}

export function incomingDir(filesDir: string): string {
  return join(filesDir, "incoming");
}

/** The final path of a verified file; `sha256` must already have passed SHA256_HEX. */
export function storedFilePath(filesDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error("not a SHA-256 hex digest");
  return join(filesDir, sha256.slice(0, 2), sha256);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface StoredFile {
  sha256: string;
  bytes: number;
  mime: string;
  createdAt: string;
}

/**
 * The stored file with this hash, or null. Both the row and the bytes must be
 * there: if the bytes went missing (a bad restore), the phone uploads them
 * again and the upload puts them back.
 */
export async function findStoredFile(db: Db, filesDir: string, sha256: string): Promise<StoredFile | null> {
  const row = db
    .select({ sha256: files.sha256, bytes: files.bytes, mime: files.mime, createdAt: files.createdAt })
    .from(files)
    .where(eq(files.sha256, sha256))
    .get();
  if (!row) return null;
  return (await isFile(storedFilePath(filesDir, sha256))) ? row : null;
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

export type RefusalCode = "hash_mismatch" | "type_mismatch" | "upload_too_large";

export type AcceptResult = { ok: true; alreadyStored: boolean } | { ok: false; code: RefusalCode };

export interface FinishedUpload {
  /** The complete upload in `incoming/`; moved or deleted by `acceptUpload` in every outcome but a throw. */
  path: string;
  /** What the phone declared at creation (already checked for form). */
  sha256: string;
  mime: PageMime;
  size: number;
  uploadedBy: string;
  now: Date;
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Verifies a finished upload and stores it under its hash:
 * size within the limit and equal to the declared one, SHA-256 equal to the
 * declared one, sniffed type accepted and equal to the declared one. A refused
 * upload is deleted. An accepted one is fsynced, renamed to its final path (or
 * deleted if that content is already there) and only then recorded in `files`.
 */
export async function acceptUpload(db: Db, filesDir: string, upload: FinishedUpload): Promise<AcceptResult> {
  const refuse = async (code: RefusalCode): Promise<AcceptResult> => {
    await unlink(upload.path).catch(() => {});
    return { ok: false, code };
  };
  const size = (await stat(upload.path)).size;
  if (size > MAX_UPLOAD_BYTES) return refuse("upload_too_large");
  const actual = await hashFile(upload.path);
  if (actual.bytes !== upload.size || actual.sha256 !== upload.sha256) return refuse("hash_mismatch");
  const sniffed = sniffFileType(actual.head);
  if (sniffed === null || !isUploadMime(sniffed) || sniffed !== upload.mime) return refuse("type_mismatch");

  const target = storedFilePath(filesDir, upload.sha256);
  let alreadyStored = await isFile(target);
  if (alreadyStored) {
    await unlink(upload.path);
  } else {
    const folder = join(filesDir, upload.sha256.slice(0, 2));
    await mkdir(folder, { recursive: true });
    // The bytes reach the disk before the name points at them, and the name before the row.
    await fsyncPath(upload.path);
    await rename(upload.path, target);
    await fsyncPath(folder).catch(() => {});
    alreadyStored = false;
  }
  db.insert(files)
    .values({
      sha256: upload.sha256,
      bytes: actual.bytes,
      mime: sniffed,
      uploadedBy: upload.uploadedBy,
      createdAt: upload.now.toISOString(),
    })
    .onConflictDoNothing()
    .run();
  return { ok: true, alreadyStored };
}

/**
 * Where verified page files are kept, behind one seam: a folder (the
 * default: `DATA_DIR/files`, or a volume every app server mounts) or an
 * S3-compatible bucket (s3-photo-store.ts), chosen by configuration
 * (server/config.ts). Everything that decides — hashing, sniffing, decoding,
 * dedupe, who may see a file — happens before a store is asked
 * (storage.ts, possession.ts, review/files.ts): a store only keeps bytes
 * under their SHA-256 and hands them back.
 *
 * `workDir` is this app server's own folder, on every kind of store: tus
 * uploads in progress (`incoming/`), the served renditions of large images
 * (`views/`, derived, remade when missing) and, with a bucket, the short-lived
 * local copies the image decoder reads.
 */
import { constants, createReadStream } from "node:fs";
import { access, mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";

export type RemoveOutcome = "removed" | "missing" | "failed";

/**
 * The store could not be asked (a bucket that does not answer, a refused
 * key): the request is answered 503 `storage_unreachable` and the phone
 * tries again, rather than taking it for a missing file.
 */
export class PhotoStoreUnreachable extends Error {
  constructor(cause: unknown) {
    super("photo store unreachable", { cause });
    this.name = "PhotoStoreUnreachable";
  }
}

export interface PhotoStore {
  readonly kind: "disk" | "s3";
  readonly workDir: string;
  /** The stored size of this content, or null when it is not held. */
  size(sha256: string): Promise<number | null>;
  /** The bytes as a stream (never whole in memory); the caller checked `size` first. */
  read(sha256: string): Promise<Readable>;
  /**
   * Keeps a verified local file under its hash. The local file is consumed
   * (moved in, uploaded then deleted, or deleted when the content is already
   * there). Answers whether the content was already held.
   */
  keep(sha256: string, localPath: string): Promise<boolean>;
  remove(sha256: string): Promise<RemoveOutcome>;
  /** Runs `use` with a local path holding the bytes (the decoder reads files); a downloaded copy is deleted after. */
  withLocalCopy<T>(sha256: string, use: (path: string) => Promise<T>): Promise<T>;
  /** Whether the store can be written now (for /api/health): a folder is writable, a bucket answers. */
  check(): Promise<boolean>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The name of a verified file inside a store: `<first 2 hex>/<sha256>`, by content only. */
export function photoKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error("not a SHA-256 hex digest");
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/** The final path of a verified file in a folder store. */
export function storedFilePath(filesDir: string, sha256: string): string {
  return join(filesDir, photoKey(sha256));
}

export function incomingDir(workDir: string): string {
  return join(workDir, "incoming");
}

/** The served rendition of a large stored image (review/files.ts), on this app server. */
export function servedViewPath(workDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error("not a SHA-256 hex digest");
  return join(workDir, "views", `${sha256}.webp`);
}

/** The size of a regular file, or null when there is none. */
export async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The folder store: `<filesDir>/<first 2 hex>/<sha256>`, next to the work folders. */
export function diskPhotoStore(filesDir: string): PhotoStore {
  return {
    kind: "disk",
    workDir: filesDir,
    size: (sha256) => fileSize(storedFilePath(filesDir, sha256)),
    read: async (sha256) => createReadStream(storedFilePath(filesDir, sha256)),
    async keep(sha256, localPath) {
      const target = storedFilePath(filesDir, sha256);
      if ((await fileSize(target)) !== null) {
        await unlink(localPath);
        return true;
      }
      const folder = join(filesDir, sha256.slice(0, 2));
      await mkdir(folder, { recursive: true });
      // The bytes reach the disk before the name points at them, and the name before the row.
      await fsyncPath(localPath);
      await rename(localPath, target);
      await fsyncPath(folder).catch(() => {});
      return false;
    },
    async remove(sha256) {
      try {
        await unlink(storedFilePath(filesDir, sha256));
        return "removed";
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "failed";
      }
    },
    withLocalCopy: (sha256, use) => use(storedFilePath(filesDir, sha256)),
    async check() {
      try {
        await mkdir(filesDir, { recursive: true });
        await access(filesDir, constants.W_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}

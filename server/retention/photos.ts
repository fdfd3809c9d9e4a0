import { unlinkSync } from "node:fs";
import { unlink } from "node:fs/promises";
import { sql } from "drizzle-orm";
import type { Db } from "../db/open";
import { rawRun } from "../db/raw";
import { inList } from "../db/sql-fns";
import { servedViewPath, storedFilePath } from "../files/storage";

/** Removes the rows of photos no longer needed; their bytes go after the commit (removeStoredPhotos). */
export async function forgetPhotos(db: Db, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await rawRun(db, sql`DELETE FROM file_holders WHERE ${inList(sql`sha256`, hashes)}`);
  await rawRun(db, sql`DELETE FROM files WHERE ${inList(sql`sha256`, hashes)}`);
}

/**
 * Deletes the stored bytes and any served rendition. After the rows are gone,
 * so a row always means the bytes are there; a file already missing is fine.
 * Answers how many could not be deleted (other than missing).
 */
export async function removeStoredPhotos(filesDir: string, hashes: readonly string[]): Promise<number> {
  const paths = hashes.flatMap((hash) => [storedFilePath(filesDir, hash), servedViewPath(filesDir, hash)]);
  let failed = 0;
  // A few at a time: one by one waits a thread-pool round trip each; all at once floods the pool.
  for (let start = 0; start < paths.length; start += UNLINKS_AT_ONCE) {
    const results = await Promise.allSettled(paths.slice(start, start + UNLINKS_AT_ONCE).map((path) => unlink(path)));
    for (const result of results) {
      if (result.status === "rejected" && (result.reason as NodeJS.ErrnoException).code !== "ENOENT") failed++;
    }
  }
  return failed;
}

const UNLINKS_AT_ONCE = 32;

/** The same, synchronously (a restore from the command line). */
export function removeStoredPhotosNow(filesDir: string, hashes: readonly string[]): number {
  let failed = 0;
  for (const hash of hashes) {
    for (const path of [storedFilePath(filesDir, hash), servedViewPath(filesDir, hash)]) {
      try {
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") failed++;
      }
    }
  }
  return failed;
}

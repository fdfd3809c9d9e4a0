import { unlink } from "node:fs/promises";
import { sql } from "drizzle-orm";
import type { Db } from "../db/open";
import { rawRun } from "../db/raw";
import { inList } from "../db/sql-fns";
import { type PhotoStore, servedViewPath } from "../files/photo-store";

/** Removes the rows of photos no longer needed; their bytes go after the commit (removeStoredPhotos). */
export async function forgetPhotos(db: Db, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await rawRun(db, sql`DELETE FROM file_holders WHERE ${inList(sql`sha256`, hashes)}`);
  await rawRun(db, sql`DELETE FROM files WHERE ${inList(sql`sha256`, hashes)}`);
}

/**
 * Deletes the stored bytes (photo-store.ts) and any served rendition on this
 * app server. After the rows are gone, so a row always means the bytes are
 * there; a file already missing is fine. Answers how many could not be
 * deleted (other than missing).
 */
export async function removeStoredPhotos(photos: PhotoStore, hashes: readonly string[]): Promise<number> {
  let failed = 0;
  // A few at a time: one by one waits a round trip each; all at once floods the thread pool or the bucket.
  for (let start = 0; start < hashes.length; start += REMOVALS_AT_ONCE) {
    const batch = hashes.slice(start, start + REMOVALS_AT_ONCE);
    const outcomes = await Promise.all(batch.map((hash) => photos.remove(hash)));
    failed += outcomes.filter((outcome) => outcome === "failed").length;
    const views = await Promise.allSettled(batch.map((hash) => unlink(servedViewPath(photos.workDir, hash))));
    for (const view of views) {
      if (view.status === "rejected" && (view.reason as NodeJS.ErrnoException).code !== "ENOENT") failed++;
    }
  }
  return failed;
}

const REMOVALS_AT_ONCE = 32;

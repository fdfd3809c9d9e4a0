import { unlinkSync } from "node:fs";
import { unlink } from "node:fs/promises";
import { prepared } from "../dashboard/statements";
import type { Db } from "../db/open";
import { servedViewPath, storedFilePath } from "../files/storage";

/**
 * Of `hashes` (pages of files and complaints just scrubbed), those nothing
 * else needs: no application's content and no complaint's evidence names
 * them (storage is content-addressed, so one photo may serve two files), and
 * nobody sent their bytes after `cutoff` (a cadre may have just photographed
 * the same paper for a new file that is not pushed yet). Run inside the
 * transaction that scrubbed them (better-sqlite3: one connection, so `db` is in it), after the scrub, so the scrubbed rows no
 * longer count.
 */
export function unneededPhotos(db: Db, hashes: readonly string[], cutoff: string): string[] {
  if (hashes.length === 0) return [];
  const list = JSON.stringify([...new Set(hashes)]);
  const named = new Set(
    prepared(
      db,
      `SELECT DISTINCT json_extract(p.value, '$.sha256') FROM applications a,
         json_each(a.content, '$.documents') d, json_each(d.value, '$.pages') p
       WHERE json_extract(p.value, '$.sha256') IN (SELECT value FROM json_each(?))
       UNION
       SELECT DISTINCT json_extract(e.value, '$.sha256') FROM complaints c, json_each(c.evidence) e
       WHERE json_extract(e.value, '$.sha256') IN (SELECT value FROM json_each(?))
       UNION
       SELECT sha256 FROM file_holders WHERE sha256 IN (SELECT value FROM json_each(?)) AND at >= ?`,
    )
      .pluck()
      .all(list, list, list, cutoff) as string[],
  );
  return [...new Set(hashes)].filter((hash) => !named.has(hash));
}

/** Removes the rows of photos no longer needed; their bytes go after the commit (removeStoredPhotos). */
export function forgetPhotos(db: Db, hashes: readonly string[]): void {
  if (hashes.length === 0) return;
  const list = JSON.stringify(hashes);
  prepared(db, "DELETE FROM file_holders WHERE sha256 IN (SELECT value FROM json_each(?))").run(list);
  prepared(db, "DELETE FROM files WHERE sha256 IN (SELECT value FROM json_each(?))").run(list);
}

/**
 * Deletes the stored bytes and any served rendition. After the rows are gone,
 * so a row always means the bytes are there; a file already missing is fine.
 * Answers how many could not be deleted (other than missing).
 */
export async function removeStoredPhotos(filesDir: string, hashes: readonly string[]): Promise<number> {
  let failed = 0;
  for (const hash of hashes) {
    for (const path of [storedFilePath(filesDir, hash), servedViewPath(filesDir, hash)]) {
      try {
        await unlink(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") failed++;
      }
    }
  }
  return failed;
}

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

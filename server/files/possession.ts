/**
 * Possession of stored files: storage is shared, knowledge of a hash is not a key.
 *
 * Identical bytes are stored once (storage.ts), but a SHA-256 is not a secret
 * that proves anything: a cadre may name a stored file — in the existence
 * check, in a page of their draft, for their office's operator to open — only
 * if they, or a cadre of the same office (same kecamatan), sent the server
 * those bytes. Anyone else gets the answer for a file never stored, so the
 * check is no oracle; their phone uploads the bytes, the upload verifies the
 * hash and records them as a holder, and no second copy is written.
 *
 * Holders: the first uploader (`files.uploaded_by`) and every row of
 * `file_holders` (each verified upload adds one). The office is read from the
 * holder's account now, so a cadre moved to another office takes their own
 * uploads along and leaves the old office's behind.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/open";
import { fileHolders, files, users } from "../db/schema";

/** Of `hashes`, those held by `userId` or a cadre of their office. */
export async function heldHashes(db: Db, userId: string, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const [me] = await db.select({ kecamatanCode: users.kecamatanCode }).from(users).where(eq(users.id, userId));
  const office = me?.kecamatanCode ?? null;
  // A holder counts when it is this user, or shares their (non-null) kecamatan.
  const sameOffice = (holder: AnySQLiteColumn) =>
    office === null
      ? eq(holder, userId)
      : or(
          eq(holder, userId),
          sql`exists (select 1 from ${users} where ${users.id} = ${holder} and ${users.kecamatanCode} = ${office})`,
        );
  const rows = await db
    .select({ sha256: files.sha256 })
    .from(files)
    .where(
      and(
        inArray(files.sha256, [...hashes]),
        or(
          sameOffice(files.uploadedBy),
          sql`exists (select 1 from ${fileHolders} where ${fileHolders.sha256} = ${files.sha256} and ${sameOffice(fileHolders.userId)})`,
        ),
      ),
    );
  return new Set(rows.map((row) => row.sha256));
}

export async function holdsFile(db: Db, userId: string, sha256: string): Promise<boolean> {
  return (await heldHashes(db, userId, [sha256])).has(sha256);
}

/** Records that `userId` sent these (verified) bytes; a second upload changes nothing. */
export async function recordHolder(db: Db, sha256: string, userId: string, at: string): Promise<void> {
  await db.insert(fileHolders).values({ sha256, userId, at }).onConflictDoNothing();
}

import Database from "better-sqlite3";
import { closeDatabase, openDatabase } from "../db/open";
import { openSqlite } from "../db/sqlite";
import type { PhotoStore } from "../files/photo-store";
import { readSetting, writeSetting } from "../settings/office-settings";
import { type RetentionRunResult, runRetention } from "./run";

/**
 * Retention applied to a database file that no server has open: a backup's
 * snapshot before its photos are copied, or a database just restored.
 */

/** The office's retention in a database file, or undefined when there is no such file or it predates the setting. */
export function retentionInFile(file: string): number | null | undefined {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const row = sqlite.prepare("SELECT value FROM office_settings WHERE key = 'closedFileRetentionDays'").get() as
      | { value: string }
      | undefined;
    const days = row ? (JSON.parse(row.value) as unknown) : null;
    return typeof days === "number" ? days : null;
  } catch {
    return undefined;
  } finally {
    sqlite?.close();
  }
}

/** The shorter of two retentions (null keeps files: any number is shorter). */
export function stricterRetention(a: number | null | undefined, b: number | null | undefined): number | null {
  const days = [a, b].filter((value): value is number => typeof value === "number");
  return days.length === 0 ? null : Math.min(...days);
}

/**
 * A backup's snapshot, scrubbed by the same rule as the live database, rows
 * only (the photos are copied after, from what its `files` table still lists).
 * The snapshot has the live schema: no migration.
 */
export async function scrubSnapshot(file: string, now: Date): Promise<RetentionRunResult> {
  const db = openSqlite(file);
  try {
    return await runRetention(db, { now });
  } finally {
    await closeDatabase(db);
  }
}

/**
 * A database just restored: brought up to date (as the server would at its
 * start) and scrubbed, with the stricter of its own retention and `atLeast`
 * (the one of the database it replaced: an old backup may predate the
 * admin's setting), deleting the expired photos from the store.
 */
export async function scrubRestored(
  file: string,
  photos: PhotoStore,
  atLeast: number | null,
  now: Date,
): Promise<RetentionRunResult> {
  const db = await openDatabase(file);
  try {
    const own = await readSetting(db, "closedFileRetentionDays");
    const days = stricterRetention(own, atLeast);
    if (days !== null && days !== own) {
      await writeSetting(db, "closedFileRetentionDays", days, null, now);
    }
    return await runRetention(db, { now, photos });
  } finally {
    await closeDatabase(db);
  }
}

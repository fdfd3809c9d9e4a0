import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { diskPhotoStore, type PhotoStore } from "../files/photo-store";
import { retentionInFile, scrubRestored, scrubSnapshot } from "../retention/on-file";
import { exportPhoto, importPhotos } from "./photo-copies";

export const DB_FILE = "masdarin.sqlite";

export interface BackupResult {
  database: string;
  files: number;
  /** Files and complaints the retention scrubbed in the copy (issue 15): past the office's period, nothing comes back. */
  scrubbed: { files: number; complaints: number; photos: number };
}

export interface BackupOptions {
  /** The time the retention is counted from; tests inject it. */
  now?: Date;
  /** Where the deployment keeps its photos (PHOTO_STORE); the folder `DATA_DIR/files` by default. */
  photos?: PhotoStore;
}

/** The deployment's photo store: the one configured, or the data folder's. */
export function photosOf(dataDir: string, options: BackupOptions): PhotoStore {
  return options.photos ?? diskPhotoStore(join(dataDir, "files"));
}

/**
 * A consistent copy of a running server's data: SQLite's online backup of
 * the database (a snapshot, while writers go on), then every stored photo the
 * snapshot refers to. Photos are written and fsynced before their row, and
 * never change afterwards, so each one the snapshot lists is complete.
 *
 * Backups follow the retention rule: the snapshot is scrubbed by it before
 * its photos are copied (normally the live server already did; a run due
 * since is done here), so a backup never holds what the office no longer may,
 * and expired photos are not copied.
 */
export async function backup(dataDir: string, destination: string, options: BackupOptions = {}): Promise<BackupResult> {
  mkdirSync(join(destination, "files"), { recursive: true });
  const source = new Database(join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
  const target = join(destination, DB_FILE);
  try {
    // After the first small step, copy all remaining pages in one step. A write by another
    // connection between steps restarts SQLite's backup, so small steps under steady writes
    // could never finish; one big step cannot be interrupted, and in WAL mode it does not
    // block writers.
    await source.backup(target, { progress: () => 1_000_000 });
  } finally {
    source.close();
  }
  const scrubbed = (await scrubSnapshot(target, options.now ?? new Date())).report.totals;
  const snapshot = new Database(target, { readonly: true });
  let copied = 0;
  try {
    const hashes = snapshot.prepare("SELECT sha256 FROM files").pluck().all() as string[];
    const photos = photosOf(dataDir, options);
    for (const sha256 of hashes) if (await exportPhoto(photos, sha256, join(destination, "files"))) copied++;
  } finally {
    snapshot.close();
  }
  writeFileSync(
    join(destination, "BACKUP.json"),
    `${JSON.stringify({ createdAt: new Date().toISOString(), files: copied })}\n`,
  );
  return { database: target, files: copied, scrubbed: countsOf(scrubbed) };
}

function countsOf(totals: { files: number; complaints: number; photos: number }): BackupResult["scrubbed"] {
  return { files: totals.files, complaints: totals.complaints, photos: totals.photos };
}

/**
 * Puts a backup in place of a data folder. The server must be stopped: a
 * running server keeps the old database open.
 *
 * Then re-applies the retention to the restored database, with the stricter
 * of its own period and the one of the database it replaces: an old backup
 * must not bring back data (or photos) that has since expired.
 */
export async function restore(source: string, dataDir: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (!existsSync(join(source, DB_FILE))) {
    if (existsSync(join(source, "masdarin.pgdump"))) {
      throw new Error(`${source} is a PostgreSQL backup: restore it with DATABASE_URL=postgres://… set.`);
    }
    throw new Error(`No ${DB_FILE} in ${source}: not a Masdarin backup.`);
  }
  const check = new Database(join(source, DB_FILE), { readonly: true });
  try {
    const result = check.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`The backup's database is damaged: ${String(result)}`);
  } finally {
    check.close();
  }
  mkdirSync(join(dataDir, "files"), { recursive: true });
  const replaced = retentionInFile(join(dataDir, DB_FILE));
  for (const suffix of ["", "-wal", "-shm"]) rmSync(join(dataDir, `${DB_FILE}${suffix}`), { force: true });
  copyFileSync(join(source, DB_FILE), join(dataDir, DB_FILE));
  const photos = photosOf(dataDir, options);
  const copied = await importPhotos(photos, join(source, "files"));
  const now = options.now ?? new Date();
  const scrubbed = (await scrubRestored(join(dataDir, DB_FILE), photos, replaced ?? null, now)).report.totals;
  return { database: join(dataDir, DB_FILE), files: copied, scrubbed: countsOf(scrubbed) };
}

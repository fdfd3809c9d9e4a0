import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

export const DB_FILE = "masdarin.sqlite";

export interface BackupResult {
  database: string;
  files: number;
}

/**
 * A consistent copy of a running server's data: SQLite's online backup of
 * the database (a snapshot, while writers go on), then every stored photo the
 * snapshot refers to. Photos are written and fsynced before their row, and
 * never change afterwards, so each one the snapshot lists is complete.
 */
export async function backup(dataDir: string, destination: string): Promise<BackupResult> {
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
  const snapshot = new Database(target, { readonly: true });
  let copied = 0;
  try {
    const hashes = snapshot.prepare("SELECT sha256 FROM files").pluck().all() as string[];
    for (const sha256 of hashes) {
      const relative = join(sha256.slice(0, 2), sha256);
      const from = join(dataDir, "files", relative);
      if (!existsSync(from)) continue;
      mkdirSync(join(destination, "files", sha256.slice(0, 2)), { recursive: true });
      copyFileSync(from, join(destination, "files", relative));
      copied++;
    }
  } finally {
    snapshot.close();
  }
  writeFileSync(
    join(destination, "BACKUP.json"),
    `${JSON.stringify({ createdAt: new Date().toISOString(), files: copied })}\n`,
  );
  return { database: target, files: copied };
}

/**
 * Puts a backup in place of a data folder. The server must be stopped: a
 * running server keeps the old database open.
 */
export function restore(source: string, dataDir: string): BackupResult {
  if (!existsSync(join(source, DB_FILE))) throw new Error(`No ${DB_FILE} in ${source}: not a Masdarin backup.`);
  const check = new Database(join(source, DB_FILE), { readonly: true });
  try {
    const result = check.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`The backup's database is damaged: ${String(result)}`);
  } finally {
    check.close();
  }
  mkdirSync(join(dataDir, "files"), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(join(dataDir, `${DB_FILE}${suffix}`), { force: true });
  copyFileSync(join(source, DB_FILE), join(dataDir, DB_FILE));
  let copied = 0;
  const filesDir = join(source, "files");
  for (const prefix of existsSync(filesDir) ? readdirSync(filesDir) : []) {
    mkdirSync(join(dataDir, "files", prefix), { recursive: true });
    for (const name of readdirSync(join(filesDir, prefix))) {
      copyFileSync(join(filesDir, prefix, name), join(dataDir, "files", prefix, name));
      copied++;
    }
  }
  return { database: join(dataDir, DB_FILE), files: copied };
}

/**
 * npm run backup -- --to DIR      consistent copy of DATA_DIR while the server runs
 * npm run restore -- --from DIR   put a backup in place (stop the server first)
 *
 * Both follow the office's retention of closed files (server/retention/): the
 * backup holds nothing past it, and a restore scrubs what an old backup brings back.
 *
 * With DATABASE_URL=postgres://… the database part is pg_dump -Fc / pg_restore
 * (server/ops/backup-postgres.ts); without it, DATA_DIR/masdarin.sqlite
 * (server/ops/backup.ts). The photos come from (and go back to) the store
 * PHOTO_STORE names: DATA_DIR/files, or the S3 bucket.
 */
import { join, resolve } from "node:path";
import { describeDatabase, readPhotoStore } from "../config";
import { isPostgresUrl } from "../db/dialect";
import { configuredStores } from "../files/configured-store";
import { backup, restore } from "../ops/backup";
import { backupPostgres, restorePostgres } from "../ops/backup-postgres";

const [command, flag, dir] = process.argv.slice(2);
const dataDir = resolve(process.env.DATA_DIR ?? "./data");
const databaseUrl = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;

function usage(): never {
  console.error("Usage: npm run backup -- --to DIR   |   npm run restore -- --from DIR");
  process.exit(2);
}

/** What the retention removed, in counts only (never a number or a name in a terminal's history). */
function retained(scrubbed: { files: number; complaints: number; photos: number }): string {
  if (scrubbed.files + scrubbed.complaints === 0) return "";
  return ` Retention: personal data removed from ${scrubbed.files} closed files and ${scrubbed.complaints} complaints, ${scrubbed.photos} photos deleted.`;
}

try {
  // The deployment's photos, wherever PHOTO_STORE keeps them (a bucket's are copied into the backup too).
  const { photos } = await configuredStores(readPhotoStore(), join(dataDir, "files"));
  if (command === "backup" && flag === "--to" && dir) {
    const result = databaseUrl
      ? await backupPostgres(databaseUrl, dataDir, resolve(dir), { photos })
      : await backup(dataDir, resolve(dir), { photos });
    const from = databaseUrl ? ` of ${describeDatabase(databaseUrl).database}` : "";
    console.log(`Backup${from} written to ${resolve(dir)} (${result.files} photos).${retained(result.scrubbed)}`);
  } else if (command === "restore" && flag === "--from" && dir) {
    const result = databaseUrl
      ? await restorePostgres(resolve(dir), databaseUrl, dataDir, { photos })
      : await restore(resolve(dir), dataDir, { photos });
    const into = databaseUrl ? `${describeDatabase(databaseUrl).database} and ${dataDir}` : dataDir;
    console.log(
      `Restored ${resolve(dir)} into ${into} (${result.files} photos).${retained(result.scrubbed)} Start the server again.`,
    );
  } else usage();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

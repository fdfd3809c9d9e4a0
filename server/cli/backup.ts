/**
 * npm run backup -- --to DIR      consistent copy of DATA_DIR while the server runs
 * npm run restore -- --from DIR   put a backup in place (stop the server first)
 *
 * Both follow the office's retention of closed files (server/retention/): the
 * backup holds nothing past it, and a restore scrubs what an old backup brings back.
 */
import { resolve } from "node:path";
import { backup, restore } from "../ops/backup";

const [command, flag, dir] = process.argv.slice(2);
const dataDir = resolve(process.env.DATA_DIR ?? "./data");

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
  if (command === "backup" && flag === "--to" && dir) {
    const result = await backup(dataDir, resolve(dir));
    console.log(`Backup written to ${resolve(dir)} (${result.files} photos).${retained(result.scrubbed)}`);
  } else if (command === "restore" && flag === "--from" && dir) {
    const result = await restore(resolve(dir), dataDir);
    console.log(
      `Restored ${resolve(dir)} into ${dataDir} (${result.files} photos).${retained(result.scrubbed)} Start the server again.`,
    );
  } else usage();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

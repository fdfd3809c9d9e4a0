import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { activeDialect } from "../../server/db/dialect";
import { rawGet } from "../../server/db/raw";
import { diskPhotoStore } from "../../server/files/photo-store";
import { backupPostgres, PG_DUMP_FILE, restorePostgres } from "../../server/ops/backup-postgres";
import { runRetention } from "../../server/retention/run";
import {
  decideFile,
  LONG_AGO,
  photoHash,
  type RetentionWorld,
  retentionWorld,
  setRetention,
  submitFile,
} from "./retention-fixtures";

/*
 * Issue 16: on PostgreSQL `npm run restore` follows the office's retention as
 * on SQLite (tests/server/retention.test.ts): an old backup does not bring
 * back what has expired since. The database is the run's PostgreSQL one
 * (vitest.postgres.config.ts); on SQLite there is nothing to test here.
 */

const dirs: string[] = [];
let w: RetentionWorld | undefined;
afterEach(async () => {
  await w?.env.cleanup();
  w = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "masdarin-pgbackup-"));
  dirs.push(dir);
  return dir;
}

function photosIn(dir: string): string[] {
  const files = join(dir, "files");
  if (!existsSync(files)) return [];
  return readdirSync(files)
    .filter((prefix) => prefix.length === 2)
    .flatMap((prefix) => readdirSync(join(files, prefix)));
}

describe.skipIf(activeDialect() !== "postgres")("PostgreSQL backup and retention", () => {
  it("a restore re-applies retention: an old dump does not bring back expired data or photos", async () => {
    w = await retentionWorld();
    const old = await submitFile(w, { name: "Sumarni Wulandari", nik: "3171015203900417", photos: ["o1", "o2", "s"] });
    const recent = await submitFile(w, { name: "Dewi Kartika", nik: "3171015203900639", photos: ["n1", "n2", "s"] });
    await decideFile(w, old.id, "approved", LONG_AGO);
    await decideFile(w, recent.id, "approved", new Date());

    // A backup from before the office set its retention holds everything.
    const destination = join(tempDir(), "old-backup");
    const made = await backupPostgres(w.env.file, w.env.dir, destination);
    expect(existsSync(join(destination, PG_DUMP_FILE))).toBe(true);
    expect(made.files).toBe(5);
    expect(photosIn(destination)).toHaveLength(5);

    await setRetention(w.env.db, 365);
    await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });

    const restored = await restorePostgres(destination, w.env.file, w.env.dir);
    expect(restored.files).toBe(5);
    expect(restored.scrubbed).toEqual({ files: 1, complaints: 0, photos: 2 });
    expect(restored.database).not.toContain("@@");
    const nameOf = async (id: string) =>
      (
        await rawGet<{ name: string | null }>(
          w?.env.db as never,
          sql`SELECT content->'applicant'->>'fullName' AS name FROM applications WHERE id = ${id}`,
        )
      )?.name;
    expect(await nameOf(old.id)).toBe("");
    expect(await nameOf(recent.id)).toBe("Dewi Kartika");
    const setting = await rawGet<{ value: string }>(
      w.env.db,
      sql`SELECT value::text AS value FROM office_settings WHERE key = 'closedFileRetentionDays'`,
    );
    expect(setting?.value).toBe("365");
    expect(photosIn(w.env.dir).sort()).toEqual([photoHash("n1"), photoHash("n2"), photoHash("s")].sort());
  }, 120_000);
});

import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { activeDialect } from "../../server/db/dialect";
import { sqliteDriver } from "../../server/db/maintenance";
import { closeDatabase, type Db, openDatabase } from "../../server/db/open";
import { seedIfEmpty } from "../../server/seed/seed";
import { createTestDatabase, dropTestDatabase } from "./postgres";

/**
 * `file` is the SQLite file, or on PostgreSQL the database's URL. `dir` is a
 * fresh folder either way (photos, backups).
 */
type TempDatabase = { db: Db; dir: string; file: string; cleanup: () => Promise<void> };

const onPostgres = () => activeDialect() === "postgres";

/** A real database in a fresh folder (a copy of the template when given), removed by `cleanup`. */
async function fresh(template?: string): Promise<TempDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "masdarin-test-"));
  let file: string;
  if (onPostgres()) {
    file = await createTestDatabase(template, process.env.DATABASE_URL);
  } else {
    file = join(dir, "masdarin.sqlite");
    if (template) copyFileSync(template, file);
  }
  const db = await openDatabase(file);
  return {
    db,
    dir,
    file,
    cleanup: async () => {
      await closeDatabase(db);
      if (onPostgres()) await dropTestDatabase(file);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A real, empty (migrated) database: a SQLite file, or a PostgreSQL database when DATABASE_URL says so. */
export function tempDatabase(): Promise<TempDatabase> {
  return fresh();
}

let template: Promise<string> | undefined;

/** Seeds once per test file; the SQLite file's path, or the PostgreSQL template database's name. */
async function seededTemplate(): Promise<string> {
  if (onPostgres()) {
    const url = await createTestDatabase(undefined, process.env.DATABASE_URL);
    const db = await openDatabase(url);
    await seedIfEmpty(db);
    // CREATE DATABASE … TEMPLATE needs nobody connected to the template.
    await closeDatabase(db);
    return decodeURIComponent(new URL(url).pathname.slice(1));
  }
  const file = join(mkdtempSync(join(tmpdir(), "masdarin-template-")), "template.sqlite");
  const db = await openDatabase(file);
  await seedIfEmpty(db);
  // One self-contained file: the WAL folded in, so a plain copy is the whole database.
  sqliteDriver(db)?.pragma("wal_checkpoint(TRUNCATE)");
  await closeDatabase(db);
  return file;
}

/**
 * A real database holding the seeded catalogue, copied from a template seeded
 * once per test file (a file copy on SQLite, CREATE DATABASE … TEMPLATE on
 * PostgreSQL): each test starts from the same state without paying for
 * migrations and seeding again.
 */
export async function seededDatabase(): Promise<TempDatabase> {
  template ??= seededTemplate();
  return fresh(await template);
}

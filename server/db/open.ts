import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/sqlite-proxy/migrator";
import { backfillTracking } from "../service-time/backfill";
import { seedCalendar } from "../service-time/calendar-store";
import { connectionOf, type Db, whilePreparing } from "./connection";
import { activeDialect, isPostgresUrl } from "./dialect";
import { openPostgres } from "./postgres";
import { openSqlite } from "./sqlite";

export { closeDatabase, type Db, dialectOf, whilePreparing } from "./connection";

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "migrations");

/**
 * Opens the database and brings its schema up to date with the committed
 * drizzle-kit migrations, then puts in the shipped holidays once. `target` is
 * a PostgreSQL URL (postgres://…, server/db/postgres.ts) or the SQLite file,
 * created if needed.
 */
export async function openDatabase(target: string): Promise<Db> {
  // The repositories' tables (./schema) were picked from DATABASE_URL when the server loaded.
  const dialect = isPostgresUrl(target) ? "postgres" : "sqlite";
  if (dialect !== activeDialect()) {
    throw new Error(`opening a ${dialect} database, but DATABASE_URL chose the ${activeDialect()} tables`);
  }
  const db = isPostgresUrl(target) ? await openPostgres(target) : await openSqliteMigrated(target);
  // App servers started at once each check "not done yet": one at a time, so each step is done once.
  await whilePreparing(db, async () => {
    // Holidays and cuti bersama ship with the app; the table is the admin's from then on.
    await seedCalendar(db);
    // Files submitted before migration 0010: their tracking number and clock, once.
    await backfillTracking(db);
  });
  return db;
}

async function openSqliteMigrated(file: string): Promise<Db> {
  const db = openSqlite(file);
  const sqlite = connectionOf(db).sqlite;
  await migrate(
    db as never,
    async (queries) => {
      // One transaction for the whole upgrade, as drizzle's better-sqlite3 migrator did.
      sqlite?.transaction(() => {
        for (const query of queries) sqlite.exec(query);
      })();
    },
    { migrationsFolder: MIGRATIONS_DIR },
  );
  return db;
}

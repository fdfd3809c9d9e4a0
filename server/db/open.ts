import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { backfillTracking } from "../service-time/backfill";
import { seedCalendar } from "../service-time/calendar-store";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "migrations");

/**
 * Opens (creating if needed) the SQLite file and brings its schema up to date
 * with the committed drizzle-kit migrations, then puts in the shipped
 * holidays once.
 */
export function openDatabase(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers (catalogue pulls) run while a writer publishes.
  sqlite.pragma("journal_mode = WAL");
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  // Holidays and cuti bersama ship with the app; the table is the admin's from then on.
  seedCalendar(db);
  // Files submitted before migration 0010: their tracking number and clock, once.
  backfillTracking(db);
  return db;
}

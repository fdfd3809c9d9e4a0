import type BetterSqlite3 from "better-sqlite3";
import { connectionOf, type Db } from "./connection";

/**
 * The SQLite driver itself, for maintenance with no portable form (VACUUM,
 * secure_delete, WAL checkpoints, online backup); undefined on PostgreSQL,
 * where the engine's own tools do that work (docs/DEPLOY.md).
 */
export function sqliteDriver(db: Db): BetterSqlite3.Database | undefined {
  return connectionOf(db).sqlite;
}

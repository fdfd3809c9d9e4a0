import type pg from "pg";
import { type Db, dialectOf } from "./connection";

/**
 * How the database's PostgreSQL pool connects (undefined on SQLite), for
 * code that needs connections of its own beside the repositories' pool: the
 * tus locker holds one per upload being written (server/files/locker.ts),
 * for as long as a phone sends, and must not starve the queries.
 */
export function postgresConnectionConfig(db: Db): pg.PoolConfig | undefined {
  if (dialectOf(db) !== "postgres") return undefined;
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const { connectionString, host, port, user, password, database, ssl } = pool.options;
  return { connectionString, host, port, user, password, database, ssl };
}

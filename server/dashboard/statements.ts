import type Database from "better-sqlite3";
import type { Db } from "../db/open";

/**
 * Prepared statements, kept per connection and SQL text: dashboard SQL varies
 * only with which filters are present, so there are a handful per database,
 * and re-preparing them on every request would cost more than small queries.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let statements = cache.get(db.$client);
  if (!statements) {
    statements = new Map();
    cache.set(db.$client, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.$client.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

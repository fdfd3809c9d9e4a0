import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/sqlite-proxy";
import { type Db, registerConnection, SqliteGate, StatementCache } from "./connection";
import * as schema from "./schema-sqlite";

type Method = "run" | "all" | "values" | "get";
type Params = unknown[];

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; SQLite has no boolean. */
function bindable(params: Params): unknown[] {
  return params.map((value) => (typeof value === "boolean" ? Number(value) : value));
}

/**
 * A SQLite file behind drizzle's asynchronous interface (sqlite-proxy over
 * better-sqlite3), so repository code is the same as on PostgreSQL. Every
 * statement passes the gate first: an open transaction's own statements go
 * through, everyone else's wait for it to end.
 */
export function openSqlite(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers (catalogue pulls) run while a writer publishes.
  sqlite.pragma("journal_mode = WAL");
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const statements = new StatementCache(sqlite);
  const gate = new SqliteGate();

  const execute = (source: string, params: Params, method: Method) => {
    const statement = statements.get(source);
    if (method === "run" || !statement.reader) {
      const result = statement.run(...bindable(params));
      return { rows: [], changes: result.changes, lastInsertRowid: result.lastInsertRowid };
    }
    const raw = statement.raw(true);
    if (method === "get") return { rows: raw.get(...bindable(params)) as unknown[] };
    return { rows: raw.all(...bindable(params)) as unknown[][] };
  };

  const db = drizzle((source, params, method) => gate.run(() => execute(source, params, method)), {
    schema,
  }) as unknown as Db;

  const compile = (query: SQL) =>
    (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: Params } } }).dialect.sqlToQuery(query);

  registerConnection(db, {
    dialect: "sqlite",
    sqlite,
    gate,
    all(_db, query) {
      const compiled = compile(query);
      return gate.run(() => {
        const statement = statements.get(compiled.sql);
        if (!statement.reader) {
          statement.run(...bindable(compiled.params));
          return [];
        }
        return statement.raw(false).all(...bindable(compiled.params));
      });
    },
    run(_db, query) {
      const compiled = compile(query);
      return gate.run(() => statements.get(compiled.sql).run(...bindable(compiled.params)).changes);
    },
    async close() {
      sqlite.close();
    },
  });
  return db;
}

import { AsyncLocalStorage } from "node:async_hooks";
import type BetterSqlite3 from "better-sqlite3";
import type { Statement } from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema";

/**
 * The one data-access type of the server. Every repository function takes a
 * `Db` (the database or an open transaction) and awaits it: the same code runs
 * on SQLite (the default) and on PostgreSQL (DATABASE_URL). It is typed as
 * drizzle's asynchronous SQLite database; the only query forms the code may
 * use are the ones both dialects share: `await` a builder (no `.get()`,
 * `.all()`, `.run()`), `.returning()` to learn what changed, `withTransaction`
 * (server/db/transaction.ts) and the raw helpers (server/db/raw.ts).
 */
export type Db = BaseSQLiteDatabase<"async", unknown, typeof schema>;

export type Dialect = "sqlite" | "postgres";

/**
 * What only the opener knows about a connection: which dialect, how to run a
 * raw query on the driver, how to close. Keyed by drizzle's session object:
 * on SQLite a database and its transactions share it; on PostgreSQL each
 * transaction has its own, which openPostgres registers as it begins.
 */
export interface Connection {
  dialect: Dialect;
  /** SQLite only: the driver, for maintenance that has no portable form (VACUUM, pragmas, backup). */
  sqlite?: BetterSqlite3.Database;
  /** SQLite only: who may run statements while a transaction is open. */
  gate?: SqliteGate;
  /** Runs hand-written SQL on `db` (the database or its open transaction): rows as objects. */
  all(db: Db, query: SQL): Promise<unknown[]>;
  /** Runs a hand-written statement; the number of rows it changed. */
  run(db: Db, query: SQL): Promise<number>;
  /**
   * PostgreSQL only: runs `work` while holding the database's preparation lock (an advisory lock), so app
   * servers started at once migrate and seed one after another instead of racing their check-then-insert.
   */
  prepareExclusively?<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const connections = new WeakMap<object, Connection>();

function sessionOf(db: Db): object {
  return (db as unknown as { session: object }).session;
}

export function registerConnection(db: Db, connection: Connection): void {
  connections.set(sessionOf(db), connection);
}

export function connectionOf(db: Db): Connection {
  const connection = connections.get(sessionOf(db));
  if (!connection) throw new Error("not a database opened by server/db/open.ts");
  return connection;
}

export function dialectOf(db: Db): Dialect {
  return connectionOf(db).dialect;
}

export async function closeDatabase(db: Db): Promise<void> {
  await connectionOf(db).close();
}

/**
 * SQLite has one connection per process: while one request's transaction is
 * open between awaits, another request's statements would run inside it (and
 * be rolled back with it). The gate lets only the transaction's own async
 * context through and holds everyone else until it ends, which is what
 * better-sqlite3's synchronous transactions gave for free.
 */
export class SqliteGate {
  readonly context = new AsyncLocalStorage<symbol>();
  private owner: symbol | undefined;
  private tail: Promise<void> = Promise.resolve();
  private idle: Promise<void> = Promise.resolve();
  /** The open transaction, for a nested withTransaction called on the root database. */
  openTx: Db | undefined;
  /** How many savepoints are open inside the open transaction (server/db/transaction.ts). */
  savepointDepth = 0;

  /**
   * Runs `statement` once no other context's transaction is open. The last
   * check and the statement run in the same synchronous turn: with an await
   * between them, a transaction could BEGIN in the gap and take the
   * statement in.
   */
  async run<T>(statement: () => T): Promise<T> {
    while (this.owner && this.context.getStore() !== this.owner) await this.idle;
    return statement();
  }

  insideOpenTransaction(): boolean {
    return this.owner !== undefined && this.context.getStore() === this.owner;
  }

  /** Runs `work` as the only transaction, after those already waiting. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((done) => {
      release = done;
    });
    await previous;
    const owner = Symbol("transaction");
    let ended!: () => void;
    this.idle = new Promise<void>((done) => {
      ended = done;
    });
    this.owner = owner;
    try {
      return await this.context.run(owner, work);
    } finally {
      this.owner = undefined;
      this.openTx = undefined;
      this.savepointDepth = 0;
      ended();
      release();
    }
  }
}

/** better-sqlite3 statements by SQL text: drizzle builds the same text for the same query shape. */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  get(source: string): Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.sqlite.prepare(source);
      // Bounded: a query built with a varying IN list makes a new text each time.
      if (this.statements.size > 2000) this.statements.clear();
      this.statements.set(source, statement);
    }
    return statement;
  }
}

/**
 * Runs start-up preparation (seeding, backfills) once at a time across every
 * app server on the database: PostgreSQL holds the preparation lock for it;
 * SQLite's file has one server, so it just runs.
 */
export async function whilePreparing<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const connection = connectionOf(db);
  return connection.prepareExclusively ? connection.prepareExclusively(work) : work();
}

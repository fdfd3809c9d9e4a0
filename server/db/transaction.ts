import { sql } from "drizzle-orm";
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { connectionOf, type Db, type SqliteGate } from "./connection";
import { databaseError } from "./errors";
import { rawRun } from "./raw";

/**
 * Runs `work` in one transaction on either dialect; `work` must use the `tx`
 * it is given (on PostgreSQL the root database is another connection, outside
 * the transaction). Called inside a transaction it nests as a savepoint.
 *
 * SQLite: BEGIN IMMEDIATE takes the write lock at once, so two processes on
 * one file queue on busy_timeout instead of failing at their first write, and
 * the gate keeps this process's other requests out until it ends.
 * PostgreSQL: READ COMMITTED; code that needs one writer at a time locks the
 * row it serialises on (SELECT … FOR UPDATE), as the sync push does per client.
 */
export async function withTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const connection = connectionOf(db);
  const gate = connection.gate;
  if (!gate) return (db as Db).transaction(work);
  if (gate.insideOpenTransaction()) return withSavepoint(gate, gate.openTx ?? db, work);
  return sqliteTransaction(gate, db, "immediate", work);
}

/**
 * Runs `work`, which only reads, on one consistent snapshot of the database:
 * a page and its total, or a report's several figures, agree with each other
 * even while writers commit in between. `work` must use the `tx` it is given.
 *
 * PostgreSQL: REPEATABLE READ, READ ONLY (one snapshot for every statement;
 * a write fails). SQLite: a deferred BEGIN through the same gate: WAL gives
 * it one snapshot from its first read, and it takes no write lock, so another
 * process's writer is not held up. Inside an open transaction it runs in that
 * transaction, which is already one snapshot (and may have written).
 */
export async function withSnapshot<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const connection = connectionOf(db);
  const gate = connection.gate;
  if (!gate) {
    if (db instanceof PgTransaction) return work(db);
    const config = { isolationLevel: "repeatable read", accessMode: "read only" } as const;
    return (db as unknown as PgDatabase<PgQueryResultHKT>).transaction(
      (tx) => work(tx as unknown as Db),
      config,
    ) as Promise<T>;
  }
  if (gate.insideOpenTransaction()) return work(gate.openTx ?? db);
  return sqliteTransaction(gate, db, "deferred", work);
}

/** A SQLite transaction behind the gate, its handle published so nested calls run in it. */
function sqliteTransaction<T>(
  gate: SqliteGate,
  db: Db,
  behavior: "immediate" | "deferred",
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  return gate.exclusive(() =>
    db.transaction(
      async (tx) => {
        gate.openTx = tx;
        return work(tx);
      },
      { behavior },
    ),
  );
}

/**
 * A nested SQLite transaction as a savepoint on the open transaction's own
 * handle. drizzle's nested `transaction()` builds a new database object per
 * savepoint, a measurable share of a push's CPU (bench/push-cpu.ts: one
 * savepoint per mutation); the SQL is the same. Only one transaction is open
 * behind the gate, so a depth counter names the savepoints.
 */
async function withSavepoint<T>(gate: SqliteGate, tx: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const name = sql.raw(`sp${gate.savepointDepth++}`);
  try {
    await rawRun(tx, sql`savepoint ${name}`);
    try {
      const result = await work(tx);
      await rawRun(tx, sql`release savepoint ${name}`);
      return result;
    } catch (error) {
      await rawRun(tx, sql`rollback to savepoint ${name}`);
      await rawRun(tx, sql`release savepoint ${name}`);
      throw error;
    }
  } finally {
    gate.savepointDepth--;
  }
}

/** PostgreSQL chose this transaction to end a deadlock (40P01): everything it did was rolled back. */
export function isDeadlock(error: unknown): boolean {
  return databaseError(error)?.code === "40P01";
}

/**
 * Runs `transaction` again when PostgreSQL ended it to break a deadlock: the
 * other transaction then goes on, so the next attempt gets the locks. For a
 * transaction whose whole effect is in the database, rerun from its start.
 * (SQLite's single writer never deadlocks.)
 */
export async function retryingDeadlocks<T>(transaction: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
    }
  }
}

import { connectionOf, type Db } from "./connection";

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
  if (gate.insideOpenTransaction()) {
    const open = gate.openTx ?? db;
    return open.transaction(work);
  }
  return gate.exclusive(() =>
    db.transaction(
      async (tx) => {
        gate.openTx = tx;
        return work(tx);
      },
      { behavior: "immediate" },
    ),
  );
}

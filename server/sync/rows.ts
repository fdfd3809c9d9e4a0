import { eq, max } from "drizzle-orm";
import type { Db } from "../db/open";
import { applications } from "../db/schema";
import { holdChangeCounter, takeChangeSeq } from "./counters";

/**
 * The applications table's shared primitives, kept apart from the sync and
 * review modules that both write rows so neither has to import the other.
 * `Tx` is an open transaction (or savepoint): the same type as the database
 * (server/db/connection.ts), so code takes either.
 */
export type Tx = Db;
export type ApplicationRow = typeof applications.$inferSelect;

/**
 * The applications' next change_seq, from their change counter (server/sync/counters.ts): call it inside
 * the write transaction, before locking or writing any application row; seqs then follow commit order.
 */
export async function nextChangeSeq(tx: Db): Promise<number> {
  return takeChangeSeq(tx, "applications");
}

/**
 * The highest change_seq of a committed row: what a cursor may safely reach. Not the counter, which an
 * open transaction may already have moved past rows it has not committed yet (on SQLite the same value).
 */
export async function currentChangeSeq(db: Db): Promise<number> {
  const [row] = await db.select({ value: max(applications.changeSeq) }).from(applications);
  return Number(row?.value ?? 0);
}

/** Takes the applications' counter lock before a row lock, for a writer that locks the row before its seq (counters.ts). */
export async function holdApplicationsCounter(tx: Db): Promise<void> {
  await holdChangeCounter(tx, "applications");
}

export async function getApplication(tx: Db, id: string): Promise<ApplicationRow | undefined> {
  return (await tx.select().from(applications).where(eq(applications.id, id)))[0];
}

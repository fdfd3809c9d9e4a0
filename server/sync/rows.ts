import { eq, max } from "drizzle-orm";
import type { Db } from "../db/open";
import { applications } from "../db/schema";
import { pendingSeq, stampApplications } from "./counters";

/**
 * The applications table's shared primitives, kept apart from the sync and
 * review modules that both write rows so neither has to import the other.
 * `Tx` is an open transaction (or savepoint): the same type as the database
 * (server/db/connection.ts), so code takes either.
 */
export type Tx = Db;
export type ApplicationRow = typeof applications.$inferSelect;

/**
 * Every writer of an application row marks it with `pendingSeq` and ends its transaction with
 * `stampApplications`, which gives the marked rows their seqs in commit order (server/sync/counters.ts).
 */
export { pendingSeq, stampApplications };

/**
 * The highest change_seq of a committed row: what a cursor may safely reach. Not the counter, which an
 * open transaction may already have moved past rows it has not committed yet (on SQLite the same value).
 */
export async function currentChangeSeq(db: Db): Promise<number> {
  const [row] = await db.select({ value: max(applications.changeSeq) }).from(applications);
  return Number(row?.value ?? 0);
}

export async function getApplication(tx: Db, id: string): Promise<ApplicationRow | undefined> {
  return (await tx.select().from(applications).where(eq(applications.id, id)))[0];
}

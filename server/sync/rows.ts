import { eq, max } from "drizzle-orm";
import type { Db } from "../db/open";
import { applications } from "../db/schema";

/**
 * The applications table's shared primitives, kept apart from the sync and
 * review modules that both write rows so neither has to import the other.
 * `Tx` is an open transaction (or savepoint): the same type as the database
 * (server/db/connection.ts), so code takes either.
 */
export type Tx = Db;
export type ApplicationRow = typeof applications.$inferSelect;

/** The applications change counter moves inside the caller's transaction, so commit order is seq order. */
export async function nextChangeSeq(tx: Db): Promise<number> {
  const [row] = await tx.select({ value: max(applications.changeSeq) }).from(applications);
  return (row?.value ?? 0) + 1;
}

/** The highest change counter value written so far. */
export async function currentChangeSeq(db: Db): Promise<number> {
  return (await nextChangeSeq(db)) - 1;
}

export async function getApplication(tx: Db, id: string): Promise<ApplicationRow | undefined> {
  return (await tx.select().from(applications).where(eq(applications.id, id)))[0];
}

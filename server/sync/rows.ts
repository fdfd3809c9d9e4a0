import { eq, max } from "drizzle-orm";
import type { Db } from "../db/open";
import { applications } from "../db/schema";

/**
 * The applications table's shared primitives, kept apart from the sync and
 * review modules that both write rows so neither has to import the other.
 */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type ApplicationRow = typeof applications.$inferSelect;

/** The applications change counter moves inside the caller's transaction, so commit order is seq order. */
export function nextChangeSeq(tx: Tx | Db): number {
  return (
    (tx
      .select({ value: max(applications.changeSeq) })
      .from(applications)
      .get()?.value ?? 0) + 1
  );
}

/** The highest change counter value written so far. */
export function currentChangeSeq(db: Db): number {
  return nextChangeSeq(db) - 1;
}

export function getApplication(tx: Tx | Db, id: string): ApplicationRow | undefined {
  return tx.select().from(applications).where(eq(applications.id, id)).get();
}

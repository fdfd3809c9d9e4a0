import { type SQL, sql } from "drizzle-orm";
import { dialectOf } from "../db/connection";
import type { Db } from "../db/open";
import { rawAll, rawGet, rawRun } from "../db/raw";
import { greatest } from "../db/sql-fns";

/**
 * The change counters (table change_counters, migration 0016): one row per
 * table whose rows carry a change_seq that devices pull by (`change_seq >
 * cursor`): the applications and the guide catalogue.
 *
 * A writing transaction takes its seq with an UPDATE of the counter's row,
 * which holds that row's lock until the transaction ends. A second writer's
 * UPDATE waits there, and reads the value the first one committed: seqs are
 * handed out in commit order, and at any moment only the highest seq can
 * belong to a transaction still open. So a reader that has seen seq n has
 * seen every committed seq below it and nothing below it can commit later: a
 * pull never passes a change. (A sequence, or max(change_seq) + 1 read under
 * PostgreSQL's READ COMMITTED, gives no such order: two transactions could
 * take the same value, or commit out of order.) On SQLite the single writer
 * (BEGIN IMMEDIATE) already gives the order; the same statement runs there.
 *
 * Lock order, so two writers never wait on each other in a circle: a
 * transaction takes the counter BEFORE it locks or writes any row of the
 * table it counts (holdChangeCounter, when the first write needs no seq).
 * Only the sync push takes a lock before it: its client's sync_clients row.
 *
 * The counter never falls behind the rows: a row written with a seq of its
 * own (a test fixture, an old tool) lifts it to that seq first.
 */
export type CounterName = "applications" | "guides";

/** Constant table names, never input. */
const TABLES: Record<CounterName, SQL> = { applications: sql.raw("applications"), guides: sql.raw("guides") };

/** The counter's next value, inside the caller's transaction (its row stays locked until it commits). */
export async function takeChangeSeq(tx: Db, name: CounterName): Promise<number> {
  const highest = sql`(SELECT coalesce(max(change_seq), 0) FROM ${TABLES[name]})`;
  for (let attempt = 0; ; attempt++) {
    const row = await rawGet<{ value: number | string }>(
      tx,
      sql`UPDATE change_counters SET value = ${greatest(sql`value`, highest)} + 1 WHERE name = ${name} RETURNING value`,
    );
    if (row) return Number(row.value);
    // Migration 0016 seeds both rows; a database emptied by hand gets them back.
    if (attempt > 0) throw new Error(`change counter ${name} is missing`);
    await rawRun(tx, sql`INSERT INTO change_counters (name, value) VALUES (${name}, 0) ON CONFLICT DO NOTHING`);
  }
}

/**
 * Takes the counter's lock without moving it, for a transaction whose first
 * write to the counted table needs no seq (a pre-check failure counted on the
 * row) or which locks a row before it takes its seq (the review's version
 * check): see the lock order above. A no-op on SQLite, whose write
 * transaction already excludes every other writer.
 */
export async function holdChangeCounter(tx: Db, name: CounterName): Promise<void> {
  if (dialectOf(tx) !== "postgres") return;
  await rawAll(tx, sql`SELECT value FROM change_counters WHERE name = ${name} FOR UPDATE`);
}

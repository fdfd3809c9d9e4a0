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
 * A writing transaction takes its seqs with an UPDATE of the counter's row,
 * which holds that row's lock until the transaction ends. A second writer's
 * UPDATE waits there, and reads the value the first one committed: seqs are
 * handed out in commit order, and at any moment only the highest seqs can
 * belong to a transaction still open. So a reader that has seen seq n has
 * seen every committed seq below it and nothing below it can commit later: a
 * pull never passes a change. (A sequence, or max(change_seq) + 1 read under
 * PostgreSQL's READ COMMITTED, gives no such order: two transactions could
 * take the same value, or commit out of order.) On SQLite the single writer
 * (BEGIN IMMEDIATE) already gives the order; the same statements run there.
 *
 * The applications' counter is taken LAST (issue 16's benchmark: held from a
 * push's first write to its commit, it made every push on every app server
 * wait for the one before it). A writer marks each application row it writes
 * with `pendingSeq`, a placeholder no committed row has (the negative of its
 * own transaction id on PostgreSQL), and `stampApplications` gives those rows
 * their real seqs in one statement just before COMMIT: the counter's lock is
 * then held for that statement and the commit only. Lock order, so two
 * writers never wait on each other in a circle: whatever a transaction locks
 * (its client's sync_clients row, the calendar, application rows, an
 * applicant's NIK), it takes the applications' counter after all of it, and
 * once it holds the counter it touches no row but its own. The dashboard's
 * rollup triggers are deferred to COMMIT on PostgreSQL (migration 0006), so
 * they too run under the counter, one transaction after another.
 *
 * The guides' counter is still taken first (guides/repository.ts): the
 * catalogue has one editor at a time and nothing to gain.
 *
 * The counter never falls behind the rows: a row written with a seq of its
 * own (a test fixture, an old tool) lifts it to that seq at the next take.
 * Not when that very row is re-marked before the take (its seq is gone
 * then): a tool writing seqs past the counter lifts it itself, as migration
 * 0016 seeds it.
 */
export type CounterName = "applications" | "guides";

/** Constant table names, never input. */
const TABLES: Record<CounterName, SQL> = { applications: sql.raw("applications"), guides: sql.raw("guides") };

/** The counter's next value, inside the caller's transaction (its row stays locked until it commits). */
export async function takeChangeSeq(tx: Db, name: CounterName): Promise<number> {
  const row = await moveCounter(tx, name, sql`1`);
  return Number(row.value);
}

/** The UPDATE adding `by` to the counter, lifted to its table's highest seq first; it returns the new value. */
function counterUpdate(name: CounterName, by: SQL): SQL {
  const highest = sql`(SELECT coalesce(max(change_seq), 0) FROM ${TABLES[name]})`;
  return sql`UPDATE change_counters SET value = ${greatest(sql`value`, highest)} + ${by} WHERE name = ${name} RETURNING value`;
}

/** Adds `by` to the counter (lifted to its table's highest seq first); the new value. */
async function moveCounter(tx: Db, name: CounterName, by: SQL): Promise<{ value: number | string }> {
  for (let attempt = 0; ; attempt++) {
    const row = await rawGet<{ value: number | string }>(tx, counterUpdate(name, by));
    if (row) return row;
    // Migration 0016 seeds both rows; a database emptied by hand gets them back.
    if (attempt > 0) throw new Error(`change counter ${name} is missing`);
    await rawRun(tx, sql`INSERT INTO change_counters (name, value) VALUES (${name}, 0) ON CONFLICT DO NOTHING`);
  }
}

/**
 * The change_seq an application row written in this transaction carries until
 * `stampApplications` replaces it: unique to the transaction and below every
 * real seq, so no pull or max(change_seq) ever counts it. PostgreSQL: minus
 * the transaction's id (pg_current_xact_id is the top-level transaction's,
 * also inside a savepoint). SQLite: -1, as only one transaction writes at once.
 */
export function pendingSeq(db: Db): SQL {
  // A scalar subquery, computed once per statement, so `change_seq = <it>` is an index lookup.
  return dialectOf(db) === "postgres" ? sql`(SELECT -(pg_current_xact_id()::text::bigint))` : sql`-1`;
}

/**
 * Gives every application row this transaction marked with `pendingSeq` its
 * own seq from the applications' counter, and takes that counter's lock until
 * COMMIT: call it as the transaction's last statement (counters.ts's lock
 * order), also when nothing was marked, if the transaction changed any
 * application row or finding (the deferred rollups then run under the
 * counter). Answers each stamped row's seq.
 */
export async function stampApplications(tx: Db): Promise<Map<string, number>> {
  const pending = pendingSeq(tx);
  const rows =
    dialectOf(tx) === "postgres"
      ? // One statement: the counter moves by the number of marked rows and each takes one seq of that block.
        await rawAll<{ id: string; seq: number | string }>(
          tx,
          sql`WITH marked AS (
                SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
                FROM applications WHERE change_seq = ${pending}),
              counter AS (${counterUpdate("applications", sql`(SELECT count(*) FROM marked)`)})
            UPDATE applications a SET change_seq = counter.value - marked.total + marked.n
            FROM marked, counter WHERE a.id = marked.id
            RETURNING a.id, a.change_seq AS seq`,
        )
      : await stampOnSqlite(tx, pending);
  return new Map(rows.map((row) => [row.id, Number(row.seq)]));
}

/** SQLite: the same, in three statements (its UPDATE cannot sit in a WITH); the single writer makes them one. */
async function stampOnSqlite(tx: Db, pending: SQL): Promise<{ id: string; seq: number }[]> {
  const marked = await rawAll<{ id: string }>(
    tx,
    sql`SELECT id FROM applications WHERE change_seq = ${pending} ORDER BY id`,
  );
  const last = Number((await moveCounter(tx, "applications", sql`${marked.length}`)).value);
  const stamped = marked.map((row, index) => ({ id: row.id, seq: last - marked.length + index + 1 }));
  for (const row of stamped) {
    await rawRun(tx, sql`UPDATE applications SET change_seq = ${row.seq} WHERE id = ${row.id}`);
  }
  return stamped;
}

/** Takes the counter's lock without moving it: a no-op on SQLite, whose write transaction excludes every other writer. */
export async function holdChangeCounter(tx: Db, name: CounterName): Promise<void> {
  if (dialectOf(tx) !== "postgres") return;
  await rawAll(tx, sql`SELECT value FROM change_counters WHERE name = ${name} FOR UPDATE`);
}

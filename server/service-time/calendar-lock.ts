import { sql } from "drizzle-orm";
import { dialectOf } from "../db/connection";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";

/**
 * The office calendar's lock, PostgreSQL only (SQLite's single writer already
 * runs these one at a time): a change of closed dates moves every running
 * deadline, so it must not interleave with a writer counting a deadline from
 * the calendar (the review's clock, a complaint's response clock). Those take
 * it shared (they do not hold each other up); a calendar change takes it
 * exclusive, after they finish and before they begin. A transaction-level
 * advisory lock, taken before any row it writes (lock order:
 * server/sync/counters.ts), released at COMMIT.
 */
const CALENDAR = sql`hashtextextended('masdarin:calendar', 0)`;

export async function holdCalendar(tx: Db, use: "counting" | "changing"): Promise<void> {
  if (dialectOf(tx) !== "postgres") return;
  await rawAll(
    tx,
    use === "changing"
      ? sql`SELECT pg_advisory_xact_lock(${CALENDAR})`
      : sql`SELECT pg_advisory_xact_lock_shared(${CALENDAR})`,
  );
}

import { sql } from "drizzle-orm";
import type { Db } from "../db/open";
import { rawGet } from "../db/raw";
import { groupConcat } from "../db/sql-fns";
import { loadCalendar } from "../service-time/calendar-store";

/**
 * The office's closed dates for a public answer, built by the calendar store
 * (server/service-time/calendar-store.ts, the one rule) only when the
 * calendar or the office's settings changed: building it costs more than
 * the rest of a lookup (drizzle queries, the setting's schema), reading a
 * stamp of a few dozen rows does not. The stamp is the tables' content, not
 * a timestamp, so any edit by any process on the file is seen at once.
 */
const STAMP_SQL = () =>
  sql`SELECT coalesce((SELECT ${groupConcat(sql`date || kind`, ",")} FROM calendar_days), '') || '|' ||
  coalesce((SELECT ${groupConcat(sql`key || '=' || value`, ",")} FROM office_settings), '') AS stamp`;

const caches = new WeakMap<Db, { stamp: string; dates: readonly string[] }>();

export async function closedDates(db: Db): Promise<readonly string[]> {
  const stamp = (await rawGet<{ stamp: string }>(db, STAMP_SQL()))?.stamp ?? "";
  let seen = caches.get(db);
  if (seen?.stamp !== stamp) {
    seen = { stamp, dates: [...(await loadCalendar(db)).closed].sort() };
    caches.set(db, seen);
  }
  return seen.dates;
}

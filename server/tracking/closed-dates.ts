import type { Statement } from "better-sqlite3";
import type { Db } from "../db/open";
import { loadCalendar } from "../service-time/calendar-store";

/**
 * The office's closed dates for a public answer, built by the calendar store
 * (server/service-time/calendar-store.ts, the one rule) only when the
 * calendar or the office's settings changed: building it costs more than
 * the rest of a lookup (drizzle queries, the setting's schema), reading a
 * stamp of a few dozen rows does not. The stamp is the tables' content, not
 * a timestamp, so any edit by any process on the file is seen at once.
 */
const STAMP_SQL = `SELECT coalesce((SELECT group_concat(date || kind, ',') FROM calendar_days), '') || '|' ||
  coalesce((SELECT group_concat(key || '=' || value, ',') FROM office_settings), '') AS stamp`;

interface Cached {
  stamp: Statement<[], { stamp: string }>;
  seen?: { stamp: string; dates: readonly string[] };
}

const caches = new WeakMap<Db, Cached>();

export function closedDates(db: Db): readonly string[] {
  let cached = caches.get(db);
  if (!cached) {
    cached = { stamp: db.$client.prepare(STAMP_SQL) };
    caches.set(db, cached);
  }
  const stamp = cached.stamp.get()?.stamp ?? "";
  if (cached.seen?.stamp !== stamp) cached.seen = { stamp, dates: [...loadCalendar(db).closed].sort() };
  return cached.seen.dates;
}

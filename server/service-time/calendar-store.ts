import type { Database, Statement } from "better-sqlite3";
import { asc } from "drizzle-orm";
import { buildCalendar, type ClosedDay, type WorkCalendar } from "../../shared/service-time/calendar";
import { shippedClosedDays } from "../../shared/service-time/holidays";
import type { Db } from "../db/open";
import { calendarDays, officeSettings } from "../db/schema";
import { readSetting } from "../settings/office-settings";
import type { Tx } from "../sync/rows";

/** Set once the shipped table went in, so a day an admin removed is not put back at the next start. */
const SEEDED_KEY = "calendarSeeded";

/**
 * A database starts with the shipped holidays and cuti bersama
 * (shared/service-time/holidays.ts); after that the table is the admin's.
 */
export function seedCalendar(db: Db, now = new Date()): void {
  db.transaction((tx) => {
    const seeded = tx
      .select()
      .from(officeSettings)
      .all()
      .some((row) => row.key === SEEDED_KEY);
    if (seeded) return;
    const at = now.toISOString();
    for (const day of shippedClosedDays()) {
      tx.insert(calendarDays)
        .values({ ...day, updatedBy: null, updatedAt: at })
        .onConflictDoNothing()
        .run();
    }
    tx.insert(officeSettings).values({ key: SEEDED_KEY, value: true, updatedBy: null, updatedAt: at }).run();
  });
}

export function listClosedDays(db: Db | Tx): ClosedDay[] {
  return db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source })
    .from(calendarDays)
    .orderBy(asc(calendarDays.date))
    .all();
}

/** The calendar the clock counts with now: the closed days and the office's cuti bersama setting. */
export function loadCalendar(db: Db | Tx): WorkCalendar {
  return buildCalendar(listClosedDays(db), { jointLeaveIsWorkingDay: readSetting(db, "jointLeaveIsWorkingDay") });
}

/** Statements held per connection: the pull asks for the closed dates on every call (its hot path prepares nothing). */
const held = new WeakMap<Database, { days: Statement; setting: Statement }>();

/**
 * The calendar's closed dates, sorted, as the pull sends them to phones: the
 * same as `loadCalendar(db).closed`, on statements prepared once per connection.
 */
export function closedDatesOf(db: Db): string[] {
  let statements = held.get(db.$client);
  if (!statements) {
    statements = {
      days: db.$client.prepare("SELECT date, kind FROM calendar_days ORDER BY date"),
      setting: db.$client.prepare("SELECT value FROM office_settings WHERE key = 'jointLeaveIsWorkingDay'").pluck(),
    };
    held.set(db.$client, statements);
  }
  const setting = statements.setting.get() as string | undefined;
  const jointLeaveIsWorkingDay = setting === "true";
  const days = statements.days.all() as { date: string; kind: ClosedDay["kind"] }[];
  return [...buildCalendar(days, { jointLeaveIsWorkingDay }).closed];
}

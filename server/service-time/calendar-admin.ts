import { asc, count, eq, min, sql } from "drizzle-orm";
import type {
  CalendarDay,
  CalendarDayInput,
  CalendarSettingRequest,
  CalendarView,
  CalendarYear,
} from "../../shared/api/calendar";
import { jakartaDate } from "../../shared/jakarta-time";
import type { ClosedKind } from "../../shared/service-time/calendar";
import { type ClockRecord, rescheduleClock } from "../../shared/service-time/clock";
import { HOLIDAY_YEARS } from "../../shared/service-time/holidays";
import { recordAudit } from "../audit/log";
import { moveRunningComplaintDeadlines } from "../complaints/deadlines";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { applications, calendarDays } from "../db/schema";
import { withTransaction } from "../db/transaction";
import type { AuthUser } from "../http/env";
import { readSetting, writeSetting } from "../settings/office-settings";
import { stampApplications } from "../sync/rows";
import { holdCalendar } from "./calendar-lock";
import { loadCalendar } from "./calendar-store";
import { writeClock } from "./clock-writes";

/**
 * The work calendar's administration ("Kalender kerja" in the console): an
 * admin adds, changes and removes closed days and sets whether cuti bersama
 * counts as a working day; operators read it.
 *
 * Each change is one transaction: the calendar (or the setting), the
 * deadline of every running clock counted again with the new calendar (the
 * queue's "lewat batas waktu" / "hampir lewat" filters read the stored
 * deadline), and the audit entry commit together or not at all.
 *
 * The applications change counter does not move. A phone learns a moved
 * deadline without the file being sent again: every pull carries the
 * office's closed dates, and the phone (like the public /lacak page, whose
 * lookup carries them too) counts a running clock's deadline with them
 * (shared/service-time/clock.ts viewClock). Moving the counter would send
 * every running file to every cadre again for a date that the next pull
 * already brings.
 */

/** Audit entries of the calendar name the day (its date) or the setting; server-wide (no kecamatan). */
// server/audit/log.ts lists the target types it knows; "calendar" is new (see the console's audit words).
const CALENDAR_TARGET = "calendar" as const;
/** An entry changing both settings at once; one setting's entry is named by its key. */
const SETTINGS_ID = "settings";

export type CalendarChange =
  | { ok: true; calendar: CalendarView; clocksMoved: number }
  | { ok: false; code: "calendar_day_not_found" | "date_taken" };

type DayRow = typeof calendarDays.$inferSelect;

function dayOf(row: DayRow): CalendarDay {
  return {
    date: row.date,
    kind: row.kind,
    name: row.name,
    source: row.source,
    edited: row.updatedBy !== null,
    updatedAt: row.updatedAt,
  };
}

/**
 * Whether a year's national holidays and cuti bersama are in: not when the
 * shipped table says its decree was missing and nobody has entered or
 * changed a holiday or cuti bersama of that year since (an office closure
 * says nothing about the decree), nor when the current or next year has
 * none at all (an older year with only closures is history, not a gap).
 */
function yearComplete(year: number, rows: readonly DayRow[], thisYear: number): boolean {
  const decreeDays = rows.filter((row) => row.kind !== "closure");
  if (decreeDays.length === 0) return year < thisYear || year > thisYear + 1;
  const shipped = HOLIDAY_YEARS.find((entry) => entry.year === year);
  if (!shipped || shipped.complete) return true;
  return decreeDays.some((row) => row.updatedBy !== null);
}

/** The calendar as the console shows it: every year with a day, and always this year and the next. */
export async function calendarView(db: Db, now: Date): Promise<CalendarView> {
  const today = jakartaDate(now);
  const rows = await db.select().from(calendarDays).orderBy(asc(calendarDays.date));
  const byYear = new Map<number, DayRow[]>();
  const thisYear = Number(today.slice(0, 4));
  for (const year of [thisYear, thisYear + 1]) byYear.set(year, []);
  for (const row of rows) {
    const year = Number(row.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), row]);
  }
  const years: CalendarYear[] = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, days]) => ({ year, days: days.map(dayOf), complete: yearComplete(year, days, thisYear) }));
  const [running] = await db.select({ n: count() }).from(applications).where(eq(applications.clockState, "running"));
  return {
    years,
    jointLeaveIsWorkingDay: await readSetting(db, "jointLeaveIsWorkingDay"),
    complaintResponseDays: await readSetting(db, "complaintResponseDays"),
    today,
    runningClocks: running?.n ?? 0,
  };
}

/**
 * Running clocks whose deadline is on or after `from`, the earliest date the
 * change touched: only those can move (a stretch whose deadline comes before
 * a date does not count that date; a clock already late at its resume has a
 * deadline the calendar does not decide). Read per kecamatan through
 * applications_clock_idx (kecamatan, state, deadline), the kecamatans found
 * by a loose index scan: a change of next year's decree reads nothing, a
 * change next week the files due after it, never the million finished ones.
 */
const CANDIDATES = sql`
  WITH RECURSIVE k(code) AS (
    SELECT min(kecamatan_code) FROM applications
    UNION ALL
    SELECT (SELECT min(kecamatan_code) FROM applications WHERE kecamatan_code > k.code) FROM k WHERE k.code IS NOT NULL
  )
  SELECT a.id AS id, a.clock AS clock FROM k JOIN applications a
    ON a.kecamatan_code = k.code AND a.clock_state = 'running' AND a.clock_deadline >= `;

/**
 * Counts the deadline of the running clocks again with the calendar as it
 * now is, in one pass over the running rows the change can reach, writing
 * only those that moved. Returns how many moved.
 */
export async function moveRunningDeadlines(tx: Db, from: string): Promise<number> {
  const calendar = await loadCalendar(tx);
  const running = await rawAll<{ id: string; clock: string | null }>(tx, sql.join([CANDIDATES, sql`${from}`]));
  let moved = 0;
  for (const row of running) {
    if (!row.clock) continue;
    const clock = JSON.parse(row.clock) as ClockRecord;
    const next = rescheduleClock(clock, calendar);
    if (next.deadline === clock.deadline) continue;
    await writeClock(tx, row.id, next);
    moved++;
  }
  return moved;
}

async function audit(
  tx: Db,
  actor: AuthUser,
  action: string,
  targetId: string,
  before: unknown,
  after: unknown,
  at: Date,
): Promise<void> {
  await recordAudit(
    tx,
    actor,
    { action, targetType: CALENDAR_TARGET, targetId, kecamatanCode: null, before, after },
    at,
  );
}

async function findDay(tx: Db, date: string): Promise<DayRow | undefined> {
  const [row] = await tx.select().from(calendarDays).where(eq(calendarDays.date, date));
  return row;
}

/** The audited fields of a day. */
function fieldsOf(day: Pick<DayRow, "date" | "kind" | "name" | "source">) {
  return { date: day.date, kind: day.kind, name: day.name, source: day.source };
}

/** What a change wrote: its audit entry, and the earliest date it touched (null: none). */
interface Written {
  action: string;
  targetId: string;
  before: unknown;
  after: object;
  from: string | null;
}

/** Runs one change: `write` alters the calendar and says what to audit; deadlines move and the entry is kept. */
async function change(
  db: Db,
  actor: AuthUser,
  now: Date,
  write: (tx: Db) => Promise<Written | "calendar_day_not_found" | "date_taken">,
): Promise<CalendarChange> {
  return withTransaction(db, async (tx): Promise<CalendarChange> => {
    // The calendar's lock first (calendar-lock.ts), before any row is read or written: every writer of a
    // clock (the review, a complaint) holds it too, so on PostgreSQL the running clocks read below cannot
    // change before this transaction rewrites them, and two calendar changes run one after the other, each
    // counting with the other's days.
    await holdCalendar(tx, "changing");
    const done = await write(tx);
    if (typeof done === "string") return { ok: false, code: done };
    // Nothing to count again when no date can move a deadline (a setting with no cuti bersama at all).
    const clocksMoved = done.from === null ? 0 : await moveRunningDeadlines(tx, done.from);
    // Complaint response clocks count with the same calendar (server/complaints/deadlines.ts).
    if (done.from !== null) await moveRunningComplaintDeadlines(tx, done.from);
    await audit(tx, actor, done.action, done.targetId, done.before, { ...done.after, clocksMoved }, now);
    const calendar = await calendarView(tx, now);
    // Last, as every writer of application rows: the counter, so the rollups of the clocks moved are counted
    // under it (server/sync/counters.ts). No file gets a new seq: the phones count with the closed dates a
    // pull carries.
    if (clocksMoved > 0) await stampApplications(tx);
    return { ok: true, calendar, clocksMoved };
  });
}

export async function addCalendarDay(
  db: Db,
  actor: AuthUser,
  day: CalendarDayInput,
  now: Date,
): Promise<CalendarChange> {
  return change(db, actor, now, async (tx) => {
    if (await findDay(tx, day.date)) return "date_taken";
    await tx.insert(calendarDays).values({ ...day, updatedBy: actor.id, updatedAt: now.toISOString() });
    return { action: "calendar.add-day", targetId: day.date, before: null, after: fieldsOf(day), from: day.date };
  });
}

export async function changeCalendarDay(
  db: Db,
  actor: AuthUser,
  date: string,
  day: { kind: ClosedKind; name: string; source: string },
  now: Date,
): Promise<CalendarChange> {
  return change(db, actor, now, async (tx) => {
    const before = await findDay(tx, date);
    if (!before) return "calendar_day_not_found";
    await tx
      .update(calendarDays)
      .set({ ...day, updatedBy: actor.id, updatedAt: now.toISOString() })
      .where(eq(calendarDays.date, date));
    return {
      action: "calendar.change-day",
      targetId: date,
      before: fieldsOf(before),
      after: fieldsOf({ date, ...day }),
      from: date,
    };
  });
}

export async function removeCalendarDay(db: Db, actor: AuthUser, date: string, now: Date): Promise<CalendarChange> {
  return change(db, actor, now, async (tx) => {
    const before = await findDay(tx, date);
    if (!before) return "calendar_day_not_found";
    await tx.delete(calendarDays).where(eq(calendarDays.date, date));
    return { action: "calendar.remove-day", targetId: date, before: fieldsOf(before), after: {}, from: date };
  });
}

/**
 * The office's calendar settings: whether cuti bersama counts as a working
 * day (the office open) or not (closed, the default), and the complaint
 * standard (working days to answer a complaint). One audit entry names what
 * was sent. Cuti bersama moves running deadlines; the complaint standard
 * does not: a complaint keeps the standard it was received under (its clock
 * holds its own days), only complaints received after count with the new one.
 */
export async function setCalendarSettings(
  db: Db,
  actor: AuthUser,
  settings: CalendarSettingRequest,
  now: Date,
): Promise<CalendarChange> {
  return change(db, actor, now, async (tx) => {
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    let from: string | null = null;
    const joint = settings.jointLeaveIsWorkingDay;
    if (joint !== undefined) {
      before.jointLeaveIsWorkingDay = await readSetting(tx, "jointLeaveIsWorkingDay");
      after.jointLeaveIsWorkingDay = joint;
      await writeSetting(tx, "jointLeaveIsWorkingDay", joint, actor.id, now);
      // The setting opens or closes every cuti bersama day: deadlines from the earliest of them on.
      const [earliest] = await tx
        .select({ first: min(calendarDays.date) })
        .from(calendarDays)
        .where(eq(calendarDays.kind, "joint-leave"));
      from = earliest?.first ?? null;
    }
    const days = settings.complaintResponseDays;
    if (days !== undefined) {
      before.complaintResponseDays = await readSetting(tx, "complaintResponseDays");
      after.complaintResponseDays = days;
      await writeSetting(tx, "complaintResponseDays", days, actor.id, now);
    }
    const keys = Object.keys(after);
    return {
      action: "calendar.setting",
      targetId: keys.length === 1 ? (keys[0] as string) : SETTINGS_ID,
      before,
      after,
      from,
    };
  });
}

/**
 * Counting days the way a service standard does, on Jakarta calendar dates
 * ("YYYY-MM-DD", from shared/jakarta-time.ts): no instants, so the server's
 * UTC clock and a phone in another time zone count the same days.
 *
 * Working days ("hari kerja") skip Saturdays, Sundays and every date the
 * calendar closes: national holidays, cuti bersama (unless the office counts
 * it as a working day, an office setting) and the office's own closure days.
 * Calendar days count every day.
 */
export type DayUnit = "working" | "calendar";

/** What closes the office on a date. */
export type ClosedKind = "holiday" | "joint-leave" | "closure";

export interface ClosedDay {
  date: string;
  kind: ClosedKind;
  /** "Idulfitri 1447 H", in Indonesian as the decree names it. */
  name: string;
  /** The decree or decision that set it ("SKB … Nomor 1497 Tahun 2025 …"), or who closed the office. */
  source: string;
}

export interface WorkCalendar {
  /** Dates (YYYY-MM-DD) that are not working days besides weekends. */
  readonly closed: ReadonlySet<string>;
}

export interface CalendarSettings {
  /** Whether cuti bersama counts as a working day for this office (default: no, the office is closed). */
  jointLeaveIsWorkingDay: boolean;
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = { jointLeaveIsWorkingDay: false };

export function buildCalendar(
  days: readonly Pick<ClosedDay, "date" | "kind">[],
  settings: CalendarSettings,
): WorkCalendar {
  const closed = new Set<string>();
  for (const day of days) {
    if (day.kind === "joint-leave" && settings.jointLeaveIsWorkingDay) continue;
    closed.add(day.date);
  }
  return { closed };
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

function toTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function nextDate(date: string): string {
  return fromTime(toTime(date) + DAY_MS);
}

export function previousDate(date: string): string {
  return fromTime(toTime(date) - DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return new Date(toTime(date)).getUTCDay();
}

export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !calendar.closed.has(date);
}

function counts(calendar: WorkCalendar, unit: DayUnit, date: string): boolean {
  return unit === "calendar" || isWorkingDay(calendar, date);
}

/**
 * The date a stretch starting on `date` counts from. A file received on a
 * day the office is closed (a Saturday, a holiday: the operator pressed
 * "Terima berkas" from home, or a Saturday service counter) counts as
 * received on the next working day, as it would have been had it waited for
 * the office: otherwise a same-day (0-day) service received on a Saturday
 * would be late before the office opened, and every weekend receipt would
 * lose the free receipt day a weekday receipt has. Calendar days count from
 * the receipt itself.
 */
export function countingStart(calendar: WorkCalendar, unit: DayUnit, date: string): string {
  if (unit === "calendar") return date;
  let start = date;
  // Bounded: a calendar closes a few dozen dates a year, never every weekday for long.
  while (!isWorkingDay(calendar, start)) start = nextDate(start);
  return start;
}

/**
 * Days counted after `from` up to and including `to`: the day a clock starts
 * is the office's own (a file received on Monday and decided on Monday used 0
 * days). 0 when `to` is not after `from`.
 */
export function daysBetween(calendar: WorkCalendar, unit: DayUnit, from: string, to: string): number {
  if (to <= from) return 0;
  if (unit === "calendar") return Math.round((toTime(to) - toTime(from)) / DAY_MS);
  let count = 0;
  for (let date = nextDate(from); date <= to; date = nextDate(date)) if (isWorkingDay(calendar, date)) count++;
  return count;
}

/**
 * The date on which `days` counted days after `from` have passed: `from`
 * itself for 0, otherwise a counted day. For 1 working day from a Friday,
 * the next Monday (or later, past a holiday).
 */
export function addDays(calendar: WorkCalendar, unit: DayUnit, from: string, days: number): string {
  let date = from;
  for (let left = days; left > 0; ) {
    date = nextDate(date);
    if (counts(calendar, unit, date)) left--;
  }
  return date;
}

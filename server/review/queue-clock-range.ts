import type { ClockFilter } from "../../shared/api/console";
import { addDays, type DayUnit, previousDate, type WorkCalendar } from "../../shared/service-time/calendar";
import { DUE_SOON_DAYS } from "../../shared/service-time/clock";

/**
 * The deadlines a clock filter picks, so that the filter lists exactly the
 * running files whose badge (shared/service-time/clock.ts viewClock) says
 * "lewat batas waktu" or "hampir lewat" today.
 *
 * The badge counts the days left in the clock's own unit: a working-day
 * clock due on the Monday after a Friday has 1 day left, a calendar-day
 * clock due that Monday has 3. So "hampir lewat" is one date range per unit,
 * both starting today; the deadline slice reads the wider one on the index
 * and keeps each row by its own unit's bound.
 */

/** Which running clocks a deadline slice holds: a clock filter's dates, or every running one (deadline order). */
export type DeadlineRange =
  | { before: string }
  /** Due soon: deadlines from `from`, up to the last date of the clock's unit. */
  | { from: string; to: Record<DayUnit, string> }
  | null;

/**
 * The last deadline that is "hampir lewat" on `today` for a unit: the badge
 * says so while the counted days after today up to the deadline are at most
 * DUE_SOON_DAYS, that is before the (DUE_SOON_DAYS + 1)th counted day after
 * today. For working days that also holds a deadline on a closed day between
 * (which the clock never sets, but a calendar edit could leave for a moment).
 */
export function lastDueSoonDeadline(today: string, unit: DayUnit, calendar: WorkCalendar): string {
  return previousDate(addDays(calendar, unit, today, DUE_SOON_DAYS + 1));
}

/** The deadline range of a clock filter on `today`. */
export function clockFilterRange(filter: ClockFilter, today: string, calendar: WorkCalendar): DeadlineRange {
  if (filter === "overdue") return { before: today };
  return {
    from: today,
    to: {
      working: lastDueSoonDeadline(today, "working", calendar),
      calendar: lastDueSoonDeadline(today, "calendar", calendar),
    },
  };
}

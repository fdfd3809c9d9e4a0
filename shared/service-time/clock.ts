import { addDays, countingStart, type DayUnit, daysBetween, previousDate, type WorkCalendar } from "./calendar";

/**
 * The service-time clock of one file (jangka waktu). It starts when the
 * office receives the complete file ("Terima berkas"), pauses while the file
 * is back with the citizen for fixing (that time is not the office's), runs
 * again when the office receives the fixed file, and stops at the final
 * decision. Dates are Jakarta dates; the day a segment starts is not counted
 * (a segment started on a closed day counts from the next working day:
 * calendar.ts countingStart).
 *
 * The server keeps this record on the file's row (the queue filters and sorts
 * by `deadline` with an index), the phone and the public page read the view.
 */
export interface ServiceTime {
  days: number;
  unit: DayUnit;
}

export type ClockState = "running" | "paused" | "stopped";

export interface ClockRecord extends ServiceTime {
  state: ClockState;
  /** The Jakarta date the office first received the file. */
  startedOn: string;
  /** While running: the date the current stretch began (receipt, or receipt after a fix). */
  segmentStart: string | null;
  /** Days counted in the stretches already closed (before a send-back). */
  usedBefore: number;
  /**
   * While running: the last date on which deciding is still within the service
   * time. The file is late from the day after it.
   */
  deadline: string | null;
  /** Paused or stopped: the days used, frozen. */
  used: number | null;
  /** Stopped: whether the decision came by the deadline. */
  onTime: boolean | null;
}

/** The deadline of a stretch starting on `segmentStart` with `usedBefore` already spent. */
function deadlineOf(calendar: WorkCalendar, service: ServiceTime, segmentStart: string, usedBefore: number): string {
  const left = service.days - usedBefore;
  // Already over before this stretch began: late from its first day.
  if (left < 0) return previousDate(segmentStart);
  return addDays(calendar, service.unit, countingStart(calendar, service.unit, segmentStart), left);
}

/** "Terima berkas": starts the clock, or runs it again after a fix; a running clock is left as it is. */
export function startClock(
  record: ClockRecord | null,
  service: ServiceTime,
  today: string,
  calendar: WorkCalendar,
): ClockRecord {
  if (record?.state === "running" || record?.state === "stopped") return record;
  const usedBefore = record?.used ?? 0;
  const base = record ?? { ...service, startedOn: today };
  return {
    ...base,
    state: "running",
    segmentStart: today,
    usedBefore,
    deadline: deadlineOf(calendar, base, today, usedBefore),
    used: null,
    onTime: null,
  };
}

/** Days used up to `today` (frozen when paused or stopped). */
export function daysUsed(record: ClockRecord, today: string, calendar: WorkCalendar): number {
  if (record.state !== "running" || !record.segmentStart) return record.used ?? record.usedBefore;
  const from = countingStart(calendar, record.unit, record.segmentStart);
  return record.usedBefore + daysBetween(calendar, record.unit, from, today);
}

/** Sent back to the citizen: the clock stops counting until the office receives the file again. */
export function pauseClock(record: ClockRecord | null, today: string, calendar: WorkCalendar): ClockRecord | null {
  if (!record || record.state !== "running") return record;
  return { ...record, state: "paused", used: daysUsed(record, today, calendar), segmentStart: null, deadline: null };
}

/** The final decision (approved or rejected). A clock that never started stays absent. */
export function stopClock(record: ClockRecord | null, today: string, calendar: WorkCalendar): ClockRecord | null {
  if (!record || record.state === "stopped") return record;
  const used = daysUsed(record, today, calendar);
  // With the calendar as it is at the decision (the same one the stored deadline was last counted with).
  const onTime =
    record.state === "running" && record.segmentStart
      ? today <= deadlineOf(calendar, record, record.segmentStart, record.usedBefore)
      : used <= record.days;
  return { ...record, state: "stopped", used, onTime, segmentStart: null, deadline: null };
}

/** The same stretch with a changed calendar (an admin added a holiday): only the deadline moves. */
export function rescheduleClock(record: ClockRecord, calendar: WorkCalendar): ClockRecord {
  if (record.state !== "running" || !record.segmentStart) return record;
  return { ...record, deadline: deadlineOf(calendar, record, record.segmentStart, record.usedBefore) };
}

/** How many counted days before the deadline a running file is "hampir lewat". */
export const DUE_SOON_DAYS = 1;

export type ClockUrgency = "overdue" | "due-soon" | "ok";

export interface ClockView extends ServiceTime {
  state: ClockState;
  used: number;
  /** Days left before the deadline (0 on the deadline; negative: that many days late). */
  left: number;
  deadline: string | null;
  urgency: ClockUrgency | null;
  onTime: boolean | null;
}

/**
 * What the console, the phone and the public page show of a clock on `today`.
 *
 * A running clock's deadline is counted again here with the reader's
 * calendar rather than read from the record: when an admin changes the
 * calendar, the server moves every stored deadline (the queue's index reads
 * them), and a phone or the public page, which get the closed dates with
 * every pull or lookup, show the same new deadline without the file itself
 * being sent again.
 *
 * `left` is the counted days after today up to the deadline; once late, the
 * service time minus the days used (a clock that was already over when the
 * office received the fixed file is as late as the days it used say).
 */
export function viewClock(record: ClockRecord, today: string, calendar: WorkCalendar): ClockView {
  const used = daysUsed(record, today, calendar);
  const base = { days: record.days, unit: record.unit, state: record.state, used, onTime: record.onTime };
  if (record.state !== "running" || !record.segmentStart) {
    return { ...base, left: record.days - used, deadline: null, urgency: null };
  }
  const deadline = deadlineOf(calendar, record, record.segmentStart, record.usedBefore);
  const overdue = today > deadline;
  const left = overdue ? Math.min(record.days - used, 0) : daysBetween(calendar, record.unit, today, deadline);
  const urgency: ClockUrgency = overdue ? "overdue" : left <= DUE_SOON_DAYS ? "due-soon" : "ok";
  return { ...base, left, deadline, urgency };
}

/**
 * The latest deadline that is "hampir lewat" on `today`: a running file whose
 * deadline lies from today to this date is due soon, before today overdue.
 * The queue's filters are these two date comparisons on an indexed column.
 */
export function dueSoonUntil(today: string, unit: DayUnit, calendar: WorkCalendar): string {
  return addDays(calendar, unit, today, DUE_SOON_DAYS);
}

/** A guide's service time as the clock counts it. */
export function serviceTimeOf(guide: {
  serviceTime: { workingDays: number; unit?: DayUnit | undefined };
}): ServiceTime {
  return { days: guide.serviceTime.workingDays, unit: guide.serviceTime.unit ?? "working" };
}

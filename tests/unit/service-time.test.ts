import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jakartaDate } from "../../shared/jakarta-time";
import {
  addDays,
  buildCalendar,
  type ClosedDay,
  countingStart,
  type DayUnit,
  daysBetween,
  isDate,
  isWorkingDay,
  nextDate,
  previousDate,
  type WorkCalendar,
  weekday,
} from "../../shared/service-time/calendar";
import {
  type ClockRecord,
  daysUsed,
  dueSoonUntil,
  pauseClock,
  rescheduleClock,
  type ServiceTime,
  serviceTimeOf,
  startClock,
  stopClock,
  viewClock,
} from "../../shared/service-time/clock";
import { HOLIDAY_YEARS, shippedClosedDays } from "../../shared/service-time/holidays";
import {
  clockShortText,
  clockText,
  dayUnitText,
  formatJakartaDate,
  initialsOf,
  STATUS_AFTER_SUDAH,
} from "../../shared/service-time/words";

/**
 * Working-day arithmetic and the service-time clock (shared/service-time):
 * Jakarta dates, weekends, the shipped 2026 holidays and cuti bersama (SKB
 * 1497/2/5 of 2025), both settings of "cuti bersama counts as a working day",
 * year ends, leap years, pauses, receipts on closed days and time zones.
 * Expected dates are counted by hand on the 2026 calendar (weekdays noted).
 */

const SHIPPED = shippedClosedDays();
/** The office closed on cuti bersama (the default). */
const CLOSED = buildCalendar(SHIPPED, { jointLeaveIsWorkingDay: false });
/** The office counts cuti bersama as a working day. */
const OPEN = buildCalendar(SHIPPED, { jointLeaveIsWorkingDay: true });
const BARE = buildCalendar([], { jointLeaveIsWorkingDay: false });

const WORKING = (days: number): ServiceTime => ({ days, unit: "working" });

/** A clock received on `on` (Jakarta date). */
function received(service: ServiceTime, on: string, calendar: WorkCalendar = CLOSED): ClockRecord {
  return startClock(null, service, on, calendar);
}

describe("dates", () => {
  it("reads only real calendar dates, leap days included", () => {
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2024-02-29")).toBe(true);
    expect(isDate("2027-02-29")).toBe(false);
    expect(isDate("2100-02-29")).toBe(false);
    expect(isDate("2000-02-29")).toBe(true);
    expect(isDate("2026-13-01")).toBe(false);
    expect(isDate("2026-04-31")).toBe(false);
    expect(isDate("2026-1-01")).toBe(false);
    expect(isDate("")).toBe(false);
    expect(isDate("2026-12-0x")).toBe(false);
  });

  it("steps over month, year and leap-day ends", () => {
    expect(nextDate("2026-12-31")).toBe("2027-01-01");
    expect(previousDate("2027-01-01")).toBe("2026-12-31");
    expect(nextDate("2028-02-28")).toBe("2028-02-29");
    expect(nextDate("2028-02-29")).toBe("2028-03-01");
    expect(nextDate("2027-02-28")).toBe("2027-03-01");
    expect(previousDate("2028-03-01")).toBe("2028-02-29");
  });

  it("knows the weekday of a date without a time zone", () => {
    expect(weekday("2026-12-05")).toBe(6); // Saturday
    expect(weekday("2026-12-06")).toBe(0); // Sunday
    expect(weekday("2026-12-07")).toBe(1); // Monday
    expect(weekday("2028-02-29")).toBe(2); // Tuesday
  });
});

describe("working days", () => {
  it("skip the weekend: one working day after a Friday is the Monday", () => {
    expect(addDays(BARE, "working", "2026-12-04", 1)).toBe("2026-12-07");
    expect(daysBetween(BARE, "working", "2026-12-04", "2026-12-07")).toBe(1);
    // The weekend itself counts nothing.
    expect(daysBetween(BARE, "working", "2026-12-04", "2026-12-06")).toBe(0);
    expect(addDays(BARE, "working", "2026-12-07", 5)).toBe("2026-12-14");
  });

  it("skip national holidays: after Friday 14 August comes Tuesday 18 (17 August is Monday)", () => {
    expect(isWorkingDay(CLOSED, "2026-08-17")).toBe(false);
    expect(addDays(CLOSED, "working", "2026-08-14", 1)).toBe("2026-08-18");
    expect(daysBetween(CLOSED, "working", "2026-08-14", "2026-08-18")).toBe(1);
  });

  it("skip cuti bersama when the office is closed on it, and count it when the office counts it", () => {
    // Idulfitri 1447 H: Wed 18 (cuti, Nyepi) · Thu 19 Nyepi · Fri 20 cuti · Sat 21, Sun 22 Idulfitri · Mon 23, Tue 24 cuti.
    expect(addDays(CLOSED, "working", "2026-03-17", 1)).toBe("2026-03-25");
    expect(daysBetween(CLOSED, "working", "2026-03-17", "2026-03-25")).toBe(1);
    expect(addDays(OPEN, "working", "2026-03-17", 1)).toBe("2026-03-18");
    expect(addDays(OPEN, "working", "2026-03-17", 3)).toBe("2026-03-23");
    expect(daysBetween(OPEN, "working", "2026-03-17", "2026-03-25")).toBe(5);
    // A national holiday stays closed either way.
    expect(isWorkingDay(OPEN, "2026-03-19")).toBe(false);
  });

  it("cross the year end: 24 and 25 December, the weekend, then 1 January 2027", () => {
    expect(addDays(CLOSED, "working", "2026-12-23", 1)).toBe("2026-12-28");
    expect(addDays(CLOSED, "working", "2026-12-23", 5)).toBe("2027-01-04");
    expect(daysBetween(CLOSED, "working", "2026-12-23", "2027-01-04")).toBe(5);
    expect(addDays(OPEN, "working", "2026-12-23", 1)).toBe("2026-12-24");
  });

  it("count leap days as any other day", () => {
    expect(addDays(BARE, "working", "2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays(BARE, "calendar", "2028-02-28", 2)).toBe("2028-03-01");
    expect(daysBetween(BARE, "calendar", "2028-02-01", "2028-03-01")).toBe(29);
    expect(daysBetween(BARE, "calendar", "2027-02-01", "2027-03-01")).toBe(28);
    expect(daysBetween(BARE, "calendar", "2027-12-31", "2029-01-01")).toBe(367);
  });

  it("calendar days count weekends and holidays", () => {
    expect(addDays(CLOSED, "calendar", "2026-12-16", 14)).toBe("2026-12-30");
    expect(daysBetween(CLOSED, "calendar", "2026-12-23", "2027-01-04")).toBe(12);
  });

  it("count nothing backwards, and 0 days is the day itself", () => {
    expect(daysBetween(CLOSED, "working", "2026-12-10", "2026-12-01")).toBe(0);
    expect(daysBetween(CLOSED, "calendar", "2026-12-10", "2026-12-10")).toBe(0);
    expect(addDays(CLOSED, "working", "2026-12-05", 0)).toBe("2026-12-05");
  });

  it("start counting a stretch begun on a closed day from the next working day", () => {
    expect(countingStart(CLOSED, "working", "2026-12-05")).toBe("2026-12-07"); // Saturday → Monday
    expect(countingStart(CLOSED, "working", "2026-12-24")).toBe("2026-12-28"); // cuti, Christmas, weekend
    expect(countingStart(OPEN, "working", "2026-12-24")).toBe("2026-12-24");
    expect(countingStart(CLOSED, "working", "2026-12-07")).toBe("2026-12-07");
    expect(countingStart(CLOSED, "calendar", "2026-12-05")).toBe("2026-12-05");
  });
});

describe("the clock", () => {
  it("runs from receipt: 5 working days from Monday 7 December are due Monday 14", () => {
    const clock = received(WORKING(5), "2026-12-07");
    expect(clock).toMatchObject({ state: "running", startedOn: "2026-12-07", usedBefore: 0, deadline: "2026-12-14" });
    expect(viewClock(clock, "2026-12-07", CLOSED)).toMatchObject({ used: 0, left: 5, urgency: "ok" });
    expect(viewClock(clock, "2026-12-11", CLOSED)).toMatchObject({ used: 4, left: 1, urgency: "due-soon" });
    expect(viewClock(clock, "2026-12-14", CLOSED)).toMatchObject({ used: 5, left: 0, urgency: "due-soon" });
    expect(viewClock(clock, "2026-12-15", CLOSED)).toMatchObject({ used: 6, left: -1, urgency: "overdue" });
    expect(stopClock(clock, "2026-12-14", CLOSED)).toMatchObject({ state: "stopped", used: 5, onTime: true });
    expect(stopClock(clock, "2026-12-15", CLOSED)).toMatchObject({ state: "stopped", used: 6, onTime: false });
  });

  it("pauses while the file is back with the citizen and resumes at the next receipt, several times", () => {
    let clock: ClockRecord | null = received(WORKING(5), "2026-12-07");
    clock = pauseClock(clock, "2026-12-09", CLOSED); // Tue, Wed used
    expect(clock).toMatchObject({ state: "paused", used: 2, deadline: null, segmentStart: null });
    // A week with the citizen counts nothing.
    expect(viewClock(clock as ClockRecord, "2026-12-11", CLOSED)).toMatchObject({ used: 2, left: 3, urgency: null });
    clock = startClock(clock, WORKING(99), "2026-12-14", CLOSED);
    // The service time stays the one the clock started with; three days from Monday 14.
    expect(clock).toMatchObject({ state: "running", days: 5, usedBefore: 2, deadline: "2026-12-17" });
    clock = pauseClock(clock, "2026-12-15", CLOSED); // + Tue 15
    expect(clock).toMatchObject({ state: "paused", used: 3 });
    clock = startClock(clock, WORKING(5), "2026-12-21", CLOSED);
    expect(clock).toMatchObject({ usedBefore: 3, deadline: "2026-12-23" }); // Tue 22, Wed 23
    expect(viewClock(clock, "2026-12-22", CLOSED)).toMatchObject({ used: 4, left: 1, urgency: "due-soon" });
    expect(stopClock(clock, "2026-12-23", CLOSED)).toMatchObject({ used: 5, onTime: true });
    // Past Christmas: Mon 28 is the sixth day.
    expect(stopClock(clock, "2026-12-28", CLOSED)).toMatchObject({ used: 6, onTime: false });
  });

  it("leaves a running clock alone on a second receipt, and a stopped one on anything", () => {
    const clock = received(WORKING(5), "2026-12-07");
    expect(startClock(clock, WORKING(5), "2026-12-09", CLOSED)).toBe(clock);
    const stopped = stopClock(clock, "2026-12-09", CLOSED) as ClockRecord;
    expect(startClock(stopped, WORKING(5), "2026-12-10", CLOSED)).toBe(stopped);
    expect(pauseClock(stopped, "2026-12-10", CLOSED)).toBe(stopped);
    expect(stopClock(stopped, "2026-12-11", CLOSED)).toBe(stopped);
    expect(pauseClock(null, "2026-12-10", CLOSED)).toBeNull();
    expect(stopClock(null, "2026-12-10", CLOSED)).toBeNull();
  });

  it("decides a paused file (rejected while with the citizen) by the days it used", () => {
    const paused = pauseClock(received(WORKING(2), "2026-12-07"), "2026-12-08", CLOSED);
    expect(stopClock(paused, "2026-12-21", CLOSED)).toMatchObject({ state: "stopped", used: 1, onTime: true });
  });

  it("counts a file received on a Saturday from Monday: a same-day service decided Monday is on time", () => {
    const sameDay = received(WORKING(0), "2026-12-05");
    expect(sameDay.deadline).toBe("2026-12-07");
    expect(viewClock(sameDay, "2026-12-06", CLOSED)).toMatchObject({ used: 0, left: 1, urgency: "due-soon" });
    expect(stopClock(sameDay, "2026-12-07", CLOSED)).toMatchObject({ used: 0, onTime: true });
    expect(stopClock(sameDay, "2026-12-08", CLOSED)).toMatchObject({ used: 1, onTime: false });
    // One working day: as if received on Monday, due Tuesday.
    expect(received(WORKING(1), "2026-12-05").deadline).toBe("2026-12-08");
    expect(received(WORKING(1), "2026-12-04").deadline).toBe("2026-12-07");
  });

  it("counts a file received on a holiday from the next working day", () => {
    // Monday 17 August (Proklamasi): counted from Tuesday 18, two days due Thursday 20.
    const clock = received(WORKING(2), "2026-08-17");
    expect(clock.deadline).toBe("2026-08-20");
    expect(viewClock(clock, "2026-08-18", CLOSED)).toMatchObject({ used: 0, left: 2 });
    // Received on cuti bersama: closed or counted as the office decides.
    expect(received(WORKING(1), "2026-12-24", CLOSED).deadline).toBe("2026-12-29");
    expect(received(WORKING(1), "2026-12-24", OPEN).deadline).toBe("2026-12-28");
  });

  it("a same-day service received on a working day is due that day", () => {
    const clock = received(WORKING(0), "2026-12-08");
    expect(clock.deadline).toBe("2026-12-08");
    expect(viewClock(clock, "2026-12-08", CLOSED)).toMatchObject({ used: 0, left: 0, urgency: "due-soon" });
    expect(viewClock(clock, "2026-12-09", CLOSED)).toMatchObject({ used: 1, left: -1, urgency: "overdue" });
    expect(stopClock(clock, "2026-12-08", CLOSED)).toMatchObject({ used: 0, onTime: true });
  });

  it("counts calendar days through weekends and holidays, from the receipt itself", () => {
    const service: ServiceTime = { days: 14, unit: "calendar" };
    const clock = received(service, "2026-12-19"); // a Saturday
    expect(clock.deadline).toBe("2027-01-02");
    expect(viewClock(clock, "2026-12-25", CLOSED)).toMatchObject({ used: 6, left: 8 });
    const paused = pauseClock(clock, "2026-12-26", CLOSED);
    expect(paused).toMatchObject({ used: 7 });
    expect(startClock(paused, service, "2027-01-10", CLOSED).deadline).toBe("2027-01-17");
  });

  it("a clock already over its time when the office receives the fixed file is late from that day", () => {
    // 3 working days; with the citizen after 5 (Tue 8 … Mon 14).
    const paused = pauseClock(received(WORKING(3), "2026-12-07"), "2026-12-14", CLOSED) as ClockRecord;
    expect(paused.used).toBe(5);
    const resumed = startClock(paused, WORKING(3), "2026-12-16", CLOSED);
    expect(resumed.deadline).toBe("2026-12-15");
    expect(viewClock(resumed, "2026-12-16", CLOSED)).toMatchObject({ used: 5, left: -2, urgency: "overdue" });
    expect(viewClock(resumed, "2026-12-17", CLOSED)).toMatchObject({ used: 6, left: -3, urgency: "overdue" });
    expect(stopClock(resumed, "2026-12-16", CLOSED)).toMatchObject({ used: 5, onTime: false });
    expect(clockShortText(viewClock(resumed, "2026-12-16", CLOSED), "id")).toBe("Lewat 2 hari kerja");
  });

  it("a clock exactly at its time when received again may still be decided that day", () => {
    const paused = pauseClock(received(WORKING(3), "2026-12-07"), "2026-12-10", CLOSED) as ClockRecord;
    expect(paused.used).toBe(3);
    const resumed = startClock(paused, WORKING(3), "2026-12-14", CLOSED);
    expect(resumed.deadline).toBe("2026-12-14");
    expect(stopClock(resumed, "2026-12-14", CLOSED)).toMatchObject({ used: 3, onTime: true });
    expect(stopClock(resumed, "2026-12-15", CLOSED)).toMatchObject({ used: 4, onTime: false });
  });

  it("moves only the deadline when the calendar changes", () => {
    // Tue 22 December, 3 days: Wed 23, Mon 28, Tue 29 (24–27 closed).
    const clock = received(WORKING(3), "2026-12-22", CLOSED);
    expect(clock.deadline).toBe("2026-12-29");
    // The office counts cuti bersama: Wed 23, Thu 24, Mon 28.
    expect(rescheduleClock(clock, OPEN)).toEqual({ ...clock, deadline: "2026-12-28" });
    // An office closure on Monday 28 pushes it a day further.
    const closure = buildCalendar([...SHIPPED, { date: "2026-12-28", kind: "closure" }], {
      jointLeaveIsWorkingDay: false,
    });
    expect(rescheduleClock(clock, closure).deadline).toBe("2026-12-30");
    const paused = pauseClock(clock, "2026-12-23", CLOSED) as ClockRecord;
    expect(rescheduleClock(paused, OPEN)).toBe(paused);
  });

  it("shows a running clock's deadline as the reader's calendar counts it (a phone with newer closed dates)", () => {
    const clock = received(WORKING(3), "2026-12-22", CLOSED);
    expect(viewClock(clock, "2026-12-23", OPEN)).toMatchObject({ deadline: "2026-12-28", used: 1, left: 2 });
    expect(viewClock(clock, "2026-12-23", CLOSED)).toMatchObject({ deadline: "2026-12-29", used: 1, left: 2 });
  });

  it("is due soon from one counted day before the deadline", () => {
    expect(dueSoonUntil("2026-12-04", "working", CLOSED)).toBe("2026-12-07");
    expect(dueSoonUntil("2026-12-23", "working", CLOSED)).toBe("2026-12-28");
    expect(dueSoonUntil("2026-12-23", "calendar", CLOSED)).toBe("2026-12-24");
  });

  it("reads a guide's service time, working days unless it says calendar days", () => {
    expect(serviceTimeOf({ serviceTime: { workingDays: 5 } })).toEqual({ days: 5, unit: "working" });
    expect(serviceTimeOf({ serviceTime: { workingDays: 14, unit: "calendar" } })).toEqual({
      days: 14,
      unit: "calendar",
    });
  });
});

describe("Jakarta days", () => {
  it("23:30 and 00:30 WIB are two dates whatever the server's clock says", () => {
    const lateMonday = new Date("2026-12-07T16:30:00Z"); // 23:30 WIB Monday
    const earlyTuesday = new Date("2026-12-07T17:30:00Z"); // 00:30 WIB Tuesday
    expect(jakartaDate(lateMonday)).toBe("2026-12-07");
    expect(jakartaDate(earlyTuesday)).toBe("2026-12-08");
    expect(jakartaDate(new Date("2026-12-07T16:59:59.999Z"))).toBe("2026-12-07");
    expect(jakartaDate(new Date("2026-12-07T17:00:00.000Z"))).toBe("2026-12-08");
    // Three working days: from Monday due Thursday, from Tuesday due Friday.
    expect(received(WORKING(3), jakartaDate(lateMonday)).deadline).toBe("2026-12-10");
    expect(received(WORKING(3), jakartaDate(earlyTuesday)).deadline).toBe("2026-12-11");
  });

  it("a receipt at 00:30 WIB on Saturday is a Saturday receipt, counted from Monday", () => {
    const friday = received(WORKING(1), jakartaDate(new Date("2026-12-04T16:30:00Z")));
    const saturday = received(WORKING(1), jakartaDate(new Date("2026-12-04T17:30:00Z")));
    expect(friday).toMatchObject({ startedOn: "2026-12-04", deadline: "2026-12-07" });
    expect(saturday).toMatchObject({ startedOn: "2026-12-05", deadline: "2026-12-08" });
  });

  it("the year turns at midnight in Jakarta, seven hours before UTC", () => {
    expect(jakartaDate(new Date("2026-12-31T16:59:00Z"))).toBe("2026-12-31");
    expect(jakartaDate(new Date("2026-12-31T17:01:00Z"))).toBe("2027-01-01");
  });
});

describe("the shipped holiday table", () => {
  const year2026 = HOLIDAY_YEARS.find((year) => year.year === 2026);

  it("holds 2026's 17 national holiday days and 8 cuti bersama, each with the decree", () => {
    expect(year2026?.complete).toBe(true);
    const days = SHIPPED.filter((day) => day.date.startsWith("2026-"));
    const holidays = days.filter((day) => day.kind === "holiday");
    const jointLeave = days.filter((day) => day.kind === "joint-leave");
    // Idulfitri's two days (21 and 22 March) are two entries.
    expect(holidays).toHaveLength(17);
    expect(holidays.filter((day) => day.name === "Idulfitri 1447 H").map((day) => day.date)).toEqual([
      "2026-03-21",
      "2026-03-22",
    ]);
    expect(jointLeave.map((day) => day.date)).toEqual([
      "2026-02-16",
      "2026-03-18",
      "2026-03-20",
      "2026-03-23",
      "2026-03-24",
      "2026-05-15",
      "2026-05-28",
      "2026-12-24",
    ]);
    for (const day of days) {
      expect(day.source).toContain("Nomor 1497 Tahun 2025");
      expect(day.name.length).toBeGreaterThan(3);
    }
  });

  it("has real, unique dates, each in its own year", () => {
    const dates = SHIPPED.map((day) => day.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const year of HOLIDAY_YEARS) {
      for (const day of year.days) {
        expect(isDate(day.date), day.date).toBe(true);
        expect(day.date.startsWith(`${year.year}-`)).toBe(true);
      }
    }
  });

  it("marks 2027 as waiting for its decree", () => {
    const year2027 = HOLIDAY_YEARS.find((year) => year.year === 2027);
    expect(year2027?.complete).toBe(false);
    expect(year2027?.days.some((day) => day.kind === "joint-leave")).toBe(false);
  });
});

describe("the clock in words", () => {
  const clock = received(WORKING(5), "2026-12-07");

  it("writes dates with Intl for id-ID (en-GB in English)", () => {
    expect(formatJakartaDate("2026-12-09", "id")).toBe("Rabu, 9 Desember 2026");
    // ICU versions differ on the comma after an English weekday.
    expect(formatJakartaDate("2026-12-09", "en")).toMatch(/^Wednesday,? 9 December 2026$/);
    expect(formatJakartaDate("2027-01-01", "id", false)).toBe("1 Januari 2027");
  });

  it("says days left, days late, paused and decided", () => {
    expect(clockShortText(viewClock(clock, "2026-12-09", CLOSED), "id")).toBe("Sisa 3 hari kerja");
    expect(clockShortText(viewClock(clock, "2026-12-09", CLOSED), "en")).toBe("3 working days left");
    expect(clockShortText(viewClock(clock, "2026-12-16", CLOSED), "id")).toBe("Lewat 2 hari kerja");
    expect(clockShortText(viewClock(clock, "2026-12-15", CLOSED), "en")).toBe("1 working day late");
    // Late by date on a Saturday without a working day used past the time.
    const fridayDue = received(WORKING(4), "2026-12-07"); // due Fri 11
    expect(clockShortText(viewClock(fridayDue, "2026-12-12", CLOSED), "id")).toBe("Lewat batas waktu");
    const paused = pauseClock(clock, "2026-12-08", CLOSED) as ClockRecord;
    expect(clockShortText(viewClock(paused, "2026-12-10", CLOSED), "id")).toBe("Waktu dijeda");
    const onTime = stopClock(clock, "2026-12-10", CLOSED) as ClockRecord;
    expect(clockShortText(viewClock(onTime, "2026-12-20", CLOSED), "id")).toBe("Selesai tepat waktu");
    const late = stopClock(clock, "2026-12-21", CLOSED) as ClockRecord;
    expect(clockShortText(viewClock(late, "2026-12-21", CLOSED), "id")).toBe("Selesai melewati batas waktu");
    expect(dayUnitText(14, "calendar", "id")).toBe("14 hari kalender");
    expect(dayUnitText(1, "calendar", "en")).toBe("1 calendar day");
  });

  it("writes the full sentence with the deadline", () => {
    expect(clockText(viewClock(clock, "2026-12-09", CLOSED), "id")).toBe(
      "Sisa 3 hari kerja · 2 dari 5 hari kerja terpakai · batas Senin, 14 Desember 2026",
    );
    const paused = pauseClock(clock, "2026-12-08", CLOSED) as ClockRecord;
    expect(clockText(viewClock(paused, "2026-12-10", CLOSED), "id")).toBe(
      "Waktu layanan dijeda selama berkas diperbaiki warga (1 dari 5 hari kerja terpakai).",
    );
    const stopped = stopClock(clock, "2026-12-10", CLOSED) as ClockRecord;
    expect(clockText(viewClock(stopped, "2026-12-10", CLOSED), "id")).toBe(
      "Diputus dalam 3 hari kerja, tepat waktu (batas 5 hari kerja).",
    );
  });

  it("says 'Batas waktu hari ini' on the deadline day, and a same-day service without '0 dari 0'", () => {
    // Five working days from Monday 7 December: the deadline is Monday 14 December.
    expect(clockShortText(viewClock(clock, "2026-12-14", CLOSED), "id")).toBe("Batas waktu hari ini");
    expect(clockShortText(viewClock(clock, "2026-12-14", CLOSED), "en")).toBe("Due today");
    const sameDay = received(WORKING(0), "2026-12-07");
    const today = clockText(viewClock(sameDay, "2026-12-07", CLOSED), "id");
    expect(today).toBe("Batas waktu hari ini · layanan selesai di hari yang sama · batas Senin, 7 Desember 2026");
    expect(today).not.toContain("0 dari 0");
  });

  it("gives the neighbour's news as 'Berkas Anda nomor … sudah …' for every status the office can give", () => {
    for (const [status, words] of Object.entries(STATUS_AFTER_SUDAH)) {
      expect(words.id, status).toMatch(/^sudah /);
      expect(words.en, status).toMatch(/^has /);
    }
  });

  it("shows a name only as initials", () => {
    expect(initialsOf("Siti Wulandari")).toBe("S. W.");
    expect(initialsOf("  ratna sari  dewi ")).toBe("R. S. D.");
    expect(initialsOf("M. Yusuf bin Abdul-Rahman")).toBe("M. Y. B. A.");
    expect(initialsOf("123 456")).toBe("");
  });
});

// Properties, on random calendars: the shipped days plus up to 40 random closures, either setting.

const dayIndex = fc.integer({ min: 0, max: 4 * 366 });
const fromDay = (index: number) => addDays(BARE, "calendar", "2025-06-01", index);
const unit = fc.constantFrom<DayUnit>("working", "calendar");
const calendar = fc
  .record({
    extra: fc.array(dayIndex, { maxLength: 40 }),
    jointLeaveIsWorkingDay: fc.boolean(),
  })
  .map(({ extra, jointLeaveIsWorkingDay }) => {
    const days: Pick<ClosedDay, "date" | "kind">[] = [
      ...SHIPPED,
      ...extra.map((index) => ({ date: fromDay(index), kind: "closure" as const })),
    ];
    return buildCalendar(days, { jointLeaveIsWorkingDay });
  });

describe("properties", () => {
  it("addDays and daysBetween undo each other", () => {
    fc.assert(
      fc.property(calendar, unit, dayIndex, fc.integer({ min: 0, max: 60 }), (cal, u, start, n) => {
        const from = fromDay(start);
        const to = addDays(cal, u, from, n);
        expect(daysBetween(cal, u, from, to)).toBe(n);
        // A counted day is reached again from its count.
        if (n > 0) expect(u === "calendar" || isWorkingDay(cal, to)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(calendar, unit, dayIndex, fc.integer({ min: 0, max: 90 }), (cal, u, start, span) => {
        const from = fromDay(start);
        const to = addDays(BARE, "calendar", from, span);
        if (u === "working" && !isWorkingDay(cal, to)) return;
        expect(addDays(cal, u, from, daysBetween(cal, u, from, to))).toBe(span === 0 ? from : to);
      }),
    );
  });

  it("a running clock's days used and days left add up to its service time until it is late", () => {
    fc.assert(
      fc.property(
        calendar,
        unit,
        dayIndex,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        (cal, u, start, days, after) => {
          const clock = startClock(null, { days, unit: u }, fromDay(start), cal);
          // From the first day the clock counts (a receipt on a closed day counts from the next working day).
          const today = addDays(BARE, "calendar", countingStart(cal, u, fromDay(start)), after);
          const view = viewClock(clock, today, cal);
          if (view.urgency === "overdue") {
            expect(today > (clock.deadline ?? "")).toBe(true);
            expect(view.left).toBeLessThanOrEqual(0);
            return;
          }
          expect(view.used + view.left).toBe(days);
          expect(view.deadline).toBe(clock.deadline);
          expect(view.left).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("a pause never changes the days used while paused, and a resume picks up from them", () => {
    fc.assert(
      fc.property(
        calendar,
        unit,
        dayIndex,
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 8 }),
        (cal, u, start, days, gaps) => {
          let today = fromDay(start);
          let clock = startClock(null, { days, unit: u }, today, cal);
          for (const [index, gap] of gaps.entries()) {
            today = addDays(BARE, "calendar", today, gap);
            const running = clock.state === "running";
            const before = daysUsed(clock, today, cal);
            const next = running ? pauseClock(clock, today, cal) : startClock(clock, { days: 1, unit: u }, today, cal);
            if (!next) throw new Error("a started clock never vanishes");
            clock = next;
            expect(daysUsed(clock, today, cal)).toBe(before);
            if (clock.state === "paused") {
              // Viewed any day later, still the same.
              for (const later of [1, 7, 400]) {
                expect(viewClock(clock, addDays(BARE, "calendar", today, later + index), cal).used).toBe(before);
              }
            }
            expect(clock.days).toBe(days);
          }
        },
      ),
    );
  });

  it("closing one more day never brings a deadline earlier", () => {
    fc.assert(
      fc.property(calendar, dayIndex, dayIndex, fc.integer({ min: 0, max: 20 }), (cal, start, extra, days) => {
        const clock = startClock(null, { days, unit: "working" }, fromDay(start), cal);
        const more: WorkCalendar = { closed: new Set([...cal.closed, fromDay(extra)]) };
        const moved = rescheduleClock(clock, more);
        expect((moved.deadline ?? "") >= (clock.deadline ?? "")).toBe(true);
        expect(rescheduleClock(moved, cal)).toEqual(clock);
      }),
    );
  });
});

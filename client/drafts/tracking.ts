import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { jakartaDate } from "../../shared/jakarta-time";
import { buildCalendar, DEFAULT_CALENDAR_SETTINGS, type WorkCalendar } from "../../shared/service-time/calendar";
import { type ClockRecord, type ClockView, viewClock } from "../../shared/service-time/clock";
import { trackingPath } from "../../shared/tracking/number";
import { localDb } from "../db/local-db";
import { syncView } from "../sync/state";

/**
 * The tracking number and the clock as the cadre's phone shows them. The
 * server sends the clock's record and the office's closed dates; today's
 * view is counted here, so days left stay right offline for weeks.
 */

/** The public status page of a number, on this app's own origin: what the QR and the WhatsApp text carry. */
export function statusLink(number: string, origin: string): string {
  return `${origin}${trackingPath(number)}`;
}

/** The stored closed dates; anything unreadable counts as none (weekends still count). */
export function parseClosedDates(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((date): date is string => typeof date === "string") : [];
  } catch {
    return [];
  }
}

let cached: { closed: readonly string[]; calendar: WorkCalendar } | null = null;

/** The server already applied the office's setting on cuti bersama: every date it sends is closed. */
function calendarOf(closed: readonly string[]): WorkCalendar {
  if (cached?.closed !== closed) {
    cached = {
      closed,
      calendar: buildCalendar(
        closed.map((date) => ({ date, kind: "closure" as const })),
        DEFAULT_CALENDAR_SETTINGS,
      ),
    };
  }
  return cached.calendar;
}

/** Today's view of a clock (Jakarta date), or null while the office has not received the file. */
export function clockViewOf(
  clock: ClockRecord | null | undefined,
  closed: readonly string[],
  now: Date,
): ClockView | null {
  if (!clock) return null;
  return viewClock(clock, jakartaDate(now), calendarOf(closed));
}

const closedDates = signal<readonly string[]>([]);

/** The office's closed dates from the last pull, read again after every sync. */
export function useClosedDates(): readonly string[] {
  const syncs = syncView.value.lastSyncAt?.getTime() ?? 0;
  useEffect(() => {
    void localDb.meta.get("closedDates").then((row) => {
      const next = parseClosedDates(row?.value);
      if (next.join() !== closedDates.value.join()) closedDates.value = next;
    });
  }, [syncs]);
  return closedDates.value;
}

/**
 * Calendar dates as the office and the cadres live them: Jakarta time, UTC+7
 * all year (no daylight saving). The server's clock is UTC and a phone's
 * time zone may be anything: every "today" of the pre-check, on both sides,
 * every date range and file name goes through here, so they agree.
 */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's Jakarta date (YYYY-MM-DD): the pre-check's "today", and dates in file names. */
export function jakartaDate(now: Date): string {
  return new Date(now.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant (ISO UTC) of a Jakarta calendar date ("2026-03-01" → "2026-02-28T17:00:00.000Z"). */
export function jakartaDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - JAKARTA_OFFSET_MS).toISOString();
}

/** The first instant of the Jakarta day after `date`: the exclusive end of an inclusive "to". */
export function jakartaDayEnd(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - JAKARTA_OFFSET_MS + DAY_MS).toISOString();
}

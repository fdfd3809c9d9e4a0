/**
 * When a complaint's event may have happened (issue 14): not after tomorrow
 * (a phone's clock a little ahead of Jakarta's is allowed for) and not more
 * than two years before today. Older reports are not lost to the citizen,
 * they go to the office in person; a date that far back is almost always a
 * mistyped year. The server refuses with 400 invalid_body naming happenedOn;
 * the phone's form says so before anything is queued.
 */

export const HAPPENED_ON_MAX_YEARS = 2;

export type HappenedOnProblem = "future" | "too-old";

/** `YYYY-MM-DD` shifted by whole days (UTC arithmetic on a date without a time). */
function shiftDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The same day `years` earlier; 29 February falls back to 28 February. */
function yearsBefore(date: string, years: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year - years, month - 1, day));
  // 29 Feb in a year without one rolls into March: step back to the last day of February.
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The earliest date allowed when today (Jakarta) is `today`. */
export function earliestHappenedOn(today: string): string {
  return yearsBefore(today, HAPPENED_ON_MAX_YEARS);
}

/** The latest date allowed: tomorrow, for a phone's clock a little ahead. */
export function latestHappenedOn(today: string): string {
  return shiftDays(today, 1);
}

/** What is wrong with `date` (a valid `YYYY-MM-DD`) given Jakarta's `today`, or null. */
export function happenedOnProblem(date: string, today: string): HappenedOnProblem | null {
  if (date > latestHappenedOn(today)) return "future";
  if (date < earliestHappenedOn(today)) return "too-old";
  return null;
}

/**
 * Durations (draft → submission, submission → first verdict) are kept as a
 * histogram in dashboard_durations, because a median cannot be summed across
 * days, kecamatan or services but a histogram can.
 *
 * Precision: each duration is rounded (half away from zero) to its bucket
 * before it is counted — to the minute under 1 hour, 5 minutes under 3 hours,
 * 15 minutes under 12 hours, 1 hour under 48 hours, 3 hours under 14 days, then
 * to the day. That is within about 4 % of the true value (30 s under an hour),
 * finer than the console shows it (minutes, tenths of an hour, tenths of a
 * day: client/console/format.ts). The median is then exact over the rounded
 * values: the middle one, or the mean of the middle two.
 *
 * The same buckets are written in SQL by the triggers of migration
 * 0009_dashboard_rollups; this is the JavaScript twin the recount (scan.ts)
 * uses, so the property test compares like with like.
 */
const MINUTE = 60_000;

const WIDTHS: [below: number, width: number][] = [
  [60 * MINUTE, MINUTE],
  [180 * MINUTE, 5 * MINUTE],
  [720 * MINUTE, 15 * MINUTE],
  [2_880 * MINUTE, 60 * MINUTE],
  [20_160 * MINUTE, 180 * MINUTE],
];
const LAST_WIDTH = 1_440 * MINUTE;

/** A duration in whole milliseconds, as its bucket: whole minutes, signed (a phone's clock may be ahead). */
export function bucketMinutes(ms: number): number {
  const size = Math.abs(ms);
  const width = WIDTHS.find(([below]) => size < below)?.[1] ?? LAST_WIDTH;
  // Integer division as SQLite does it: (size + width / 2) / width, truncated.
  const rounded = Math.trunc((size + width / 2) / width) * (width / MINUTE);
  return ms < 0 ? -rounded : rounded;
}

/** The median of a histogram given in ascending order of minutes, in hours to the hundredth. */
export function histogramMedianHours(buckets: readonly (readonly [minutes: number, count: number])[]): number | null {
  let total = 0;
  for (const [, count] of buckets) total += count;
  if (total === 0) return null;
  // 0-based ranks of the middle value(s).
  const lowRank = (total - 1) >> 1;
  const highRank = total >> 1;
  let low: number | undefined;
  let seen = 0;
  for (const [minutes, count] of buckets) {
    seen += count;
    if (low === undefined && seen > lowRank) low = minutes;
    if (seen > highRank) return hours(((low ?? minutes) + minutes) / 2);
  }
  return null;
}

/** Minutes as hours, rounded to hundredths (the same rounding the recount applies). */
export function hours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

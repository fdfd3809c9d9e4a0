/**
 * A range of Jakarta days as the fewest rollup periods: whole months as month
 * rows, the ragged ends as day rows, no range at all as the all-time row. A
 * year's dashboard then reads 12 month rows per group and at most ~60 day
 * rows, however many files were submitted.
 */
export type Grain = "a" | "m" | "d";

/** Rows of one grain whose period lies in [lo, hi] (strings compare as dates: YYYY-MM or YYYY-MM-DD). */
export type Segment = [grain: Grain, lo: string, hi: string];

const EARLIEST = "0000-01-01";
const LATEST = "9999-12-31";

function monthOf(day: string): string {
  return day.slice(0, 7);
}

function shiftMonth(month: string, by: number): string {
  const [year = 0, index = 1] = month.split("-").map(Number);
  const total = year * 12 + (index - 1) + by;
  return `${String(Math.floor(total / 12)).padStart(4, "0")}-${String((total % 12) + 1).padStart(2, "0")}`;
}

function isLastDayOfMonth(day: string): boolean {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === date;
}

/** Inclusive Jakarta dates (either end may be open) as segments; no range at all is the all-time row. */
export function periodSegments(fromDay?: string, toDay?: string): Segment[] {
  if (fromDay === undefined && toDay === undefined) return [["a", "", ""]];
  const from = fromDay ?? EARLIEST;
  const to = toDay ?? LATEST;
  if (from > to) return [];
  const firstWhole = from.endsWith("-01") ? monthOf(from) : shiftMonth(monthOf(from), 1);
  const lastWhole = isLastDayOfMonth(to) ? monthOf(to) : shiftMonth(monthOf(to), -1);
  if (firstWhole > lastWhole) return [["d", from, to]];
  const segments: Segment[] = [["m", firstWhole, lastWhole]];
  // Day strings of one month all sort between YYYY-MM-01 and YYYY-MM-31, whatever its length.
  if (monthOf(from) !== firstWhole) segments.push(["d", from, `${monthOf(from)}-31`]);
  if (monthOf(to) !== lastWhole) segments.push(["d", `${monthOf(to)}-01`, to]);
  return segments;
}

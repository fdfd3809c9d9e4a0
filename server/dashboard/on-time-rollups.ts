import type { Db } from "../db/open";
import type { DashboardFilter } from "./filter";
import { addTo, histogramKey, type OnTimeHistograms, type Unit } from "./on-time";
import { periodSegments, type Segment } from "./periods";
import { prepared } from "./statements";

/**
 * The on-time histograms from dashboard_clock, which the triggers of migration
 * 0011 keep in the same transaction as every change to a file. The date range
 * is on the Jakarta day of the final decision; no range reads every month row.
 * Segments drive the loop (CROSS JOIN keeps json_each outside), each one range
 * of the primary key (grain, kecamatan, period): a few thousand rows at most,
 * never the files (asserted with EXPLAIN QUERY PLAN in the tests).
 */
function clockSql(oneService: boolean): string {
  // Rows as stored, summed in JavaScript (addTo): no temporary B-tree for a GROUP BY over thousands of rows.
  return `SELECT c.guide, substr(c.period, 1, 7), c.unit, c.used, c.files, c.on_time
  FROM json_each(@segments) s CROSS JOIN dashboard_clock c
  WHERE c.grain = s.value ->> 0 AND c.kecamatan = @kecamatan
    AND c.period BETWEEN s.value ->> 1 AND s.value ->> 2${oneService ? " AND c.guide = @guide" : ""}
    AND c.files <> 0`;
}

/** The rollup's segments for a range: whole months as month rows, ragged ends as days; no range, every month. */
export function clockSegments(fromDay?: string, toDay?: string): Segment[] {
  const segments = periodSegments(fromDay, toDay);
  return segments.map((segment) => (segment[0] === "a" ? ["m", "0000-01", "9999-12"] : segment));
}

export function rollupOnTime(db: Db, filter: DashboardFilter): OnTimeHistograms {
  const histograms: OnTimeHistograms = new Map();
  if (filter.kecamatanCode === "none") return histograms;
  const segments = clockSegments(filter.fromDay, filter.toDay);
  if (segments.length === 0) return histograms;
  const oneService = filter.guideId !== undefined;
  const params = {
    segments: JSON.stringify(segments),
    kecamatan: filter.kecamatanCode ?? "*",
    ...(oneService ? { guide: filter.guideId } : {}),
  };
  for (const raw of prepared(db, clockSql(oneService)).raw(true).all(params)) {
    const [guide, month, unit, used, files, onTime] = raw as [string, string, Unit, number, number, number];
    addTo(histograms, histogramKey(guide, month, unit), used, files, onTime);
  }
  return histograms;
}

/** The SQL the dashboard runs, for EXPLAIN QUERY PLAN in the tests. */
export const ON_TIME_SQL = { all: clockSql(false), oneService: clockSql(true) };

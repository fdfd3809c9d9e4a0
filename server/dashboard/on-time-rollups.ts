import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { jsonArrayRows } from "../db/sql-fns";
import type { DashboardFilter } from "./filter";
import { addTo, histogramKey, type OnTimeHistograms, type Unit } from "./on-time";
import { periodSegments, type Segment } from "./periods";

/**
 * The on-time histograms from dashboard_clock, which the triggers of migration
 * 0011 keep in the same transaction as every change to a file. The date range
 * is on the Jakarta day of the final decision; no range reads every month row.
 * Segments drive the loop (CROSS JOIN keeps json_each outside), each one range
 * of the primary key (grain, kecamatan, period): a few thousand rows at most,
 * never the files (asserted with EXPLAIN QUERY PLAN in the tests).
 */
function clockSql(segments: Segment[], kecamatan: string, guide: string | undefined): SQL {
  // Rows as stored, summed in JavaScript (addTo): no temporary B-tree for a GROUP BY over thousands of rows.
  return sql`SELECT c.guide AS guide, substr(c.period, 1, 7) AS month, c.unit AS unit, c.used AS used,
         c.files AS files, c.on_time AS "onTime"
  FROM ${jsonArrayRows(JSON.stringify(segments), "s")} CROSS JOIN dashboard_clock c
  WHERE c.grain = s.value ->> 0 AND c.kecamatan = ${kecamatan}
    AND c.period BETWEEN s.value ->> 1 AND s.value ->> 2${guide !== undefined ? sql` AND c.guide = ${guide}` : sql``}
    AND c.files <> 0`;
}

/** The rollup's segments for a range: whole months as month rows, ragged ends as days; no range, every month. */
export function clockSegments(fromDay?: string, toDay?: string): Segment[] {
  const segments = periodSegments(fromDay, toDay);
  return segments.map((segment) => (segment[0] === "a" ? ["m", "0000-01", "9999-12"] : segment));
}

/** The SQL the dashboard runs for a filter (EXPLAIN QUERY PLAN in the tests); null when it reads nothing. */
export function onTimeSql(filter: DashboardFilter): SQL | null {
  if (filter.kecamatanCode === "none") return null;
  const segments = clockSegments(filter.fromDay, filter.toDay);
  if (segments.length === 0) return null;
  return clockSql(segments, filter.kecamatanCode ?? "*", filter.guideId);
}

export async function rollupOnTime(db: Db, filter: DashboardFilter): Promise<OnTimeHistograms> {
  const histograms: OnTimeHistograms = new Map();
  const query = onTimeSql(filter);
  if (!query) return histograms;
  type Row = { guide: string; month: string; unit: Unit; used: number; files: number; onTime: number };
  for (const row of await rawAll<Row>(db, query)) {
    addTo(histograms, histogramKey(row.guide, row.month, row.unit), row.used, row.files, row.onTime);
  }
  return histograms;
}

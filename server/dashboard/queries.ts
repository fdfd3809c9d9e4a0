import type { GroupFigures, ReasonCount } from "../../shared/api/console";
import type { Db } from "../db/open";
import { applicationsWhere, type DashboardFilter, findingsWhere } from "./filter";
import { prepared } from "./statements";

/**
 * The dashboard's figures, one query each so the benchmark can time them one
 * by one. Every query reads only columns of the dashboard index
 * (applications_dashboard_idx), never the row with its content JSON.
 */

/**
 * Pinned to the covering index: otherwise SQLite picks the status or cadre
 * index to save a GROUP BY sort and then reads a million rows with their
 * content, ten times slower.
 */
const APPLICATIONS = "applications a INDEXED BY applications_dashboard_idx";

/** Current status → count, of applications submitted at least once. */
export function statusCounts(db: Db, filter: DashboardFilter): Record<string, number> {
  const where = applicationsWhere(filter);
  const rows = prepared(
    db,
    `SELECT a.status AS status, COUNT(*) AS n FROM ${APPLICATIONS}
     WHERE ${where.sql} AND a.status <> 'draft' GROUP BY a.status ORDER BY a.status`,
  ).all(where.params) as { status: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

export interface Rates {
  submitted: number;
  firstPassRate: number | null;
  sentBackOrRejectedRate: number | null;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function rates(db: Db, filter: DashboardFilter): Rates {
  const where = applicationsWhere(filter);
  const row = prepared(
    db,
    `SELECT COUNT(*) AS submitted,
            COALESCE(SUM(a.precheck_failures = 0), 0) AS firstPass,
            COALESCE(SUM(a.sent_back_count > 0 OR a.status = 'rejected'), 0) AS sentBackOrRejected
     FROM ${APPLICATIONS} WHERE ${where.sql}`,
  ).get(where.params) as { submitted: number; firstPass: number; sentBackOrRejected: number };
  return {
    submitted: row.submitted,
    firstPassRate: share(row.firstPass, row.submitted),
    sentBackOrRejectedRate: share(row.sentBackOrRejected, row.submitted),
  };
}

/**
 * The true median, in hours, of `later - earlier` over the filtered rows
 * where both are set (SQLite has no MEDIAN): count, then sort and take the
 * middle one (odd) or the mean of the middle two (even). julianday reads ISO
 * timestamps with or without milliseconds or an offset.
 */
function medianHours(db: Db, filter: DashboardFilter, earlier: string, later: string): number | null {
  const where = applicationsWhere(filter);
  const row = prepared(
    db,
    `WITH d AS MATERIALIZED (
       SELECT (julianday(a.${later}) - julianday(a.${earlier})) * 24.0 AS h FROM ${APPLICATIONS}
       WHERE ${where.sql} AND a.${earlier} IS NOT NULL AND a.${later} IS NOT NULL
     ), n AS (SELECT COUNT(*) AS n FROM d)
     SELECT AVG(h) AS median, (SELECT n FROM n) AS n FROM (
       SELECT h FROM d ORDER BY h
       LIMIT 2 - (SELECT n FROM n) % 2 OFFSET ((SELECT n FROM n) - 1) / 2
     )`,
  ).get(where.params) as { median: number | null; n: number };
  return row.n === 0 || row.median === null ? null : Math.round(row.median * 100) / 100;
}

export function medianDraftToSubmitHours(db: Db, filter: DashboardFilter): number | null {
  return medianHours(db, filter, "draft_created_at", "first_submitted_at");
}

export function medianSubmitToVerdictHours(db: Db, filter: DashboardFilter): number | null {
  return medianHours(db, filter, "first_submitted_at", "first_decision_at");
}

export const REASONS_PER_SERVICE = 10;

/**
 * The office's reasons (review_findings) for applications in the filter,
 * grouped by service, decision, reason and requirement: the ten most frequent
 * of each service, most frequent first. Titles are filled in by the caller.
 *
 * Findings carry their application's kecamatan and service, so without a
 * date range they are counted on their own; a date range (on the first
 * submission) joins their applications. Either way a reason the office gave
 * still counts if the cadre deleted the file afterwards: it was given.
 */
export function topReasons(db: Db, filter: DashboardFilter): Omit<ReasonCount, "guideTitle">[] {
  const dated = filter.fromIso !== undefined || filter.toIso !== undefined;
  const where = dated ? applicationsWhere(filter, { includeDeleted: true }) : findingsWhere(filter);
  const source = dated ? `review_findings f JOIN ${APPLICATIONS} ON a.id = f.application_id` : "review_findings f";
  return prepared(
    db,
    `SELECT guideId, decision, reasonCode, requirementId, count FROM (
       SELECT f.guide_id AS guideId, f.decision AS decision, f.reason_code AS reasonCode,
              f.requirement_id AS requirementId, COUNT(*) AS count,
              ROW_NUMBER() OVER (PARTITION BY f.guide_id ORDER BY COUNT(*) DESC, f.decision, f.reason_code,
                                 f.requirement_id) AS rank
       FROM ${source}
       WHERE ${where.sql}
       GROUP BY f.guide_id, f.decision, f.reason_code, f.requirement_id
     ) WHERE rank <= ${REASONS_PER_SERVICE}
     ORDER BY count DESC, guideId, decision, reasonCode, requirementId`,
  ).all(where.params) as Omit<ReasonCount, "guideTitle">[];
}

export type GroupColumn = "guide_id" | "village_code" | "cadre_id";

export type GroupRow = Omit<GroupFigures, "label"> & { displayName: string | null };

/**
 * Figures per service, kelurahan or cadre. `verified` counts files the office
 * has checked and found complete, whether or not they are approved since.
 */
export function groupFigures(db: Db, filter: DashboardFilter, column: GroupColumn): GroupRow[] {
  const where = applicationsWhere(filter);
  const rows = prepared(
    db,
    `SELECT g.*, ${column === "cadre_id" ? "u.display_name" : "NULL"} AS displayName FROM (
       SELECT COALESCE(a.${column}, '') AS key, COUNT(*) AS submitted,
              SUM(a.precheck_failures = 0) AS firstPass,
              SUM(a.sent_back_count > 0 OR a.status = 'rejected') AS sentBackOrRejected,
              SUM(a.status IN ('verified', 'approved')) AS verified,
              SUM(a.status = 'needs-fix') AS needsFix,
              SUM(a.status = 'rejected') AS rejected
       FROM ${APPLICATIONS} WHERE ${where.sql} GROUP BY a.${column}
     ) g ${column === "cadre_id" ? "LEFT JOIN users u ON u.id = g.key" : ""}
     ORDER BY g.submitted DESC, g.key`,
  ).all(where.params) as {
    key: string;
    submitted: number;
    firstPass: number;
    sentBackOrRejected: number;
    verified: number;
    needsFix: number;
    rejected: number;
    displayName: string | null;
  }[];
  return rows.map((row) => ({
    key: row.key,
    displayName: row.displayName,
    submitted: row.submitted,
    firstPassRate: share(row.firstPass, row.submitted),
    sentBackOrRejectedRate: share(row.sentBackOrRejected, row.submitted),
    verified: row.verified,
    needsFix: row.needsFix,
    rejected: row.rejected,
  }));
}

/** Service titles in one language, for labels (the catalogue is small). */
export function guideTitles(db: Db, locale: "id" | "en"): Map<string, string> {
  const rows = prepared(db, "SELECT id, json_extract(data, '$.title.' || @locale) AS title FROM guides").all({
    locale,
  }) as { id: string; title: string | null }[];
  return new Map(rows.map((row) => [row.id, row.title ?? row.id]));
}

import type { ReasonCount } from "../../shared/api/console";
import type { Db } from "../db/open";
import { applicationsWhere, type DashboardFilter, findingsWhere } from "./filter";
import { prepared } from "./statements";

/** The dashboard's top reasons and the service titles; everything else comes from one scan (scan.ts). */

const APPLICATIONS = "applications a INDEXED BY applications_dashboard_idx";

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

/** Service titles in one language, for labels (the catalogue is small). */
export function guideTitles(db: Db, locale: "id" | "en"): Map<string, string> {
  const rows = prepared(db, "SELECT id, json_extract(data, '$.title.' || @locale) AS title FROM guides").all({
    locale,
  }) as { id: string; title: string | null }[];
  return new Map(rows.map((row) => [row.id, row.title ?? row.id]));
}

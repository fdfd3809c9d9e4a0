import type { ReasonCount } from "../../shared/api/console";
import type { Db } from "../db/open";
import { type DashboardFilter, findingsWhere } from "./filter";
import { prepared } from "./statements";

/** The recount of the dashboard's top reasons from the findings (rollups.ts reads them from dashboard_reasons), and the service titles. */

const APPLICATIONS = "applications a INDEXED BY applications_dashboard_idx";

export const REASONS_PER_SERVICE = 10;

/**
 * The office's reasons (review_findings) for applications in the filter,
 * grouped by service, decision, reason and requirement: the ten most frequent
 * of each service, most frequent first. Titles are filled in by the caller.
 *
 * A finding counts for the kecamatan and service it was given in (its own
 * copies of them: a file resubmitted to another office keeps the first
 * office's reasons there); a date range (on the file's first submission)
 * joins its application for that date. Either way a reason the office gave
 * still counts if the cadre deleted the file afterwards: it was given.
 */
export function topReasons(db: Db, filter: DashboardFilter): Omit<ReasonCount, "guideTitle">[] {
  const dated = filter.fromIso !== undefined || filter.toIso !== undefined;
  const where = findingsWhere(filter);
  const conditions = [where.sql];
  const params: Record<string, string> = { ...where.params };
  if (filter.fromIso !== undefined) {
    conditions.push("a.first_submitted_at >= @from");
    params.from = filter.fromIso;
  }
  if (filter.toIso !== undefined) {
    conditions.push("a.first_submitted_at < @to");
    params.to = filter.toIso;
  }
  const source = dated ? `review_findings f JOIN ${APPLICATIONS} ON a.id = f.application_id` : "review_findings f";
  return prepared(
    db,
    `SELECT guideId, decision, reasonCode, requirementId, count FROM (
       SELECT f.guide_id AS guideId, f.decision AS decision, f.reason_code AS reasonCode,
              f.requirement_id AS requirementId, COUNT(*) AS count,
              ROW_NUMBER() OVER (PARTITION BY f.guide_id ORDER BY COUNT(*) DESC, f.decision, f.reason_code,
                                 f.requirement_id) AS rank
       FROM ${source}
       WHERE ${conditions.join(" AND ")}
       GROUP BY f.guide_id, f.decision, f.reason_code, f.requirement_id
     ) WHERE rank <= ${REASONS_PER_SERVICE}
     ORDER BY count DESC, guideId, decision, reasonCode, requirementId`,
  ).all(params) as Omit<ReasonCount, "guideTitle">[];
}

/** Service titles in one language, for labels (the catalogue is small). */
export function guideTitles(db: Db, locale: "id" | "en"): Map<string, string> {
  const rows = prepared(db, "SELECT id, json_extract(data, '$.title.' || @locale) AS title FROM guides").all({
    locale,
  }) as { id: string; title: string | null }[];
  return new Map(rows.map((row) => [row.id, row.title ?? row.id]));
}

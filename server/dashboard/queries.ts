import { sql } from "drizzle-orm";
import type { ReasonCount } from "../../shared/api/console";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { indexedBy, jsonTextAtKey } from "../db/sql-fns";
import { type DashboardFilter, findingsWhere } from "./filter";

/** The recount of the dashboard's top reasons from the findings (rollups.ts reads them from dashboard_reasons), and the service titles. */

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
export async function topReasons(db: Db, filter: DashboardFilter): Promise<Omit<ReasonCount, "guideTitle">[]> {
  const dated = filter.fromIso !== undefined || filter.toIso !== undefined;
  const conditions = [findingsWhere(filter)];
  if (filter.fromIso !== undefined) conditions.push(sql`a.first_submitted_at >= ${filter.fromIso}`);
  if (filter.toIso !== undefined) conditions.push(sql`a.first_submitted_at < ${filter.toIso}`);
  const source = dated
    ? sql`review_findings f JOIN ${indexedBy("applications a", "applications_dashboard_idx")} ON a.id = f.application_id`
    : sql`review_findings f`;
  return rawAll<Omit<ReasonCount, "guideTitle">>(
    db,
    sql`SELECT "guideId", decision, "reasonCode", "requirementId", count FROM (
       SELECT f.guide_id AS "guideId", f.decision AS decision, f.reason_code AS "reasonCode",
              f.requirement_id AS "requirementId", COUNT(*) AS count,
              ROW_NUMBER() OVER (PARTITION BY f.guide_id ORDER BY COUNT(*) DESC, f.decision, f.reason_code,
                                 f.requirement_id) AS rank
       FROM ${source}
       WHERE ${sql.join(conditions, sql` AND `)}
       GROUP BY f.guide_id, f.decision, f.reason_code, f.requirement_id
     ) ranked WHERE rank <= ${sql.raw(String(REASONS_PER_SERVICE))}
     ORDER BY count DESC, "guideId", decision, "reasonCode", "requirementId"`,
  );
}

/** Service titles in one language, for labels (the catalogue is small). */
export async function guideTitles(db: Db, locale: "id" | "en"): Promise<Map<string, string>> {
  const rows = await rawAll<{ id: string; title: string | null }>(
    db,
    sql`SELECT id, ${jsonTextAtKey(sql`data`, ["title"], locale)} AS title FROM guides`,
  );
  return new Map(rows.map((row) => [row.id, row.title ?? row.id]));
}

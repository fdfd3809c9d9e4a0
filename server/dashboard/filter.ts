import { type SQL, sql } from "drizzle-orm";
import { jakartaDayEnd, jakartaDayStart } from "../../shared/jakarta-time";
import type { Scope } from "../console/scope";

/**
 * Which applications a dashboard figure counts: the caller's scope, one
 * service, and a range of first-submission dates. Built once per request and
 * turned into one WHERE clause that every dashboard query shares, so the
 * figures of one page always add up.
 */
export interface DashboardFilter {
  /** null: every kecamatan (admins); "none": nothing (an operator with no kecamatan). */
  kecamatanCode: string | null | "none";
  guideId?: string | undefined;
  /** Inclusive Jakarta dates (YYYY-MM-DD) of the first submission: what the rollups are keyed by. */
  fromDay?: string | undefined;
  toDay?: string | undefined;
  /** The same range as instants: inclusive lower and exclusive upper bound on firstSubmittedAt, ISO UTC (the recount's). */
  fromIso?: string | undefined;
  toIso?: string | undefined;
}

export function dashboardFilter(
  scope: Scope,
  query: {
    from?: string | undefined;
    to?: string | undefined;
    guideId?: string | undefined;
    kecamatanCode?: string | undefined;
  },
): DashboardFilter {
  const kecamatanCode =
    scope.kind === "none" ? "none" : scope.kind === "kecamatan" ? scope.code : (query.kecamatanCode ?? null);
  return {
    kecamatanCode,
    guideId: query.guideId,
    fromDay: query.from,
    toDay: query.to,
    fromIso: query.from === undefined ? undefined : jakartaDayStart(query.from),
    toIso: query.to === undefined ? undefined : jakartaDayEnd(query.to),
  };
}

/** The same filter over `review_findings f`, by its own copies of the scope columns (no date: see topReasons). */
export function findingsWhere(filter: DashboardFilter): SQL {
  const parts = [sql`TRUE`];
  if (filter.kecamatanCode === "none") parts.push(sql`FALSE`);
  else if (filter.kecamatanCode !== null) parts.push(sql`f.kecamatan_code = ${filter.kecamatanCode}`);
  if (filter.guideId !== undefined) parts.push(sql`f.guide_id = ${filter.guideId}`);
  return sql.join(parts, sql` AND `);
}

/**
 * The WHERE clause over `applications a`: submitted at least once (which also
 * keeps drafts out) and not deleted. Column order matches the dashboard index
 * (kecamatan, first submission, …) so an operator's query is a range scan.
 */
export function applicationsWhere(filter: DashboardFilter, options: { includeDeleted?: boolean } = {}): SQL {
  const parts = [sql`a.first_submitted_at IS NOT NULL`];
  if (!options.includeDeleted) parts.push(sql`a.deleted_at IS NULL`);
  if (filter.kecamatanCode === "none") parts.push(sql`FALSE`);
  else if (filter.kecamatanCode !== null) parts.push(sql`a.kecamatan_code = ${filter.kecamatanCode}`);
  if (filter.fromIso !== undefined) parts.push(sql`a.first_submitted_at >= ${filter.fromIso}`);
  if (filter.toIso !== undefined) parts.push(sql`a.first_submitted_at < ${filter.toIso}`);
  if (filter.guideId !== undefined) parts.push(sql`a.guide_id = ${filter.guideId}`);
  return sql.join(parts, sql` AND `);
}

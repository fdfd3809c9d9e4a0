import { type SQL, sql } from "drizzle-orm";
import type { ReasonCount } from "../../shared/api/console";
import { REVIEW_STATUS_ORDER } from "../../shared/review/statuses";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { indexedBy, jsonArrayRows } from "../db/sql-fns";
import { histogramMedianHours } from "./durations";
import type { DashboardFilter } from "./filter";
import { periodSegments } from "./periods";
import { REASONS_PER_SERVICE } from "./queries";
import { type Scan, TALLY_STATUS_START, type Tally } from "./scan";

/**
 * The dashboard read from its rollups (dashboard_groups, dashboard_durations,
 * dashboard_reasons), which the triggers of migration 0009 keep up to date in
 * the same transaction as every change to an application or a finding. A
 * figure is a sum over a few hundred rows, never a pass over the files: the
 * filter picks one kecamatan (or '*', every one), one service (or '*') and
 * the periods of the date range (periods.ts). scan.ts recounts the same
 * figures from the applications table; the property test holds them equal.
 */

/** Columns per status, in REVIEW_STATUS_ORDER, after submitted, first_pass and sent_back_or_rejected. */
const STATUS_COLUMNS: Record<(typeof REVIEW_STATUS_ORDER)[number], string> = {
  submitted: "s_submitted",
  received: "s_received",
  verified: "s_verified",
  approved: "s_approved",
  "needs-fix": "s_needs_fix",
  rejected: "s_rejected",
};
const TALLY_COLUMNS = [
  "submitted",
  "first_pass",
  "sent_back_or_rejected",
  ...REVIEW_STATUS_ORDER.map((status) => STATUS_COLUMNS[status]),
];
/** Constant text (column names of the rollup), aliased t0, t1, … in tally order. */
const TALLY_SQL = sql.raw(TALLY_COLUMNS.map((column, index) => `SUM(g.${column}) AS t${index}`).join(", "));
if (TALLY_STATUS_START !== 3) throw new Error("rollups.ts assumes three counts before the statuses");

interface Keys {
  segments: string;
  kecamatan: string;
  guide: string;
}

/**
 * Segments drive the loop (CROSS JOIN keeps json_each outside), so each is one
 * range of the primary key: grain, kecamatan, guide, then the periods.
 */
function groupsSql(keys: Keys): SQL {
  return sql`SELECT g.dimension AS dimension, g.key AS key, ${TALLY_SQL}
  FROM ${jsonArrayRows(keys.segments, "s")} CROSS JOIN dashboard_groups g
  WHERE g.grain = s.value ->> 0 AND g.kecamatan = ${keys.kecamatan} AND g.guide = ${keys.guide}
    AND g.period BETWEEN s.value ->> 1 AND s.value ->> 2
  GROUP BY g.dimension, g.key HAVING SUM(g.submitted) <> 0`;
}

function durationsSql(keys: Keys): SQL {
  return sql`SELECT d.measure AS measure, d.minutes AS minutes, SUM(d.n) AS count
  FROM ${jsonArrayRows(keys.segments, "s")} CROSS JOIN dashboard_durations d
  WHERE d.grain = s.value ->> 0 AND d.kecamatan = ${keys.kecamatan} AND d.guide = ${keys.guide}
    AND d.period BETWEEN s.value ->> 1 AND s.value ->> 2
  GROUP BY d.measure, d.minutes HAVING SUM(d.n) <> 0
  ORDER BY d.measure, d.minutes`;
}

/**
 * As queries.ts ranked them from the findings: the ten most frequent per
 * service. One service reads its own rows (the guide index), not every
 * service's rows of the periods.
 */
function reasonsSql(keys: Keys, oneService: boolean): SQL {
  return sql`SELECT "guideId", decision, "reasonCode", "requirementId", count FROM (
    SELECT r.guide AS "guideId", r.decision AS decision, r.reason AS "reasonCode",
           NULLIF(r.requirement, '') AS "requirementId", SUM(r.n) AS count,
           ROW_NUMBER() OVER (PARTITION BY r.guide ORDER BY SUM(r.n) DESC, r.decision, r.reason, r.requirement) AS rank
    FROM ${jsonArrayRows(keys.segments, "s")} CROSS JOIN ${oneService ? indexedBy("dashboard_reasons r", "dashboard_reasons_guide_idx") : sql`dashboard_reasons r`}
    WHERE r.grain = s.value ->> 0 AND r.kecamatan = ${keys.kecamatan} ${oneService ? sql`AND r.guide = ${keys.guide}` : sql``}
      AND r.period BETWEEN s.value ->> 1 AND s.value ->> 2
    GROUP BY r.guide, r.decision, r.reason, r.requirement HAVING SUM(r.n) <> 0
  ) ranked WHERE rank <= ${sql.raw(String(REASONS_PER_SERVICE))}
  ORDER BY count DESC, "guideId", decision, "reasonCode", "requirementId"`;
}

/** The rollup keys of a filter, or null when it can match nothing (an operator without a kecamatan). */
function keysOf(filter: DashboardFilter): Keys | null {
  if (filter.kecamatanCode === "none") return null;
  const segments = periodSegments(filter.fromDay, filter.toDay);
  if (segments.length === 0) return null;
  return {
    segments: JSON.stringify(segments),
    kecamatan: filter.kecamatanCode ?? "*",
    guide: filter.guideId ?? "*",
  };
}

type GroupRow = { dimension: string; key: string } & Record<`t${number}`, number>;

const DIMENSIONS = { service: "byGuide", kelurahan: "byVillage", cadre: "byCadre" } as const;

/** Status counts, rates, medians and the three groupings, from the rollups. */
export async function rollupFigures(db: Db, filter: DashboardFilter): Promise<Scan> {
  const scan: Scan = {
    byStatus: {},
    total: new Array<number>(TALLY_STATUS_START + REVIEW_STATUS_ORDER.length).fill(0),
    byGuide: new Map(),
    byVillage: new Map(),
    byCadre: new Map(),
    medianDraftToSubmitHours: null,
    medianSubmitToVerdictHours: null,
  };
  const keys = keysOf(filter);
  if (!keys) return scan;
  for (const row of await rawAll<GroupRow>(db, groupsSql(keys))) {
    const into = DIMENSIONS[row.dimension as keyof typeof DIMENSIONS];
    if (into === undefined) continue;
    const tally: Tally = TALLY_COLUMNS.map((_, index) => row[`t${index}`] ?? 0);
    scan[into].set(row.key, tally);
    // Every submitted file is in exactly one service group: their sum is the whole.
    if (into === "byGuide") {
      for (const [index, count] of tally.entries()) scan.total[index] = (scan.total[index] ?? 0) + count;
    }
  }
  REVIEW_STATUS_ORDER.forEach((status, index) => {
    const count = scan.total[TALLY_STATUS_START + index] ?? 0;
    if (count !== 0) scan.byStatus[status] = count;
  });
  scan.byStatus = Object.fromEntries(Object.entries(scan.byStatus).sort(([a], [b]) => (a < b ? -1 : 1)));
  const histograms = new Map<string, [number, number][]>();
  const durations = await rawAll<{ measure: string; minutes: number; count: number }>(db, durationsSql(keys));
  for (const { measure, minutes, count } of durations) {
    const histogram = histograms.get(measure) ?? [];
    histogram.push([minutes, count]);
    histograms.set(measure, histogram);
  }
  scan.medianDraftToSubmitHours = histogramMedianHours(histograms.get("draft-submit") ?? []);
  scan.medianSubmitToVerdictHours = histogramMedianHours(histograms.get("submit-verdict") ?? []);
  return scan;
}

/** The office's most frequent reasons per service, from the rollups. */
export async function rollupReasons(db: Db, filter: DashboardFilter): Promise<Omit<ReasonCount, "guideTitle">[]> {
  const keys = keysOf(filter);
  if (!keys) return [];
  return rawAll<Omit<ReasonCount, "guideTitle">>(db, reasonsSql(keys, filter.guideId !== undefined));
}

import type { ReasonCount } from "../../shared/api/console";
import { REVIEW_STATUS_ORDER } from "../../shared/review/statuses";
import type { Db } from "../db/open";
import { histogramMedianHours } from "./durations";
import type { DashboardFilter } from "./filter";
import { periodSegments } from "./periods";
import { REASONS_PER_SERVICE } from "./queries";
import { type Scan, TALLY_STATUS_START, type Tally } from "./scan";
import { prepared } from "./statements";

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
const TALLY_SQL = [
  "submitted",
  "first_pass",
  "sent_back_or_rejected",
  ...REVIEW_STATUS_ORDER.map((status) => STATUS_COLUMNS[status]),
]
  .map((column) => `SUM(g.${column})`)
  .join(", ");
if (TALLY_STATUS_START !== 3) throw new Error("rollups.ts assumes three counts before the statuses");

/**
 * Segments drive the loop (CROSS JOIN keeps json_each outside), so each is one
 * range of the primary key: grain, kecamatan, guide, then the periods.
 */
const GROUPS_SQL = `SELECT g.dimension, g.key, ${TALLY_SQL}
  FROM json_each(@segments) s CROSS JOIN dashboard_groups g
  WHERE g.grain = s.value ->> 0 AND g.kecamatan = @kecamatan AND g.guide = @guide
    AND g.period BETWEEN s.value ->> 1 AND s.value ->> 2
  GROUP BY g.dimension, g.key HAVING SUM(g.submitted) <> 0`;

const DURATIONS_SQL = `SELECT d.measure, d.minutes, SUM(d.n)
  FROM json_each(@segments) s CROSS JOIN dashboard_durations d
  WHERE d.grain = s.value ->> 0 AND d.kecamatan = @kecamatan AND d.guide = @guide
    AND d.period BETWEEN s.value ->> 1 AND s.value ->> 2
  GROUP BY d.measure, d.minutes HAVING SUM(d.n) <> 0
  ORDER BY d.measure, d.minutes`;

/**
 * As queries.ts ranked them from the findings: the ten most frequent per
 * service. One service reads its own rows (the guide index), not every
 * service's rows of the periods.
 */
function reasonsSql(oneService: boolean): string {
  return `SELECT guideId, decision, reasonCode, requirementId, count FROM (
    SELECT r.guide AS guideId, r.decision AS decision, r.reason AS reasonCode,
           NULLIF(r.requirement, '') AS requirementId, SUM(r.n) AS count,
           ROW_NUMBER() OVER (PARTITION BY r.guide ORDER BY SUM(r.n) DESC, r.decision, r.reason, r.requirement) AS rank
    FROM json_each(@segments) s CROSS JOIN dashboard_reasons r${oneService ? " INDEXED BY dashboard_reasons_guide_idx" : ""}
    WHERE r.grain = s.value ->> 0 AND r.kecamatan = @kecamatan ${oneService ? "AND r.guide = @guide" : ""}
      AND r.period BETWEEN s.value ->> 1 AND s.value ->> 2
    GROUP BY r.guide, r.decision, r.reason, r.requirement HAVING SUM(r.n) <> 0
  ) WHERE rank <= ${REASONS_PER_SERVICE}
  ORDER BY count DESC, guideId, decision, reasonCode, requirementId`;
}

interface Keys {
  segments: string;
  kecamatan: string;
  guide: string;
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

type GroupRow = [dimension: string, key: string, ...tally: number[]];

const DIMENSIONS = { service: "byGuide", kelurahan: "byVillage", cadre: "byCadre" } as const;

/** Status counts, rates, medians and the three groupings, from the rollups. */
export function rollupFigures(db: Db, filter: DashboardFilter): Scan {
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
  for (const raw of prepared(db, GROUPS_SQL).raw(true).all(keys)) {
    const [dimension, key, ...tally] = raw as GroupRow;
    const into = DIMENSIONS[dimension as keyof typeof DIMENSIONS];
    if (into === undefined) continue;
    scan[into].set(key, tally as Tally);
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
  for (const raw of prepared(db, DURATIONS_SQL).raw(true).all(keys)) {
    const [measure, minutes, count] = raw as [string, number, number];
    const histogram = histograms.get(measure) ?? [];
    histogram.push([minutes, count]);
    histograms.set(measure, histogram);
  }
  scan.medianDraftToSubmitHours = histogramMedianHours(histograms.get("draft-submit") ?? []);
  scan.medianSubmitToVerdictHours = histogramMedianHours(histograms.get("submit-verdict") ?? []);
  return scan;
}

/** The office's most frequent reasons per service, from the rollups. */
export function rollupReasons(db: Db, filter: DashboardFilter): Omit<ReasonCount, "guideTitle">[] {
  const keys = keysOf(filter);
  if (!keys) return [];
  const oneService = filter.guideId !== undefined;
  return prepared(db, reasonsSql(oneService)).all(
    oneService ? keys : { segments: keys.segments, kecamatan: keys.kecamatan },
  ) as Omit<ReasonCount, "guideTitle">[];
}

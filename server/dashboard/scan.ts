import { type SQL, sql } from "drizzle-orm";
import { REVIEW_STATUS_ORDER } from "../../shared/review/statuses";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { indexedBy, msBetween } from "../db/sql-fns";
import { bucketMinutes, hours } from "./durations";
import { applicationsWhere, type DashboardFilter } from "./filter";

/**
 * The recount: status counts, rates, both medians and the per-service,
 * per-kelurahan and per-cadre figures, from one pass over the dashboard index
 * of the applications table. The dashboard itself reads its rollups
 * (rollups.ts); this pass is what they must always equal (the property test in
 * tests/server/dashboard-rollups.test.ts, and bench/console.ts as "before").
 * Durations are rounded to the rollups' buckets (durations.ts) before the
 * median is taken, so both sides are compared at the same precision.
 */

/**
 * Counts of one group: [0] submitted, [1] first pass, [2] sent back or
 * rejected, then from TALLY_STATUS_START one per status, in REVIEW_STATUS_ORDER.
 */
export type Tally = number[];

export const TALLY_STATUS_START = 3;
const TALLY_SIZE = TALLY_STATUS_START + REVIEW_STATUS_ORDER.length;
const STATUS_SLOT = new Map<string, number>(
  REVIEW_STATUS_ORDER.map((status, index) => [status, TALLY_STATUS_START + index]),
);

function emptyTally(): Tally {
  return new Array<number>(TALLY_SIZE).fill(0);
}

export interface Scan {
  byStatus: Record<string, number>;
  total: Tally;
  byGuide: Map<string, Tally>;
  /** "" for files without a kelurahan. */
  byVillage: Map<string, Tally>;
  byCadre: Map<string, Tally>;
  medianDraftToSubmitHours: number | null;
  medianSubmitToVerdictHours: number | null;
}

/** Pinned to the covering index on SQLite: otherwise it may read the rows, content and all. */
const APPLICATIONS = (): SQL => indexedBy("applications a", "applications_dashboard_idx");

interface Row {
  status: string;
  guideId: string;
  villageCode: string;
  cadreId: string;
  precheckFailures: number;
  sentBackCount: number;
  draftToSubmitMs: number | null;
  submitToVerdictMs: number | null;
}

function add(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = emptyTally();
    map.set(key, tally);
  }
  return tally;
}

function count(tallies: Tally[], row: Row): void {
  const { status, precheckFailures, sentBackCount } = row;
  const firstPass = precheckFailures === 0 ? 1 : 0;
  const sentBackOrRejected = sentBackCount > 0 || status === "rejected" ? 1 : 0;
  const slot = STATUS_SLOT.get(status);
  for (const tally of tallies) {
    tally[0] = (tally[0] as number) + 1;
    tally[1] = (tally[1] as number) + firstPass;
    tally[2] = (tally[2] as number) + sentBackOrRejected;
    if (slot !== undefined) tally[slot] = (tally[slot] as number) + 1;
  }
}

/** Grows as values arrive; a Float64Array keeps a million hours at 8 MB. */
class Values {
  data = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/** The k-th smallest (0-based) of a[0..n), reordering a in place (Hoare's quickselect, expected linear). */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/** The true median (mean of the middle two for an even count), rounded to hundredths of an hour. */
export function median(values: Float64Array, n: number): number | null {
  if (n === 0) return null;
  const upper = select(values, n, n >> 1);
  let value = upper;
  if (n % 2 === 0) {
    // After selecting n/2, everything below it is in a[0..n/2): the lower middle is their maximum.
    let lower = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n >> 1; i++) lower = Math.max(lower, values[i] as number);
    value = (lower + upper) / 2;
  }
  return Math.round(value * 100) / 100;
}

/** The median of bucketed minutes (whole, or a half for the mean of two), in hours to the hundredth. */
function medianHours(values: Values): number | null {
  const minutes = median(values.data, values.length);
  return minutes === null ? null : hours(minutes);
}

export async function scanApplications(db: Db, filter: DashboardFilter): Promise<Scan> {
  // julianday (SQLite) reads ISO timestamps with or without milliseconds or an offset; whole milliseconds, as the triggers.
  const rows = await rawAll<Row>(
    db,
    sql`SELECT a.status AS status, a.guide_id AS "guideId", COALESCE(a.village_code, '') AS "villageCode",
            a.cadre_id AS "cadreId", a.precheck_failures AS "precheckFailures", a.sent_back_count AS "sentBackCount",
            ${msBetween(sql`a.first_submitted_at`, sql`a.draft_created_at`)} AS "draftToSubmitMs",
            ${msBetween(sql`a.first_decision_at`, sql`a.first_submitted_at`)} AS "submitToVerdictMs"
     FROM ${APPLICATIONS()} WHERE ${applicationsWhere(filter)}`,
  );
  const byStatus: Record<string, number> = {};
  const total = emptyTally();
  const byGuide = new Map<string, Tally>();
  const byVillage = new Map<string, Tally>();
  const byCadre = new Map<string, Tally>();
  const draftToSubmit = new Values();
  const submitToVerdict = new Values();
  for (const row of rows) {
    const { status, guideId, villageCode, cadreId, draftToSubmitMs: draftMs, submitToVerdictMs: verdictMs } = row;
    if (status !== "draft") byStatus[status] = (byStatus[status] ?? 0) + 1;
    count([total, add(byGuide, guideId), add(byVillage, villageCode), add(byCadre, cadreId)], row);
    if (draftMs !== null) draftToSubmit.push(bucketMinutes(draftMs));
    if (verdictMs !== null) submitToVerdict.push(bucketMinutes(verdictMs));
  }
  return {
    byStatus: Object.fromEntries(Object.entries(byStatus).sort(([a], [b]) => (a < b ? -1 : 1))),
    total,
    byGuide,
    byVillage,
    byCadre,
    medianDraftToSubmitHours: medianHours(draftToSubmit),
    medianSubmitToVerdictHours: medianHours(submitToVerdict),
  };
}

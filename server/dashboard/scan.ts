import type { Db } from "../db/open";
import { applicationsWhere, type DashboardFilter } from "./filter";
import { prepared } from "./statements";

/**
 * Status counts, rates, both medians and the per-service, per-kelurahan and
 * per-cadre figures, from one pass over the dashboard index. SQLite can only
 * GROUP BY or find a median by sorting; with a million rows in scope, seven
 * sorts cost several seconds, while one scan tallied in JavaScript costs one.
 */

/** submitted, first pass, sent back or rejected, verified (or approved), needs fix, rejected. */
export type Tally = [number, number, number, number, number, number];

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

/** Pinned to the covering index: otherwise SQLite may read the rows, content and all. */
const APPLICATIONS = "applications a INDEXED BY applications_dashboard_idx";

type Row = [
  status: string,
  guideId: string,
  villageCode: string,
  cadreId: string,
  precheckFailures: number,
  sentBackCount: number,
  draftToSubmitHours: number | null,
  submitToVerdictHours: number | null,
];

function add(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = [0, 0, 0, 0, 0, 0];
    map.set(key, tally);
  }
  return tally;
}

function count(tallies: Tally[], row: Row): void {
  const [status, , , , precheckFailures, sentBackCount] = row;
  const firstPass = precheckFailures === 0 ? 1 : 0;
  const sentBackOrRejected = sentBackCount > 0 || status === "rejected" ? 1 : 0;
  const verified = status === "verified" || status === "approved" ? 1 : 0;
  const needsFix = status === "needs-fix" ? 1 : 0;
  const rejected = status === "rejected" ? 1 : 0;
  for (const tally of tallies) {
    tally[0] += 1;
    tally[1] += firstPass;
    tally[2] += sentBackOrRejected;
    tally[3] += verified;
    tally[4] += needsFix;
    tally[5] += rejected;
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

export function scanApplications(db: Db, filter: DashboardFilter): Scan {
  const where = applicationsWhere(filter);
  // julianday reads ISO timestamps with or without milliseconds or an offset.
  const statement = prepared(
    db,
    `SELECT a.status, a.guide_id, COALESCE(a.village_code, ''), a.cadre_id, a.precheck_failures, a.sent_back_count,
            (julianday(a.first_submitted_at) - julianday(a.draft_created_at)) * 24.0,
            (julianday(a.first_decision_at) - julianday(a.first_submitted_at)) * 24.0
     FROM ${APPLICATIONS} WHERE ${where.sql}`,
  ).raw(true);
  const byStatus: Record<string, number> = {};
  const total: Tally = [0, 0, 0, 0, 0, 0];
  const byGuide = new Map<string, Tally>();
  const byVillage = new Map<string, Tally>();
  const byCadre = new Map<string, Tally>();
  const draftToSubmit = new Values();
  const submitToVerdict = new Values();
  for (const raw of statement.iterate(where.params)) {
    const row = raw as Row;
    const [status, guideId, villageCode, cadreId, , , draftHours, verdictHours] = row;
    if (status !== "draft") byStatus[status] = (byStatus[status] ?? 0) + 1;
    count([total, add(byGuide, guideId), add(byVillage, villageCode), add(byCadre, cadreId)], row);
    if (draftHours !== null) draftToSubmit.push(draftHours);
    if (verdictHours !== null) submitToVerdict.push(verdictHours);
  }
  return {
    byStatus: Object.fromEntries(Object.entries(byStatus).sort(([a], [b]) => (a < b ? -1 : 1))),
    total,
    byGuide,
    byVillage,
    byCadre,
    medianDraftToSubmitHours: median(draftToSubmit.data, draftToSubmit.length),
    medianSubmitToVerdictHours: median(submitToVerdict.data, submitToVerdict.length),
  };
}

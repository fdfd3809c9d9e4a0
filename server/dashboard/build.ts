import { sql } from "drizzle-orm";
import type { Dashboard, GroupFigures, ReasonCount } from "../../shared/api/console";
import type { RegionIndex } from "../../shared/regions";
import { REVIEW_STATUS_ORDER } from "../../shared/review/statuses";
import type { Locale } from "../../shared/text";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { inList } from "../db/sql-fns";
import { withSnapshot } from "../db/transaction";
import type { DashboardFilter } from "./filter";
import { type OnTimeHistograms, onTimeSection } from "./on-time";
import { rollupOnTime } from "./on-time-rollups";
import { scanOnTime } from "./on-time-scan";
import { guideTitles, topReasons } from "./queries";
import { rollupFigures, rollupReasons } from "./rollups";
import { type Scan, scanApplications, TALLY_STATUS_START, type Tally } from "./scan";

const NO_KELURAHAN = { id: "(kelurahan tidak diisi)", en: "(no kelurahan given)" } as const;

export interface Labels {
  locale: Locale;
  regions: RegionIndex;
}

export type ScanFigures = Omit<Dashboard, "topReasons" | "onTime">;

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function figuresOf(key: string, label: string, tally: Tally): GroupFigures {
  const [submitted = 0, firstPass = 0, sentBackOrRejected = 0] = tally;
  return {
    key,
    label,
    submitted,
    firstPass,
    firstPassRate: share(firstPass, submitted),
    sentBackOrRejected,
    sentBackOrRejectedRate: share(sentBackOrRejected, submitted),
    byStatus: Object.fromEntries(
      REVIEW_STATUS_ORDER.map((status, index) => [status, tally[TALLY_STATUS_START + index] ?? 0]),
    ) as GroupFigures["byStatus"],
  };
}

/** Groups, most files first (then by key, so ties keep a stable order). */
function groups(tallies: Map<string, Tally>, label: (key: string) => string): GroupFigures[] {
  return [...tallies]
    .sort(([keyA, a], [keyB, b]) => (b[0] ?? 0) - (a[0] ?? 0) || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .map(([key, tally]) => figuresOf(key, label(key), tally));
}

async function cadreNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  // One statement for the ≤100 or so cadres of a dashboard: the ids go as one parameter.
  const rows = await rawAll<{ id: string; name: string }>(
    db,
    sql`SELECT id, display_name AS name FROM users WHERE ${inList(sql`id`, ids)}`,
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function labelled(db: Db, scan: Scan, labels: Labels, titles: Map<string, string>): Promise<ScanFigures> {
  const names = await cadreNames(db, [...scan.byCadre.keys()]);
  const total = figuresOf("", "", scan.total);
  return {
    byStatus: scan.byStatus,
    submitted: total.submitted,
    firstPass: total.firstPass,
    firstPassRate: total.firstPassRate,
    sentBackOrRejected: total.sentBackOrRejected,
    sentBackOrRejectedRate: total.sentBackOrRejectedRate,
    medianDraftToSubmitHours: scan.medianDraftToSubmitHours,
    medianSubmitToVerdictHours: scan.medianSubmitToVerdictHours,
    byService: groups(scan.byGuide, (key) => titles.get(key) ?? key),
    byKelurahan: groups(scan.byVillage, (key) =>
      key === "" ? NO_KELURAHAN[labels.locale] : (labels.regions.village(key)?.name ?? key),
    ),
    byCadre: groups(scan.byCadre, (key) => names.get(key) ?? key),
  };
}

/**
 * Where the figures come from: the rollups (what the console reads), or a
 * recount over the applications and findings tables (what the rollups must
 * equal: the tests' oracle and the benchmark's "before").
 */
export interface FigureSource {
  figures: (db: Db, filter: DashboardFilter) => Promise<Scan>;
  reasons: (db: Db, filter: DashboardFilter) => Promise<Omit<ReasonCount, "guideTitle">[]>;
  onTime: (db: Db, filter: DashboardFilter) => Promise<OnTimeHistograms>;
}

export const ROLLUPS: FigureSource = { figures: rollupFigures, reasons: rollupReasons, onTime: rollupOnTime };
export const RECOUNT: FigureSource = { figures: scanApplications, reasons: topReasons, onTime: scanOnTime };

/** Files decided within the service time, per service and month of the decision. */
export async function onTimeFigures(db: Db, filter: DashboardFilter, labels: Labels, source = ROLLUPS) {
  const histograms = await source.onTime(db, filter);
  return onTimeSection(histograms, await guideTitles(db, labels.locale));
}

/** Everything but the top reasons, labelled in the caller's language. */
export async function dashboardFigures(
  db: Db,
  filter: DashboardFilter,
  labels: Labels,
  source = ROLLUPS,
): Promise<ScanFigures> {
  const scan = await source.figures(db, filter);
  return labelled(db, scan, labels, await guideTitles(db, labels.locale));
}

export async function reasonCounts(
  db: Db,
  filter: DashboardFilter,
  labels: Labels,
  titles?: Map<string, string>,
  source = ROLLUPS,
): Promise<ReasonCount[]> {
  const known = titles ?? (await guideTitles(db, labels.locale));
  return (await source.reasons(db, filter)).map(
    (row): ReasonCount => ({ ...row, guideTitle: known.get(row.guideId) ?? row.guideId }),
  );
}

/**
 * The whole dashboard for one filter; labels (service titles, kelurahan names)
 * in the caller's language. One read transaction, so every figure comes from
 * the same snapshot and the parts add up even while verdicts are being written.
 */
export async function buildDashboard(
  db: Db,
  filter: DashboardFilter,
  labels: Labels,
  source = ROLLUPS,
): Promise<Dashboard> {
  return withSnapshot(db, async (tx): Promise<Dashboard> => {
    const titles = await guideTitles(tx, labels.locale);
    const figures = await labelled(tx, await source.figures(tx, filter), labels, titles);
    return {
      byStatus: figures.byStatus,
      submitted: figures.submitted,
      firstPass: figures.firstPass,
      firstPassRate: figures.firstPassRate,
      sentBackOrRejected: figures.sentBackOrRejected,
      sentBackOrRejectedRate: figures.sentBackOrRejectedRate,
      medianDraftToSubmitHours: figures.medianDraftToSubmitHours,
      medianSubmitToVerdictHours: figures.medianSubmitToVerdictHours,
      topReasons: await reasonCounts(tx, filter, labels, titles, source),
      byService: figures.byService,
      byKelurahan: figures.byKelurahan,
      byCadre: figures.byCadre,
      onTime: onTimeSection(await source.onTime(tx, filter), titles),
    };
  });
}

import type { Dashboard, GroupFigures, ReasonCount } from "../../shared/api/console";
import type { RegionIndex } from "../../shared/regions";
import type { Locale } from "../../shared/text";
import type { Db } from "../db/open";
import type { DashboardFilter } from "./filter";
import {
  type GroupRow,
  groupFigures,
  guideTitles,
  medianDraftToSubmitHours,
  medianSubmitToVerdictHours,
  rates,
  statusCounts,
  topReasons,
} from "./queries";

const NO_KELURAHAN = { id: "(kelurahan tidak diisi)", en: "(no kelurahan given)" } as const;

export interface Labels {
  locale: Locale;
  regions: RegionIndex;
}

function labelled(rows: GroupRow[], label: (row: GroupRow) => string): GroupFigures[] {
  return rows.map((row) => {
    const { displayName: _, ...figures } = row;
    return { ...figures, label: label(row) };
  });
}

export function serviceFigures(
  db: Db,
  filter: DashboardFilter,
  labels: Labels,
  titles = guideTitles(db, labels.locale),
) {
  return labelled(groupFigures(db, filter, "guide_id"), (row) => titles.get(row.key) ?? row.key);
}

export function kelurahanFigures(db: Db, filter: DashboardFilter, labels: Labels): GroupFigures[] {
  return labelled(groupFigures(db, filter, "village_code"), (row) =>
    row.key === "" ? NO_KELURAHAN[labels.locale] : (labels.regions.village(row.key)?.name ?? row.key),
  );
}

export function cadreFigures(db: Db, filter: DashboardFilter): GroupFigures[] {
  return labelled(groupFigures(db, filter, "cadre_id"), (row) => row.displayName ?? row.key);
}

export function reasonCounts(db: Db, filter: DashboardFilter, labels: Labels, titles = guideTitles(db, labels.locale)) {
  return topReasons(db, filter).map(
    (row): ReasonCount => ({ ...row, guideTitle: titles.get(row.guideId) ?? row.guideId }),
  );
}

/**
 * The whole dashboard for one filter; labels (service titles, kelurahan names)
 * in the caller's language. One read transaction, so every figure comes from
 * the same snapshot and the parts add up even while verdicts are being written.
 */
export function buildDashboard(db: Db, filter: DashboardFilter, labels: Labels): Dashboard {
  return db.$client.transaction(() => dashboardParts(db, filter, labels))();
}

function dashboardParts(db: Db, filter: DashboardFilter, labels: Labels): Dashboard {
  const titles = guideTitles(db, labels.locale);
  return {
    byStatus: statusCounts(db, filter),
    ...rates(db, filter),
    medianDraftToSubmitHours: medianDraftToSubmitHours(db, filter),
    medianSubmitToVerdictHours: medianSubmitToVerdictHours(db, filter),
    topReasons: reasonCounts(db, filter, labels, titles),
    byService: serviceFigures(db, filter, labels, titles),
    byKelurahan: kelurahanFigures(db, filter, labels),
    byCadre: cadreFigures(db, filter),
  };
}

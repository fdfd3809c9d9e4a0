import type { DashboardTable, GroupFigures } from "../../shared/api/console";
import { reasonLabel } from "../../shared/review/reasons";
import { REVIEW_STATUS_ORDER, STATUS_LABELS, statusLabel } from "../../shared/review/statuses";
import type { Locale, LocalizedText } from "../../shared/text";
import type { Db } from "../db/open";
import { withSnapshot } from "../db/transaction";
import type { CsvCell } from "../http/csv";
import { dashboardFigures, type Labels, onTimeFigures, reasonCounts } from "./build";
import type { DashboardFilter } from "./filter";

/** A dashboard table as spreadsheet rows, headed in the request's language. */
export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

const H = {
  status: { id: "Status", en: "Status" },
  statusCode: { id: "Kode status", en: "Status code" },
  count: { id: "Jumlah", en: "Count" },
  service: { id: "Layanan", en: "Service" },
  serviceCode: { id: "Kode layanan", en: "Service code" },
  kelurahan: { id: "Kelurahan", en: "Kelurahan" },
  kelurahanCode: { id: "Kode kelurahan", en: "Kelurahan code" },
  cadre: { id: "Kader", en: "Cadre" },
  cadreId: { id: "ID kader", en: "Cadre ID" },
  submitted: { id: "Berkas diajukan", en: "Files submitted" },
  firstPass: { id: "Lolos pra-periksa pertama", en: "Passed first pre-check" },
  firstPassRate: { id: "Lolos pra-periksa pertama (%)", en: "Passed first pre-check (%)" },
  sentBack: { id: "Dikembalikan atau ditolak", en: "Sent back or rejected" },
  sentBackRate: { id: "Dikembalikan atau ditolak (%)", en: "Sent back or rejected (%)" },
  statusNow: { id: "Status: {status}", en: "Status: {status}" },
  decision: { id: "Keputusan", en: "Decision" },
  reason: { id: "Alasan", en: "Reason" },
  reasonCode: { id: "Kode alasan", en: "Reason code" },
  requirement: { id: "Persyaratan", en: "Requirement" },
  month: { id: "Bulan keputusan", en: "Decision month" },
  unit: { id: "Satuan hari", en: "Day unit" },
  decided: { id: "Berkas diputus", en: "Files decided" },
  onTime: { id: "Tepat waktu", en: "On time" },
  onTimeRate: { id: "Tepat waktu (%)", en: "On time (%)" },
  medianDays: { id: "Median hari terpakai", en: "Median days used" },
  p90Days: { id: "Persentil ke-90 hari terpakai", en: "90th percentile of days used" },
  allServices: { id: "Semua layanan", en: "All services" },
  allMonths: { id: "Semua bulan", en: "All months" },
  working: { id: "hari kerja", en: "working days" },
  calendar: { id: "hari kalender", en: "calendar days" },
} satisfies Record<string, LocalizedText>;

/** A rate as a percentage with one decimal (66.7), empty when there is nothing to measure. */
function percent(rate: number | null): CsvCell {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** Each rate next to its count (the count of `submitted` is the base), then one column per status. */
function groupTable(locale: Locale, label: LocalizedText, code: LocalizedText, groups: GroupFigures[]): CsvTable {
  return {
    header: [
      ...[label, code, H.submitted, H.firstPass, H.firstPassRate, H.sentBack, H.sentBackRate].map(
        (text) => text[locale],
      ),
      ...REVIEW_STATUS_ORDER.map((status) => H.statusNow[locale].replace("{status}", STATUS_LABELS[status][locale])),
    ],
    rows: groups.map((g) => [
      g.label,
      g.key,
      g.submitted,
      g.firstPass,
      percent(g.firstPassRate),
      g.sentBackOrRejected,
      percent(g.sentBackOrRejectedRate),
      ...REVIEW_STATUS_ORDER.map((status) => g.byStatus[status]),
    ]),
  };
}

/** One row per service and decision month, each service's whole range, then every service per unit. */
async function onTimeTable(db: Db, filter: DashboardFilter, labels: Labels): Promise<CsvTable> {
  const { locale } = labels;
  const section = await onTimeFigures(db, filter, labels);
  return {
    header: [H.service, H.serviceCode, H.month, H.unit, H.decided, H.onTime, H.onTimeRate, H.medianDays, H.p90Days].map(
      (text) => text[locale],
    ),
    rows: section.rows.map((row) => [
      row.guideTitle ?? H.allServices[locale],
      row.guideId,
      row.month ?? H.allMonths[locale],
      H[row.unit][locale],
      row.decided,
      row.onTime,
      percent(row.onTimeRate),
      row.medianDaysUsed,
      row.p90DaysUsed,
    ]),
  };
}

/**
 * One dashboard table. The tables have one row per status, service, kelurahan
 * or cadre: small, so each is read in one transaction (its figures from one
 * snapshot) and sent as a single batch.
 */
export function dashboardTable(
  db: Db,
  table: DashboardTable,
  filter: DashboardFilter,
  labels: Labels,
): Promise<CsvTable> {
  return withSnapshot(db, (tx) => tableOf(tx, table, filter, labels));
}

async function tableOf(db: Db, table: DashboardTable, filter: DashboardFilter, labels: Labels): Promise<CsvTable> {
  const { locale } = labels;
  if (table === "reasons") {
    return {
      header: [H.service, H.serviceCode, H.decision, H.reason, H.reasonCode, H.requirement, H.count].map(
        (text) => text[locale],
      ),
      rows: (await reasonCounts(db, filter, labels)).map((r) => [
        r.guideTitle,
        r.guideId,
        statusLabel(r.decision, locale),
        reasonLabel(r.reasonCode, locale),
        r.reasonCode,
        r.requirementId,
        r.count,
      ]),
    };
  }
  if (table === "on-time") return onTimeTable(db, filter, labels);
  const figures = await dashboardFigures(db, filter, labels);
  switch (table) {
    case "by-status":
      return {
        header: [H.status[locale], H.statusCode[locale], H.count[locale]],
        // Every status, none left out for being zero, in the order the screen lists them.
        rows: REVIEW_STATUS_ORDER.map((status) => [
          STATUS_LABELS[status][locale],
          status,
          figures.byStatus[status] ?? 0,
        ]),
      };
    case "by-service":
      return groupTable(locale, H.service, H.serviceCode, figures.byService);
    case "by-kelurahan":
      return groupTable(locale, H.kelurahan, H.kelurahanCode, figures.byKelurahan);
    case "by-cadre":
      return groupTable(locale, H.cadre, H.cadreId, figures.byCadre);
  }
}

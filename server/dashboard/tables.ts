import type { DashboardTable, GroupFigures } from "../../shared/api/console";
import { reasonLabel } from "../../shared/review/reasons";
import type { Locale, LocalizedText } from "../../shared/text";
import type { Db } from "../db/open";
import type { CsvCell } from "../http/csv";
import { type Labels, reasonCounts, scanFigures } from "./build";
import type { DashboardFilter } from "./filter";

/** A dashboard table as spreadsheet rows, headed in the request's language. */
export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

const STATUS_LABELS: Record<string, LocalizedText> = {
  submitted: { id: "Diajukan", en: "Submitted" },
  received: { id: "Diterima kantor", en: "Received" },
  verified: { id: "Terverifikasi", en: "Verified" },
  "needs-fix": { id: "Perlu perbaikan", en: "Needs a fix" },
  rejected: { id: "Ditolak", en: "Rejected" },
  approved: { id: "Disetujui", en: "Approved" },
};

const DECISION_LABELS: Record<string, LocalizedText> = {
  "needs-fix": STATUS_LABELS["needs-fix"] as LocalizedText,
  rejected: STATUS_LABELS.rejected as LocalizedText,
};

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
  submitted: { id: "Diajukan", en: "Submitted" },
  firstPass: { id: "Lolos pra-periksa pertama (%)", en: "Passed first pre-check (%)" },
  sentBack: { id: "Dikembalikan atau ditolak (%)", en: "Sent back or rejected (%)" },
  verified: { id: "Terverifikasi", en: "Verified" },
  needsFix: { id: "Perlu perbaikan", en: "Needs a fix" },
  rejected: { id: "Ditolak", en: "Rejected" },
  decision: { id: "Keputusan", en: "Decision" },
  reason: { id: "Alasan", en: "Reason" },
  reasonCode: { id: "Kode alasan", en: "Reason code" },
  requirement: { id: "Persyaratan", en: "Requirement" },
} satisfies Record<string, LocalizedText>;

/** A rate as a percentage with one decimal (66.7), empty when there is nothing to measure. */
function percent(rate: number | null): CsvCell {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

function groupTable(locale: Locale, label: LocalizedText, code: LocalizedText, groups: GroupFigures[]): CsvTable {
  return {
    header: [label, code, H.submitted, H.firstPass, H.sentBack, H.verified, H.needsFix, H.rejected].map(
      (text) => text[locale],
    ),
    rows: groups.map((g) => [
      g.label,
      g.key,
      g.submitted,
      percent(g.firstPassRate),
      percent(g.sentBackOrRejectedRate),
      g.verified,
      g.needsFix,
      g.rejected,
    ]),
  };
}

export function dashboardTable(db: Db, table: DashboardTable, filter: DashboardFilter, labels: Labels): CsvTable {
  const { locale } = labels;
  if (table === "reasons") {
    return {
      header: [H.service, H.serviceCode, H.decision, H.reason, H.reasonCode, H.requirement, H.count].map(
        (text) => text[locale],
      ),
      rows: reasonCounts(db, filter, labels).map((r) => [
        r.guideTitle,
        r.guideId,
        DECISION_LABELS[r.decision]?.[locale] ?? r.decision,
        reasonLabel(r.reasonCode, locale),
        r.reasonCode,
        r.requirementId,
        r.count,
      ]),
    };
  }
  const figures = scanFigures(db, filter, labels);
  switch (table) {
    case "by-status":
      return {
        header: [H.status[locale], H.statusCode[locale], H.count[locale]],
        rows: Object.entries(figures.byStatus).map(([status, n]) => [
          STATUS_LABELS[status]?.[locale] ?? status,
          status,
          n,
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

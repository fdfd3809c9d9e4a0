import type { ComplaintCounts } from "../../../../shared/api/complaints";
import { locale } from "../../../i18n";
import { villageName } from "../../lookups";
import { tv } from "../../voice-messages";
import { CountTable } from "./CountTable";
import { categoryLabel, statusLabel } from "./complaint-words";
import { FeeReports } from "./FeeReports";

/** "Desember 2026" from "2026-12". */
function monthLabel(month: string): string {
  return new Intl.DateTimeFormat(locale.value === "en" ? "en-ID" : "id-ID", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${month}-01T00:00:00Z`));
}

/** The complaint figures an office head acts on: counts, the overdue ones, and the unofficial fees asked. */
export function ComplaintCountsView({ counts }: { counts: ComplaintCounts }) {
  return (
    <div class="complaint-counts" data-testid="complaint-counts">
      <p class={counts.overdue > 0 ? "overdue-line" : "muted"} data-testid="complaints-overdue">
        {tv("dashComplaintsOverdue", { count: counts.overdue })}
      </p>
      <div class="count-grid">
        <CountTable
          id="complaints-by-status"
          title={tv("complaintStatusTabs")}
          column={tv("colStatus")}
          rows={counts.byStatus.map((row) => ({ label: statusLabel(row.status), count: row.count }))}
        />
        <CountTable
          id="complaints-by-category"
          title={tv("dashByCategory")}
          column={tv("complaintCategory")}
          rows={counts.byCategory.map((row) => ({ label: categoryLabel(row.category), count: row.count }))}
        />
        <CountTable
          id="complaints-by-kelurahan"
          title={tv("dashByKelurahan")}
          column={tv("colKelurahan")}
          rows={counts.byKelurahan.map((row) => ({
            label: row.kelurahanCode ? villageName(row.kelurahanCode) : tv("dashKelurahanNone"),
            count: row.count,
          }))}
        />
        <CountTable
          id="complaints-by-month"
          title={tv("dashByMonth")}
          column={tv("colMonth")}
          rows={counts.byMonth.map((row) => ({ label: monthLabel(row.month), count: row.count }))}
        />
      </div>
      <FeeReports fees={counts.unofficialFees} />
    </div>
  );
}

import type { ComplaintCounts } from "../../../../shared/api/complaints";
import { guidesById } from "../../../catalogue/store";
import { formatNumber, formatRupiah } from "../../../format";
import { locale } from "../../../i18n";
import { tv } from "../../voice-messages";
import { TableScroll } from "../TableScroll";
import { officialFeeText } from "./complaint-words";

/** Unofficial-fee reports: how many, how much was asked in all and at most, and per service against its official fee. */
export function FeeReports({ fees }: { fees: ComplaintCounts["unofficialFees"] }) {
  const lang = locale.value;
  const serviceName = (id: string | null) =>
    id === null ? tv("dashServiceUnknown") : (guidesById.value.get(id)?.title[lang] ?? id);
  return (
    <div class="fee-reports" data-testid="complaint-fees">
      <h3 id="complaint-fees-title">{tv("dashFeesTitle")}</h3>
      {fees.reports === 0 ? (
        <p class="muted">{tv("dashFeesNone")}</p>
      ) : (
        <>
          <dl class="figures">
            <div class="figure">
              <dt>{tv("dashFeesReports")}</dt>
              <dd data-testid="fees-reports">{formatNumber(fees.reports)}</dd>
            </div>
            <div class="figure">
              <dt>{tv("dashFeesTotal")}</dt>
              <dd data-testid="fees-total">{formatRupiah(fees.totalAsked)}</dd>
            </div>
            <div class="figure">
              <dt>{tv("dashFeesLargest")}</dt>
              <dd data-testid="fees-largest">{fees.largestAsked === null ? "—" : formatRupiah(fees.largestAsked)}</dd>
            </div>
          </dl>
          <TableScroll labelledBy="complaint-fees-title">
            <table class="console-table" data-testid="table-fees-by-service">
              <thead>
                <tr>
                  <th scope="col">{tv("dashFeesService")}</th>
                  <th scope="col">{tv("dashFeesReports")}</th>
                  <th scope="col">{tv("dashFeesTotal")}</th>
                  <th scope="col">{tv("dashFeesOfficial")}</th>
                </tr>
              </thead>
              <tbody>
                {fees.byService.map((row) => (
                  <tr key={row.guideId ?? "none"}>
                    <th scope="row">{serviceName(row.guideId)}</th>
                    <td>{formatNumber(row.reports)}</td>
                    <td>{formatRupiah(row.totalAsked)}</td>
                    <td>{officialFeeText(row.officialFee)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </div>
  );
}

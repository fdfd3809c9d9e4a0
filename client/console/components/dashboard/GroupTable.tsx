import type { GroupFigures } from "../../../../shared/api/console";
import { DECIDED_STATUSES, OPEN_STATUSES } from "../../../../shared/review/statuses";
import { formatNumber } from "../../../format";
import { formatRate, rateOf } from "../../format";
import { type ConsoleMessageKey, tc } from "../../messages";
import { CsvLinks } from "../CsvLinks";
import { TableScroll } from "../TableScroll";

function RateCell({ rate, part, whole }: { rate: number | null; part: number; whole: number }) {
  return (
    <td>
      {formatRate(rate)}
      {whole > 0 && <span class="rate-basis">{rateOf(part, whole)}</span>}
    </td>
  );
}

/**
 * Figures per service, kelurahan or cadre: files submitted, both rates with
 * their counts, and how many are in each status now (open ones first, then
 * each decision), under a two-row header that says which are which.
 */
export function GroupTable({ id, title, rows, csv }: { id: string; title: string; rows: GroupFigures[]; csv: string }) {
  const statusLabel = (status: string) => tc(`status.${status}` as ConsoleMessageKey);
  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length === 0 ? (
        <p class="muted">{tc("noResults")}</p>
      ) : (
        <TableScroll labelledBy={`${id}-title`}>
          <table class="console-table group-table" data-testid={`table-${id}`}>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {tc("colName")}
                </th>
                <th scope="col" rowSpan={2}>
                  {tc("colSubmitted")}
                </th>
                <th scope="col" rowSpan={2}>
                  {tc("colFirstPass")}
                </th>
                <th scope="col" rowSpan={2}>
                  {tc("colSentBack")}
                </th>
                <th scope="colgroup" colSpan={OPEN_STATUSES.length}>
                  {tc("colOpenStatuses")}
                </th>
                <th scope="colgroup" colSpan={DECIDED_STATUSES.length}>
                  {tc("colDecidedStatuses")}
                </th>
              </tr>
              <tr>
                {[...OPEN_STATUSES, ...DECIDED_STATUSES].map((status) => (
                  <th scope="col" key={status} data-status={status}>
                    {statusLabel(status)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{formatNumber(row.submitted)}</td>
                  <RateCell rate={row.firstPassRate} part={row.firstPass} whole={row.submitted} />
                  <RateCell rate={row.sentBackOrRejectedRate} part={row.sentBackOrRejected} whole={row.submitted} />
                  {[...OPEN_STATUSES, ...DECIDED_STATUSES].map((status) => (
                    <td key={status} data-status={status}>
                      {formatNumber(row.byStatus[status])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <CsvLinks href={csv} testId={id} />
    </section>
  );
}

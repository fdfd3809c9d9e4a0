import { REVIEW_STATUS_ORDER } from "../../../../shared/review/statuses";
import { formatNumber } from "../../../format";
import { type ConsoleMessageKey, tc } from "../../messages";
import { BarChart } from "../BarChart";
import { CsvLinks } from "../CsvLinks";
import { TableScroll } from "../TableScroll";

/** How many files are in each status now: a chart, and the same numbers in a table. */
export function StatusSection({ byStatus, csv }: { byStatus: Record<string, number>; csv: string }) {
  const label = (status: string) => tc(`status.${status}` as ConsoleMessageKey);
  return (
    <section class="card" aria-labelledby="by-status-title">
      <h2 id="by-status-title">{tc("byStatusTitle")}</h2>
      <BarChart
        label={tc("chartLabel")}
        labels={REVIEW_STATUS_ORDER.map(label)}
        values={REVIEW_STATUS_ORDER.map((s) => byStatus[s] ?? 0)}
      />
      <TableScroll labelledBy={"by-status-title"}>
        <table class="console-table" data-testid="table-by-status">
          <thead>
            <tr>
              <th scope="col">{tc("filterStatus")}</th>
              <th scope="col">{tc("count")}</th>
            </tr>
          </thead>
          <tbody>
            {REVIEW_STATUS_ORDER.map((s) => (
              <tr key={s}>
                <th scope="row">{label(s)}</th>
                <td data-testid={`dash-status-${s}`}>{formatNumber(byStatus[s] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <CsvLinks href={csv} testId="by-status" />
    </section>
  );
}

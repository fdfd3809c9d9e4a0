import type { ReasonCount } from "../../../../shared/api/console";
import { reasonLabel } from "../../../../shared/review/reasons";
import { formatNumber } from "../../../format";
import { locale } from "../../../i18n";
import { type ConsoleMessageKey, tc } from "../../messages";
import { CsvLinks } from "../CsvLinks";
import { TableScroll } from "../TableScroll";

/** The office's most frequent reasons, per service: what cadres most need to hear about. */
export function ReasonsSection({ reasons, csv }: { reasons: ReasonCount[]; csv: string }) {
  const lang = locale.value;
  return (
    <section class="card" aria-labelledby="reasons-title">
      <h2 id="reasons-title">{tc("topReasonsTitle")}</h2>
      {reasons.length === 0 ? (
        <p class="muted">{tc("noResults")}</p>
      ) : (
        <TableScroll labelledBy={"reasons-title"}>
          <table class="console-table" data-testid="table-reasons">
            <thead>
              <tr>
                <th scope="col">{tc("filterService")}</th>
                <th scope="col">{tc("decision")}</th>
                <th scope="col">{tc("reason")}</th>
                <th scope="col">{tc("requirement")}</th>
                <th scope="col">{tc("count")}</th>
              </tr>
            </thead>
            <tbody>
              {reasons.map((r) => (
                <tr key={`${r.guideId}|${r.decision}|${r.reasonCode}|${r.requirementId ?? ""}`}>
                  <td>{r.guideTitle}</td>
                  <td>{tc(`decision.${r.decision}` as ConsoleMessageKey)}</td>
                  <td>{reasonLabel(r.reasonCode, lang)}</td>
                  <td>{r.requirementId ?? tc("none")}</td>
                  <td>{formatNumber(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <CsvLinks href={csv} testId="reasons" />
    </section>
  );
}

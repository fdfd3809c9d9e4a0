import type { OnTimeFigures, OnTimeSection as Section } from "../../../../shared/api/console";
import { formatNumber } from "../../../format";
import { locale } from "../../../i18n";
import { formatRate, rateOf } from "../../format";
import { tc } from "../../messages";
import { CsvLinks } from "../CsvLinks";
import { TableScroll } from "../TableScroll";

/** "Januari 2026": the Jakarta month of the decision, named in the console's language. */
function monthName(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(locale.value === "en" ? "en-ID" : "id-ID", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** Days in the row's own unit, so a calendar-day service never reads as working days. */
function days(value: number | null, unit: OnTimeFigures["unit"]): string {
  if (value === null) return tc("none");
  return tc(`dayUnit.${unit}`, { value: formatNumber(value), count: value });
}

function rowKey(row: OnTimeFigures): string {
  return `${row.guideId ?? "*"}|${row.month ?? "*"}|${row.unit}`;
}

function Row({ row, span }: { row: OnTimeFigures; span: number }) {
  const summary = row.month === null;
  return (
    <tr class={summary ? "on-time-summary" : undefined} data-testid={`on-time-${rowKey(row)}`}>
      {span > 0 && (
        <th scope="rowgroup" rowSpan={span}>
          {row.guideTitle ?? tc("allServices")}
        </th>
      )}
      <td>{row.month === null ? tc("allMonths") : monthName(row.month)}</td>
      <td>{formatNumber(row.decided)}</td>
      <td data-testid="on-time-rate">
        {formatRate(row.onTimeRate)}
        <span class="rate-basis">{rateOf(row.onTime, row.decided)}</span>
      </td>
      <td>{days(row.medianDaysUsed, row.unit)}</td>
      <td>{days(row.p90DaysUsed, row.unit)}</td>
    </tr>
  );
}

/**
 * The rows worth showing: a summary that only repeats the one row above it
 * (a service decided in one month, or one service in all) is left out; the
 * CSV keeps every row. Each row comes with how many rows its service's
 * header spans (0: under the header of the row above).
 */
export function shownRows(rows: OnTimeFigures[]): [OnTimeFigures, number][] {
  const count = (match: (row: OnTimeFigures) => boolean) => rows.filter(match).length;
  const kept = rows.filter((row) => {
    if (row.month !== null) return true;
    if (row.guideId !== null) return count((r) => r.guideId === row.guideId && r.unit === row.unit) > 2;
    return count((r) => r.guideId !== null && r.month === null && r.unit === row.unit) > 1;
  });
  return kept.map((row, index) => {
    if (index > 0 && kept[index - 1]?.guideId === row.guideId) return [row, 0];
    let span = 1;
    while (kept[index + span]?.guideId === row.guideId) span++;
    return [row, span];
  });
}

/** One tbody per service, so its header's rowgroup scope covers exactly its rows. */
function groups(rows: [OnTimeFigures, number][]): [OnTimeFigures, number][][] {
  const out: [OnTimeFigures, number][][] = [];
  for (const entry of rows) {
    if (entry[1] > 0 || out.length === 0) out.push([]);
    out[out.length - 1]?.push(entry);
  }
  return out;
}

/**
 * Files decided within the service time, per service and month of the
 * decision, each service's whole range after its months, every service last;
 * the unit of the days is said in every cell and in the note under the title.
 */
export function OnTimeSection({ data, csv }: { data: Section; csv: string }) {
  return (
    <section class="card on-time" aria-labelledby="on-time-title">
      <h2 id="on-time-title">{tc("onTimeTitle")}</h2>
      <p class="muted">{tc("onTimeIntro")}</p>
      <p class="muted">{tc("onTimeUnitNote")}</p>
      {data.rows.length === 0 ? (
        <p class="muted">{tc("noResults")}</p>
      ) : (
        <TableScroll labelledBy="on-time-title">
          <table class="console-table on-time-table" data-testid="table-on-time">
            <thead>
              <tr>
                <th scope="col">{tc("colService")}</th>
                <th scope="col">{tc("colMonth")}</th>
                <th scope="col">{tc("colDecided")}</th>
                <th scope="col">{tc("colOnTime")}</th>
                <th scope="col">{tc("colMedianDays")}</th>
                <th scope="col">{tc("colP90Days")}</th>
              </tr>
            </thead>
            {groups(shownRows(data.rows)).map((group) => (
              <tbody key={rowKey(group[0]?.[0] as OnTimeFigures)}>
                {group.map(([row, span]) => (
                  <Row key={rowKey(row)} row={row} span={span} />
                ))}
              </tbody>
            ))}
          </table>
        </TableScroll>
      )}
      <CsvLinks href={csv} testId="on-time" />
    </section>
  );
}

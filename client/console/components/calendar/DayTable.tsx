import type { CalendarDay, CalendarYear } from "../../../../shared/api/calendar";
import { tc } from "../../messages";
import { TableScroll } from "../TableScroll";
import { DayRow } from "./DayRow";
import { yearPanelId, yearTabId } from "./YearTabs";

/** The source most of a year's days share (its decree), said once above the table. */
function commonSourceOf(days: CalendarDay[]): string | null {
  const counts = new Map<string, number>();
  for (const day of days) counts.set(day.source, (counts.get(day.source) ?? 0) + 1);
  let best: string | null = null;
  for (const [source, count] of counts) if (count > 1 && count > (best ? (counts.get(best) ?? 0) : 0)) best = source;
  return best;
}

/** A year's closed days, in date order, as the tab panel of that year. */
export function DayTable({
  year,
  admin,
  onEdit,
  onRemove,
}: {
  year: CalendarYear;
  admin: boolean;
  onEdit: (day: CalendarDay) => void;
  onRemove: (day: CalendarDay) => Promise<boolean>;
}) {
  const common = commonSourceOf(year.days);
  const captionId = `calendar-caption-${year.year}`;
  return (
    <div role="tabpanel" id={yearPanelId(year.year)} aria-labelledby={yearTabId(year.year)} class="calendar-panel">
      <h2 id={captionId}>
        {tc("calendarDaysOf", { year: year.year })}{" "}
        <span class="muted small">({tc("calendarDayCount", { count: year.days.length })})</span>
      </h2>
      {common && (
        <p class="small calendar-common-source">
          <strong>{tc("calendarSource")}:</strong> {common}
        </p>
      )}
      {year.days.length === 0 ? (
        <p class="card">{tc("calendarNoDays", { year: year.year })}</p>
      ) : (
        <TableScroll labelledBy={captionId}>
          <table class="console-table calendar-table" data-testid="calendar-table">
            <thead>
              <tr>
                <th scope="col">{tc("calendarDate")}</th>
                <th scope="col">{tc("calendarKind")}</th>
                <th scope="col">{tc("calendarName")}</th>
                {admin && <th scope="col">{tc("calendarActions")}</th>}
              </tr>
            </thead>
            <tbody>
              {year.days.map((day) => (
                <DayRow
                  key={day.date}
                  day={day}
                  commonSource={common}
                  admin={admin}
                  onEdit={onEdit}
                  onRemove={onRemove}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
